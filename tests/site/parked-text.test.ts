// Article text waits in a file for the Eleventy run that renders its page
// (src/site/parked-text.ts). What comes back must be what went, every
// character of it, and the file must not outlive the build.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parkPageText } from '../../src/site/parked-text.ts';
import type { SiteArticle } from '../../src/types.ts';

const article = (slug: string, html: string): SiteArticle =>
  ({
    slug,
    paragraphs: [{ html }, { html: 'Akazawa met Lutnick on <mark id="m2">“Tuesday”</mark> — again.' }],
    removed: [{ kind: 'related', lines: [30, 34], text: 'Read next\nRyōsei Akazawa’s 8th trip 🇯🇵' }],
    facts: { people: [], tariffs: [], deadlines: [], venues: [], events: [] },
  }) as unknown as SiteArticle;

let previousTmp: string | undefined;
let tmp: string;
beforeEach(async () => {
  previousTmp = process.env.TMPDIR;
  tmp = await mkdtemp(join(tmpdir(), 'parked-text-test-'));
  process.env.TMPDIR = tmp;
});
afterEach(async () => {
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
  await rm(tmp, { recursive: true, force: true });
});

describe('parking article text', () => {
  it('gives each article its own text back, as it was, and only the articles asked for', () => {
    const articles = [article('a', 'The 25% tariff on cars &amp; parts.'), article('b', 'Ishiba’s call — “no deal”.'), article('c', '')];
    const before = structuredClone(articles.map(({ paragraphs, removed }) => ({ paragraphs, removed })));
    const parked = parkPageText(articles);
    expect(articles.map((a) => a.paragraphs.length + a.removed.length)).toEqual([0, 0, 0]);
    parked.restore([articles[1]!]);
    expect({ paragraphs: articles[1]!.paragraphs, removed: articles[1]!.removed }).toEqual(before[1]);
    expect(articles[0]!.paragraphs).toEqual([]);
    parked.restore(articles);
    expect(articles.map(({ paragraphs, removed }) => ({ paragraphs, removed }))).toEqual(before);
    parked.close();
  });

  it('asked again, leaves an article that got its text back as it is now', () => {
    const one = article('a', 'First text.');
    const parked = parkPageText([one]);
    parked.restore([one]);
    one.paragraphs = [];
    parked.restore([one]);
    expect(one.paragraphs).toEqual([]);
    parked.close();
  });

  it('leaves no file behind, even while in use, where a killed build could not remove it; and can be closed twice', async () => {
    const one = article('a', 'Text.');
    const parked = parkPageText([one]);
    expect(await readdir(tmp)).toEqual([]);
    parked.restore([one]);
    expect(one.paragraphs).toEqual([{ html: 'Text.' }, expect.anything()]);
    parked.close();
    parked.close();
    expect(await readdir(tmp)).toEqual([]);
  });
});
