// archive.json is written piece by piece so that a large archive never holds
// its whole text at once; readers and scripts must still get exactly what
// JSON.stringify would have printed.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prettyJson, writeDownloads } from '../../src/site/downloads.ts';

// Articles as the records are: objects whose strings may hold newlines, quotes and non-ASCII text.
const article = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }));
const archive = fc.record({ title: fc.string(), articles: fc.array(article, { maxLength: 6 }), after: fc.jsonValue({ maxDepth: 2 }) });

describe('archive.json written in pieces', () => {
  it('is the text JSON.stringify prints with two-space indents, for any records', () => {
    fc.assert(
      fc.property(archive, (value) => {
        expect([...prettyJson(value, 'articles')].join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('reaches the file whole when its pieces are many megabytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'downloads-'));
    const articles = Array.from({ length: 3000 }, (_, i) => ({ file: `seed-${i}.txt`, text: `Akazawa met Lutnick — “25%” ${'x'.repeat(1000)}\n${i}` }));
    await writeDownloads(dir, [{ path: 'data/archive.json', content: prettyJson({ title: 'Talks', articles }, 'articles') }]);
    const text = readFileSync(join(dir, 'data/archive.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify({ title: 'Talks', articles }, null, 2)}\n`);
    expect(JSON.parse(text).articles).toHaveLength(3000);
  });
});
