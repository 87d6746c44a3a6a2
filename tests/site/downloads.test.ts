// archive.json is written piece by piece so that a large archive never holds
// its whole text at once; readers and scripts must still get exactly the data
// JSON.stringify would have printed, with one article to a line.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExtractionCache } from '../../src/cache/extraction-cache.ts';
import { loadRegistry } from '../../src/registry/load-registry.ts';
import { archiveRows, oneItemPerLine, startArchiveJson, writeDownloads } from '../../src/site/downloads.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { readSeeds } from '../../src/site/read-seeds.ts';
import { root } from './support.ts';

// Articles as the records are: objects whose strings may hold newlines, quotes and non-ASCII text.
const article = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }));
const archive = fc.record({ title: fc.string(), articles: fc.array(article, { maxLength: 6 }), after: fc.jsonValue({ maxDepth: 2 }) });

describe('archive.json written in pieces', () => {
  it('is JSON.stringify’s text with each article on a line of its own, for any records', () => {
    fc.assert(
      fc.property(archive, (value) => {
        const text = [...oneItemPerLine(value, 'articles')].join('');
        expect(text.replaceAll('\n', '')).toBe(JSON.stringify(value));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        const lines = text.split('\n');
        // A head line, one line per article, the closing line, and the empty string after the final newline.
        expect(lines).toHaveLength(value.articles.length === 0 ? 2 : value.articles.length + 3);
        value.articles.forEach((a, i) => expect(JSON.parse(lines[i + 1]!.replace(/,$/, ''))).toEqual(JSON.parse(JSON.stringify(a))));
      }),
      { numRuns: 500 },
    );
  });

  it('reaches the file whole when its pieces are many megabytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'downloads-'));
    const articles = Array.from({ length: 3000 }, (_, i) => ({ file: `seed-${i}.txt`, text: `Akazawa met Lutnick — “25%” ${'x'.repeat(1000)}\n${i}` }));
    await writeDownloads(dir, [{ path: 'data/archive.json', content: oneItemPerLine({ title: 'Talks', articles }, 'articles') }]);
    const text = readFileSync(join(dir, 'data/archive.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({ title: 'Talks', articles });
    expect(text.split('\n')[3000]).toBe(JSON.stringify(articles[2999]));
  });
});

describe('archive.json written on its own thread from the extraction cache', () => {
  const registry = loadRegistry(join(root, 'data/registry.yaml'));
  // The first build stores every record; the next reads them back: both must be able to name each record's file.
  async function seedsTwice() {
    const dir = mkdtempSync(join(tmpdir(), 'archive-json-'));
    await readSeeds(join(root, 'seeds'), await registry, { cache: await ExtractionCache.open(join(dir, 'cache')) });
    const cache = await ExtractionCache.open(join(dir, 'cache'));
    const read = await readSeeds(join(root, 'seeds'), await registry, { cache });
    return { dir, cache, read, model: buildSiteModel(read, { title: 'Talks', siteUrl: 'http://localhost:8080' }) };
  }

  it('holds every record as extracted, with its page, whether its cache file is read or the thread is handed its text', async () => {
    const { dir, cache, read, model } = await seedsTwice();
    expect(read.records).toHaveLength(5);
    for (const record of read.records) expect(cache.entryOf(record)).toBeDefined();
    // One record as if its cache file could not be written.
    const rows = archiveRows(model, read.records, '/archive/', (r) => (r === read.records[2] ? undefined : cache.entryOf(r)));
    expect(rows.filter((r) => 'line' in r)).toHaveLength(1);
    await startArchiveJson(join(dir, 'site'), 'Talks', rows).written;
    const written = JSON.parse(readFileSync(join(dir, 'site/data/archive.json'), 'utf8'));
    const slugOf = new Map(model.articles.map((a) => [a.file, a.slug]));
    expect(written.title).toBe('Talks');
    expect(written.articles).toEqual(read.records.map((r) => JSON.parse(JSON.stringify({ page: `/archive/articles/${slugOf.get(r.file.replace(/^.*\//, ''))}/`, ...r }))));
    expect(written.articles.map((a: { file: string }) => a.file)).toEqual(read.records.map((r) => r.file));
  });

  it('fails, naming the file, when a record’s cache file is gone before it is read', async () => {
    const { dir, cache, read, model } = await seedsTwice();
    const gone = cache.entryOf(read.records[3]!)!;
    rmSync(gone);
    const writing = startArchiveJson(join(dir, 'site'), 'Talks', archiveRows(model, read.records, '/', (r) => cache.entryOf(r)));
    await expect(writing.written).rejects.toThrow(gone);
  });
});
