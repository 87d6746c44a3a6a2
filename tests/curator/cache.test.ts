// The extraction cache: a rebuild reads only new or changed seeds, gives the
// same archive as a fresh read, survives a new process (a new cache object on
// the same folder), ignores entries it cannot trust and follows the code.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reporter } from 'vfile-reporter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildArchive, type Archive } from '../../src/archive.ts';
import { ExtractionCache, extractionSources } from '../../src/cache/extraction-cache.ts';
import { projectRegistry } from '../helpers/registry.ts';

let dir: string;
let seeds: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cache-'));
  // The undated article is read twice: once as it is, once against the date the others give it.
  await cp('tests/fixtures/story/undated-article', join(dir, 'seeds'), { recursive: true });
  seeds = (await readdir(join(dir, 'seeds'))).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, 'seeds', f));
});

afterEach(() => rm(dir, { recursive: true, force: true }));

async function read(registry = projectRegistry()): Promise<{ archive: Archive; cache: ExtractionCache }> {
  const cache = await ExtractionCache.open(join(dir, 'cache'));
  return { archive: await buildArchive(seeds, await registry, { cache }), cache };
}

/** The cache's entry files, with the seed each holds. */
async function entries(): Promise<{ path: string; seed: string }[]> {
  const versionDir = join(dir, 'cache', 'extract', (await readdir(join(dir, 'cache', 'extract')))[0]!);
  return Promise.all(
    (await readdir(versionDir)).map(async (name) => {
      const path = join(versionDir, name);
      return { path, seed: (JSON.parse(await readFile(path, 'utf8')) as { record: { file: string } }).record.file };
    }),
  );
}

describe('the extraction cache', () => {
  it('gives back the same archive and messages as a fresh read, without extracting again', async () => {
    const fresh = await buildArchive(seeds, await projectRegistry());
    expect(fresh.story.inferredDates.length).toBeGreaterThan(0);
    const cold = await read();
    expect(cold.cache.fromCache).toBe(0);
    const warm = await read();
    expect(warm.cache.fromCache).toBe(seeds.length);
    for (const { archive } of [cold, warm]) {
      expect(archive.records).toEqual(fresh.records);
      expect(archive.story).toEqual(fresh.story);
      expect(reporter(archive.files)).toBe(reporter(fresh.files));
    }
  });

  it('reads again only the seed that changed', async () => {
    await read();
    await writeFile(seeds[0]!, `${await readFile(seeds[0]!, 'utf8')}\nA line added later by the curator about nothing much at all.\n`);
    const { cache, archive } = await read();
    expect(cache.fromCache).toBe(seeds.length - 1);
    expect(archive.records[0]!.body).toContain('A line added later');
  });

  it('reads everything again when the registry changes', async () => {
    await read();
    const registry = await projectRegistry();
    const { cache } = await read(Promise.resolve({ ...registry, titles: [...registry.titles, 'Grand Vizier'] }));
    expect(cache.fromCache).toBe(0);
  });

  it('passes over entries that are cut short, garbled or another key’s', async () => {
    const fresh = await read();
    const stored = await entries();
    // The first three seeds are dated, so each has one entry.
    const [a, b, c] = seeds.slice(0, 3).map((seed) => stored.find((e) => e.seed === seed)!.path);
    const text = await readFile(a!, 'utf8');
    await writeFile(a!, text.slice(0, text.length / 2));
    await writeFile(b!, '\u0000\u0001 not JSON');
    await writeFile(c!, text);
    const again = await read();
    // Each of the three seeds whose entries were spoiled is read afresh.
    expect(again.cache.fromCache).toBe(seeds.length - 3);
    expect(again.archive.records).toEqual(fresh.archive.records);
    expect(JSON.parse(await readFile(a!, 'utf8')).key).toBe(a!.split('/').pop()!.replace('.json', ''));
  });

  it('goes on keeping entries when its folder is deleted during a build', async () => {
    const registry = await projectRegistry();
    const cache = await ExtractionCache.open(join(dir, 'cache'));
    const [first, second, third] = seeds;
    await cache.extract(await readFile(first!), first!, registry);
    await rm(join(dir, 'cache'), { recursive: true });
    // This entry is lost with the folder; the next one makes it again.
    await cache.extract(await readFile(second!), second!, registry);
    await cache.extract(await readFile(third!), third!, registry);
    const again = await ExtractionCache.open(join(dir, 'cache'));
    expect(await again.lookup(await readFile(third!), third!, registry)).not.toBeNull();
  });

  it('clears what other versions of the extraction code left', async () => {
    const stale = join(dir, 'cache', 'extract', 'old-version');
    await mkdir(stale, { recursive: true });
    await writeFile(join(stale, 'entry.json'), '{}');
    await read();
    expect(await readdir(join(dir, 'cache', 'extract'))).toHaveLength(1);
    expect(await readdir(join(dir, 'cache', 'extract'))).not.toContain('old-version');
  });

  it('is keyed by every file extraction runs, found through its imports', async () => {
    const sources = [...(await extractionSources()).keys()];
    for (const file of ['pipeline.ts', 'record.ts', 'read/decode.ts', 'steps/events.ts', 'steps/people/roles.ts', 'dates/calendar.ts', 'text/slug.ts', 'registry/matcher.ts']) {
      expect(sources).toContain(resolve('src', file));
    }
    // A type-only import changes no result.
    expect(sources).not.toContain(resolve('src/types.ts'));

    await writeFile(join(dir, 'entry.ts'), "import { a } from './lib/a.ts';\nimport type { T } from './types.ts';\n// import nothing from './missing.ts'\n");
    await mkdir(join(dir, 'lib'));
    await writeFile(join(dir, 'lib', 'a.ts'), "export { b } from './b.ts';\n");
    await writeFile(join(dir, 'lib', 'b.ts'), 'export const b = 1;\n');
    expect([...(await extractionSources(join(dir, 'entry.ts'))).keys()]).toEqual(['entry.ts', 'lib/a.ts', 'lib/b.ts'].map((f) => join(dir, f)));
  });
});
