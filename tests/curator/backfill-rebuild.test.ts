// A curator filling in an archive's past adds an article from months before
// the newest. It joins the lists of the people it names among their older
// entries. A rebuild should cost what the article changes: the person's pages
// before the one it joins must be kept as they were, even when the article
// adds a page, and it joins at most one page of each list. (Pages after it
// are kept too unless it adds or moves a cut in one of the lists, which moves
// that list's later runs one page on: see stableChunks and its test.) The
// archive is the benchmark's generator's, large enough for one person's lists
// to run over many pages.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticles, writeArticles } from '../../bench/generate.ts';
import { parseCsv, root, runBuild, tempDir } from '../site/support.ts';

const budget = 30;

describe('rebuilding after adding an article from the archive’s past', () => {
  let person: { id: string; name: string };
  let pagesBefore: string[];
  let pagesAfter: string[];
  let listing: string[];
  let later: string[];
  let earlier: string[];
  let earlierKept: string[];

  beforeAll(async () => {
    const dir = await tempDir('backfill');
    const seeds = join(dir, 'seeds');
    await mkdir(seeds, { recursive: true });
    writeArticles(seeds, await generateArticles(300, { root, seed: 11 }));
    const env = { ARCHIVE_SEEDS: seeds, ARCHIVE_CACHE: join(dir, 'cache') };
    const output = join(dir, 'out');
    const build = async () => {
      const run = await runBuild([`--output=${output}`, `--page-budget=${budget}`], env);
      if (run.code !== 0) throw new Error(run.stderr);
    };
    await build();

    // The person named in the most articles, and the middle of the time they are named over.
    const [header, ...rows] = parseCsv(await readFile(join(output, 'data/people.csv'), 'utf8'));
    const col = (name: string) => header!.indexOf(name);
    const top = rows.sort((a, b) => Number(b[col('articles')]) - Number(a[col('articles')]))[0]!;
    person = { id: top[col('id')]!, name: top[col('name')]! };
    const first = Date.parse(top[col('first_appearance')]!);
    const last = Date.parse(top[col('last_appearance')]!);
    const published = new Date(first + (last - first) * 0.3);
    const day = published.toISOString().slice(0, 10);
    // The day before, as an article writes it ("June 3"): the call is an event of theirs, among their older ones.
    const callDay = new Date(published.getTime() - 86_400_000).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });

    const pagesOf = async () => {
      const base = join(output, 'people', person.id);
      const numbered = (await readdir(base)).filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b));
      return [base, ...numbered.map((n) => join(base, n))].map((p) => join(p, 'index.html'));
    };
    pagesBefore = await pagesOf();
    const inodes = new Map(await Promise.all(pagesBefore.map(async (p) => [p, (await stat(p)).ino] as const)));

    const title = `${person.name} and Lutnick talk by phone as tariff talks drag on`;
    await writeFile(
      join(seeds, 'zz-backfill.txt'),
      [
        '---',
        `title: "${title}"`,
        `date: ${day}`,
        'source: "Test Wire"',
        '---',
        `${person.name} spoke by phone with U.S. Commerce Secretary Howard Lutnick on ${callDay}, officials said, and told reporters afterwards that the talks on the 25% tariff on cars would take more time.`,
        'Officials in both capitals declined to say when the negotiators would meet in person again.',
      ].join('\n'),
    );
    await build();
    pagesAfter = await pagesOf();
    listing = [];
    for (const p of pagesAfter) if ((await readFile(p, 'utf8')).includes(title)) listing.push(p);
    later = pagesAfter.slice(pagesAfter.indexOf(listing.at(-1)!) + 1);
    // Not the first page, which counts the person's articles and so changes whenever one is added.
    earlier = pagesAfter.slice(1, pagesAfter.indexOf(listing[0]!));
    earlierKept = [];
    for (const p of earlier) if (inodes.get(p) === (await stat(p)).ino) earlierKept.push(p);
  }, 600_000);

  it('lists the article and its call on the person’s pages, with several of theirs after them', () => {
    expect(pagesBefore.length).toBeGreaterThan(5);
    expect(listing.length).toBeGreaterThan(0);
    // The first page counts the person's articles, so it changes whatever the article's date. Besides it, one
    // page at most for each list the article joins: the person's events (the call) and articles.
    expect(listing.filter((p) => p !== pagesAfter[0]).length).toBeLessThanOrEqual(2);
    expect(later.length).toBeGreaterThan(2);
  });

  it('keeps the person’s pages before the article as the last build wrote them, whatever the number of pages', () => {
    // Lists are cut where their own entries say (stableChunks), and a later page's pager does not give
    // the number of pages: an entry added further on changes neither.
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlierKept).toEqual(earlier);
  });
});
