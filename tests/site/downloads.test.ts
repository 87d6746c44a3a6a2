// archive.json is written piece by piece so that a large archive never holds
// its whole text at once; readers and scripts must still get exactly the data
// JSON.stringify would have printed, with one article to a line.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneItemPerLine, writeDownloads } from '../../src/site/downloads.ts';

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
