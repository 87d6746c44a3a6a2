// Extraction on worker threads gives the same records and messages as
// extraction in the build's own thread: seed by seed with every seed sent to
// a worker, and for the whole archive (threads forced with a threshold of one
// seed), where progress is reported the same way and the cache is filled.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, type Archive } from '../../src/archive.ts';
import { ExtractionCache } from '../../src/cache/extraction-cache.ts';
import { extractText, type ExtractResult } from '../../src/pipeline.ts';
import { extractOnThreads } from '../../src/workers/extract-pool.ts';
import { projectRegistry } from '../helpers/registry.ts';

let dir: string;
let paths: string[];
let inThread: Archive;

const inFolder = async (folder: string, test: (name: string) => boolean) =>
  (await readdir(folder)).filter(test).sort().map((name) => join(folder, name));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'extract-pool-'));
  // Seeds that cannot be articles, for their fatal messages; a second copy, for the archive's own warning.
  const bad = { 'empty.txt': '', 'binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'latin1.txt': new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]) };
  for (const [name, content] of Object.entries(bad)) await writeFile(join(dir, name), content);
  const articles = await readdir('tests/fixtures/articles');
  const stories = await readdir('tests/fixtures/story');
  paths = [
    ...(await inFolder('seeds', (f) => /\.(txt|md)$/.test(f))),
    ...(await Promise.all(articles.map((a) => inFolder(join('tests/fixtures/articles', a), (f) => f.startsWith('input.'))))).flat(),
    // The undated story is read a second time against the date the others give it.
    ...(await Promise.all(stories.map((s) => inFolder(join('tests/fixtures/story', s), (f) => /\.(txt|md)$/.test(f))))).flat(),
    ...Object.keys(bad).map((name) => join(dir, name)),
    join(dir, 'missing.txt'),
  ];
  paths.push(paths[0]!);
  inThread = await buildArchive(paths, await projectRegistry(), { workersFrom: Infinity });
});

afterAll(() => rm(dir, { recursive: true, force: true }));

/** Everything of a message the reporter or a test could read, the stack aside. */
const messagesOf = (file: VFile) => ({
  path: file.path,
  messages: file.messages.map(({ reason, message, line, column, place, ruleId, source, fatal, note, url, file, name }) => ({
    reason, message, line, column, place, ruleId, source, fatal, note, url, file, name,
  })),
});

function expectSameArchive(archive: Archive) {
  expect(archive.records).toEqual(inThread.records);
  expect(archive.story).toEqual(inThread.story);
  expect(archive.failed).toEqual(inThread.failed);
  expect(archive.files.map(messagesOf)).toEqual(inThread.files.map(messagesOf));
  expect(reporter(archive.files)).toBe(reporter(inThread.files));
}

describe('extraction on worker threads', () => {
  it('gives each seed the record and messages this thread gives it', async () => {
    // All but the missing file and the second copy.
    const seeds = await Promise.all(paths.slice(0, -2).map(async (path) => ({ path, bytes: await readFile(path) })));
    const registry = await projectRegistry();
    const threaded: ExtractResult[] = [];
    await extractOnThreads(seeds, registry, async (i, result) => void (threaded[i] = result), { workers: 2, here: false });
    for (const [i, { path, bytes }] of seeds.entries()) {
      const here = await extractText(bytes, path, registry);
      expect(threaded[i]!.record).toEqual(here.record);
      expect(messagesOf(threaded[i]!.file)).toEqual(messagesOf(here.file));
    }
  });

  it('gives the same archive, messages and progress as in one thread, and fills the cache', async () => {
    expect(inThread.story.inferredDates.length).toBeGreaterThan(0);
    expect(inThread.failed.length).toBe(4);
    const cache = await ExtractionCache.open(join(dir, 'cache'));
    const progress: [number, number][] = [];
    const threaded = await buildArchive(paths, await projectRegistry(), { workersFrom: 1, cache, onProgress: (done, total) => progress.push([done, total]) });
    expectSameArchive(threaded);
    expect(progress).toEqual(paths.map((_, i) => [i + 1, paths.length]));
    expect(cache.fromCache).toBe(0);

    // Every seed that could be read was kept, the ones that are not articles too.
    const again = await ExtractionCache.open(join(dir, 'cache'));
    expectSameArchive(await buildArchive(paths, await projectRegistry(), { workersFrom: 1, cache: again }));
    expect(again.fromCache).toBe(new Set(paths).size - 1);
  });
});
