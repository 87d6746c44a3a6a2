import { copyFile, link, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { HtmlElement } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, describeLinks, type CrawlResult } from '../helpers/crawler.ts';
import { listHtmlPages, urlPathFor } from '../helpers/output-files.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { all, attr, buildInto, hrefs, page, root, runBuild, tempDir, text } from './support.ts';

// A large archive splits its long lists over several pages. Building a small
// archive with a tiny page budget splits it the same way, so a reader's
// promises can be checked on it: following the parts in order shows exactly
// what the single page showed, every part is linked, and every link to a
// timeline entry lands on the part that holds it.

const budget = 3;

/** The seeds and the held-out test articles together: twenty articles over several months. */
async function archiveSeeds(): Promise<string> {
  const seeds = join(await tempDir('split-seeds'), 'seeds');
  await mkdir(seeds, { recursive: true });
  for (const name of await readdir(join(root, 'seeds'))) await copyFile(join(root, 'seeds', name), join(seeds, name));
  const articles = join(root, 'tests/fixtures/articles');
  for (const name of await readdir(articles)) {
    const input = (await readdir(join(articles, name))).find((f) => f.startsWith('input.'))!;
    await copyFile(join(articles, name, input), join(seeds, `zz-${name}${extname(input)}`));
  }
  return seeds;
}

/** Reads a list page by page, following `rel="next"`, and returns what `pick` finds on each. */
async function readAll(dir: string, first: string, pick: (page: HtmlElement) => string[], next = 'a[rel="next"]'): Promise<{ items: string[]; pages: string[] }> {
  const items: string[] = [];
  const pages: string[] = [];
  for (let path: string | null = first; path !== null; ) {
    const html = await page(dir, path);
    pages.push(path);
    items.push(...pick(html));
    const link = all(html, `main ${next}`)[0];
    path = link ? attr(link, 'href')!.replace(/^\//, '') : null;
  }
  return { items, pages };
}

const entryIds = (html: HtmlElement) => all(html, 'main li.entry').map((li) => attr(li, 'id')!);
const listed = (selector: string) => (html: HtmlElement) => all(html, selector).map((e) => text(e));

describe(`an archive built with --page-budget=${budget}`, () => {
  let whole: string;
  let split: string;
  let server: StaticServer;
  let crawled: CrawlResult;
  let seedsDir: string;

  beforeAll(async () => {
    const seeds = await archiveSeeds();
    seedsDir = seeds;
    const env = { ARCHIVE_SEEDS: seeds, ARCHIVE_CACHE: join(seeds, '..', 'cache') };
    whole = await buildInto([], env);
    split = await buildInto([`--page-budget=${budget}`], env);
    server = await serveStatic(split, { prefix: '/' });
    crawled = await crawl(server.url(), { scope: server.url() });
  }, 600_000);

  afterAll(async () => {
    await server?.close();
  });

  it('reads, part after part from the home page, as the one-page timeline does', async () => {
    const one = entryIds(await page(whole, ''));
    const parts = await readAll(split, '', entryIds);
    expect(one.length).toBeGreaterThan(30);
    expect(parts.pages.length).toBeGreaterThan(3);
    expect(parts.items).toEqual(one);
  });

  it('reads newest first the same way, the parts running backwards', async () => {
    const one = entryIds(await page(whole, 'newest/'));
    const parts = await readAll(split, 'newest/', entryIds);
    expect(parts.pages.length).toBeGreaterThan(3);
    expect(parts.items).toEqual(one);
  });

  it('lists every article on the article index, month by month', async () => {
    const one = listed('main ol li')(await page(whole, 'articles/'));
    const parts = await readAll(split, 'articles/', listed('main ol li'));
    expect(parts.pages.length).toBeGreaterThan(1);
    expect(parts.items).toEqual(one);
  });

  it('gives the overview on the first part and, on the others, a link back to it', async () => {
    const articles = (await readdir(seedsDir)).length;
    const { pages } = await readAll(split, '', () => []);
    const lede = async (path: string) => all(await page(split, path), 'main p.lede')[0]!;
    expect(text(await lede(''))).toContain(`What ${articles} news articles`);
    for (const path of pages.slice(1)) {
      expect(text(await lede(path)), path).not.toContain('news articles');
      expect(hrefs(await lede(path)), path).toEqual(['/']);
    }
  });

  it('gives each part a list of all the months, the current one marked', async () => {
    const html = await page(split, '');
    const months = all(html, 'main nav.parts dl a');
    const current = months.filter((a) => attr(a, 'aria-current') === 'page');
    expect(current.map((a) => attr(a, 'href'))).toEqual(['/']);
    const { pages } = await readAll(split, '', () => []);
    expect(months.map((a) => attr(a, 'href')!.replace(/^\//, ''))).toEqual(pages);
  });

  it("shows all of Akazawa's events and articles over his pages, with page links", async () => {
    const pick = (html: HtmlElement) => [...all(html, '#events + ol > li').map((li) => attr(li, 'id')!), ...listed('#articles + ul li')(html)];
    const one = pick(await page(whole, 'people/ryosei-akazawa/'));
    const parts = await readAll(split, 'people/ryosei-akazawa/', pick);
    expect(parts.pages.length).toBeGreaterThan(1);
    expect(parts.items.sort()).toEqual(one.sort());
    const pager = all(await page(split, parts.pages[1]!), 'main nav.pager a[aria-current="page"]');
    expect(pager.map((a) => text(a))).toContain('2');
    // The first page links every page and gives their number; a later one links the first and its neighbours,
    // and gives no number that a page added at the end would change.
    const navText = async (path: string) => text(all(await page(split, path), 'main nav.pager')[0]!);
    expect(await navText(parts.pages[0]!)).toContain(`Page 1 of ${parts.pages.length}`);
    const later = all(await page(split, parts.pages[1]!), 'main nav.pager')[0]!;
    expect(text(later)).not.toMatch(/ of \d/);
    expect(all(later, 'a[rel="prev"]').map((a) => attr(a, 'href'))).toEqual([`/${parts.pages[0]}`]);
    expect(all(later, 'a').map((a) => attr(a, 'href'))).toContain(`/${parts.pages[0]}`);
    // The total is on the first page only, and no later page says where in the list it starts, so that a new entry does not change every page.
    const heading = async (path: string) => text(all(await page(split, path), 'main h2#events')[0]!);
    expect(await heading(parts.pages[0]!)).toMatch(/^Events \(1(–\d+)? of \d+\)$/);
    expect(await heading(parts.pages[1]!)).toBe('Events');
  });

  it('has no broken link or missing #anchor: "on the timeline" links find their part', () => {
    expect(crawled.truncated).toBe(false);
    expect(crawled.broken, describeLinks(crawled.broken)).toEqual([]);
  });

  it('links every page it writes, so that no part is an orphan', async () => {
    const reached = new Set(crawled.pages.map((url) => url.slice(server.url().length)));
    const orphans = (await listHtmlPages(split)).filter((file) => file !== '404.html').filter((file) => !reached.has(urlPathFor(file)));
    expect(orphans).toEqual([]);
  });

  it('points each event on a person page at the timeline part that holds it', async () => {
    const html = await page(split, 'people/ryosei-akazawa/');
    const links = all(html, '#events + ol > li a').filter((a) => text(a) === 'on the timeline').map((a) => attr(a, 'href')!);
    expect(links.filter((href) => !href.startsWith('/#')).length).toBeGreaterThan(0);
    for (const href of links) {
      const [path, anchor] = href.split('#');
      const target = await readFile(join(split, path!, 'index.html'), 'utf8');
      expect(target, href).toContain(`id="${anchor}"`);
    }
  });
});

describe('rebuilding a split archive after adding an article with no date', () => {
  // The archive already has a part for entries whose date is not known; an
  // opinion piece with no date adds to that part at most, so only it and the
  // first part, whose overview counts the articles, should be rendered again.
  const opinion = [
    'OPINION',
    'Tokyo should not blink first',
    'Japan has little reason to hurry. Ryosei Akazawa, the negotiator Prime Minister Shigeru Ishiba sent to Washington, has said more than once that a bad agreement is worse than none.',
    'The 25% tariff on Japanese cars hurts, but carmakers have absorbed worse, and the 10% levy on everything else is a cost American buyers share.',
    'Patience is the only leverage a smaller ally has. Akazawa should use it.',
    'Readers can write to the opinion desk with their views.',
  ].join('\n\n');
  let parts: string[];
  let kept: string[];
  let akazawa: string[];
  let akazawaKept: string[];
  let listingIt: string[];
  let homeAfter: { old: string; oldBefore: string; now: string };

  beforeAll(async () => {
    const seeds = await archiveSeeds();
    const env = { ARCHIVE_SEEDS: seeds, ARCHIVE_CACHE: join(seeds, '..', 'cache') };
    const output = join(seeds, '..', 'out');
    const build = async () => {
      const run = await runBuild([`--output=${output}`, `--page-budget=${budget}`], env);
      if (run.code !== 0) throw new Error(run.stderr);
    };
    await build();
    parts = (await readAll(output, '', () => [])).pages;
    akazawa = (await readAll(output, 'people/ryosei-akazawa/', () => [])).pages;
    const inode = async (path: string) => (await stat(join(output, path, 'index.html'))).ino;
    const before = new Map(await Promise.all([...parts, ...akazawa].map(async (p) => [p, await inode(p)] as const)));
    // The last build's home page, held by a link of the test's own: the rebuild renders it again.
    const oldHome = join(seeds, '..', 'old-home.html');
    await link(join(output, 'index.html'), oldHome);
    const oldHomeText = await readFile(oldHome, 'utf8');
    await writeFile(join(seeds, 'zz-opinion.txt'), opinion);
    await build();
    homeAfter = { old: await readFile(oldHome, 'utf8'), oldBefore: oldHomeText, now: await readFile(join(output, 'index.html'), 'utf8') };
    // A page kept from the last build is a link to the same file; one rendered again is a new file.
    const keptOf = async (pages: string[]) => {
      const same: string[] = [];
      for (const p of pages) if ((await inode(p)) === before.get(p)) same.push(p);
      return same;
    };
    kept = await keptOf(parts);
    akazawaKept = await keptOf(akazawa);
    listingIt = [];
    for (const p of akazawa) if ((await readFile(join(output, p, 'index.html'), 'utf8')).includes('Tokyo should not blink first')) listingIt.push(p);
  }, 600_000);

  it('renders the first part again, for its count of articles, and keeps the dated parts', () => {
    expect(parts).toContain('timeline/undated/');
    expect(parts.length).toBeGreaterThan(3);
    expect(kept).toEqual(parts.filter((p) => p !== '' && p !== 'timeline/undated/'));
  });

  it("writes the pages it renders again as new files, never through the last build's", () => {
    // The new count of articles is on the new home page only; the last build's file says what it said.
    expect(homeAfter.now).not.toBe(homeAfter.oldBefore);
    expect(homeAfter.old).toBe(homeAfter.oldBefore);
  });

  it("keeps Akazawa's pages but the first, for its count, and the one listing the article", () => {
    // It names him but reports no event and quotes him nowhere: it adds to his list of articles only.
    expect(akazawa.length).toBeGreaterThan(2);
    expect(listingIt).toHaveLength(1);
    expect(akazawaKept).toEqual(akazawa.filter((p) => p !== akazawa[0] && p !== listingIt[0]));
  });
});
