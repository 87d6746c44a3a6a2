// Random and hostile text through the whole pipeline and the page templates.
// Runs are few (30 extractions, 3 site builds) so the suite stays quick on
// two cores; fast-check prints the seed of any failure to replay it.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeSeed } from '../../src/add/seed-file.ts';
import { extractText } from '../../src/pipeline.ts';
import { projectRegistry } from '../helpers/registry.ts';
import { files, runBuild } from '../site/support.ts';

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// Markup and template syntax that would run or be evaluated if any page let it
// through; `{{ 111*111 }}` would show as 12321.
const hostile = [
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(2)>',
  '<a href="javascript:alert(3)">link</a>',
  '{{ 111*111 }}',
  '{% include "base.njk" %}',
  '{{ archive.title }}',
  '{% raw %}{% endraw %}',
  ']]></title><script>',
  '"><iframe src=//evil>',
  '&lt;&amp;&#x3c;',
];
const markers = /<script>alert|<img src=x|<svg onload|href="javascript:|<iframe|12321/;

const prose = fc.constantFrom(
  "Japan's top trade negotiator Ryosei Akazawa met U.S. Commerce Secretary Howard Lutnick in Washington on Thursday.",
  'President Donald Trump said a 25% tariff on Japanese cars would take effect on August 1.',
  'Treasury Secretary Scott Bessent said talks with Tokyo would resume next week.',
  'Prime Minister Shigeru Ishiba told reporters the 15% rate was a win for Japan.',
);

/** One line a copied article might hold, from the plausible to the absurd. */
const line = fc.oneof(
  prose,
  fc.constantFrom(...hostile),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom('---', 'title: "Fake"', 'date: 2025-13-45', '# Heading', '1. First', '> quote', '- [x](javascript:alert(1))', '```', '<!--', 'Read next', '© 2025'),
  // Very long lines: one sentence with no end, or a word repeated.
  fc.string({ unit: 'grapheme-ascii', minLength: 2000, maxLength: 6000 }),
  fc.tuple(prose, fc.integer({ min: 20, max: 200 })).map(([s, n]) => s.repeat(n)),
);

/** An article's text: lines mixed with hostile fragments inside them. */
const body = fc
  .array(fc.oneof(line, fc.tuple(prose, fc.constantFrom(...hostile), prose).map((parts) => parts.join(' '))), { minLength: 1, maxLength: 12 })
  .map((lines) => lines.join('\n'));

/** A seed as a file holds it: maybe front matter (well-formed or not), then the text. */
const seedText = fc.oneof(
  body,
  fc.tuple(fc.constantFrom('---\ntitle: "T"\ndate: 2025-07-01\n---\n', '---\ntitle: [unclosed\n---\n', '---\n---\n', '\uFEFF', '---\r\ndate: 2025\r\n---\r\n'), body).map(([head, text]) => head + text),
);

describe('the pipeline on any text', () => {
  it('never throws, and gives a record with a slug or a fatal message', async () => {
    const registry = await projectRegistry();
    await fc.assert(
      fc.asyncProperty(seedText, fc.constantFrom('a.txt', 'b.md'), async (text, name) => {
        const { record, file } = await extractText(new TextEncoder().encode(text), name, registry);
        if (!record) {
          expect(file.messages.some((m) => m.fatal)).toBe(true);
          return;
        }
        expect(record.slug).toMatch(slugPattern);
        for (const person of record.people) expect(person.id).toMatch(slugPattern);
        for (const tariff of record.tariffs) expect(tariff.id).toMatch(slugPattern);
      }),
      { numRuns: 30 },
    );
  });
});

/** Front matter values: hostile text around a word, so that they are never blank. */
const field = fc.tuple(fc.constantFrom(...hostile), fc.string({ unit: 'grapheme', maxLength: 20 })).map(([h, s]) => `${h} Talks ${s}`.replace(/\0/g, ''));

const article = fc.record({
  title: field,
  source: field,
  author: field,
  date: fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10)),
  // A NUL byte makes a seed binary, which stops the build by design (tested elsewhere).
  text: body.map((t) => t.replace(/\0/g, '')),
});

describe('pages built from any text', () => {
  it('show it as text: no markup or template syntax from a seed takes effect, nothing is written outside the output', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 3 }), async (articles) => {
        const dir = await mkdtemp(join(tmpdir(), 'properties-'));
        try {
          const seeds = join(dir, 'seeds');
          await mkdir(seeds);
          for (const [i, a] of articles.entries()) {
            await writeFile(join(seeds, `${i}.txt`), composeSeed({ title: a.title, date: a.date, source: a.source, author: a.author }, a.text));
          }
          const output = join(dir, 'site');
          const run = await runBuild([`--output=${output}`], { ARCHIVE_SEEDS: seeds, ARCHIVE_CACHE: join(dir, 'cache') });
          expect(run.code, run.stderr).toBe(0);

          expect((await readdir(dir)).sort()).toEqual(['cache', 'seeds', 'site']);
          expect((await readdir(seeds)).length).toBe(articles.length);
          for (const file of await files(output)) {
            if (file.startsWith('pagefind/')) continue;
            // Every folder a page sits in is a slug.
            for (const folder of file.split('/').slice(0, -1)) expect(folder, file).toMatch(slugPattern);
            if (!/\.(html|xml)$/.test(file)) continue;
            const html = await readFile(join(output, file), 'utf8');
            expect(html, file).not.toMatch(markers);
            // The only scripts are the site's own files (search bundles are named by quarter: `pagefind/articles-2025-q1/`).
            for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, file).toMatch(/^<script src="\/[a-z0-9/.-]+"[^>]*>$/);
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 3 },
    );
  });
});
