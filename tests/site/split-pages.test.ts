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

/** A person's, tariff's, venue's or deadline's pages: the first, and the later pages of each list it links. */
async function entityPageList(dir: string, first: string): Promise<string[]> {
  const links = all(await page(dir, first), 'main nav.pager a').map((a) => attr(a, 'href')!.replace(/^\//, ''));
  return [first, ...new Set(links)];
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
    // Every list on one page, whatever the archive's size: what the split pages must add up to.
    whole = await buildInto(['--page-budget=1000000'], env);
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

  it('lists every deadline on the deadlines index, month by month, its parts apart from the deadlines’ own pages', async () => {
    const one = listed('main ol li')(await page(whole, 'deadlines/'));
    // A line of the index weighs a third of the budget's unit: this archive's few deadlines need the smallest budget to split.
    const smallest = await buildInto(['--page-budget=1'], { ARCHIVE_SEEDS: seedsDir, ARCHIVE_CACHE: join(seedsDir, '..', 'cache') });
    const parts = await readAll(smallest, 'deadlines/', listed('main ol li'));
    expect(one.length).toBeGreaterThan(3);
    expect(parts.pages.length).toBeGreaterThan(1);
    expect(parts.items).toEqual(one);
    for (const path of parts.pages.slice(1)) expect(path).toMatch(/^deadlines\/by-month\/(\d{4}(-\d{2})?|undated)(-\d+)?\/$/);
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

  it("shows all of Akazawa's events and articles over his pages, each later page named by the date it starts from", async () => {
    const pick = (html: HtmlElement) => [...all(html, '#events + ol > li').map((li) => attr(li, 'id')!), ...listed('#articles + ul li')(html)];
    const one = pick(await page(whole, 'people/ryosei-akazawa/'));
    const first = await page(split, 'people/ryosei-akazawa/');
    const later = (await entityPageList(split, 'people/ryosei-akazawa/')).slice(1);
    expect(later.length).toBeGreaterThan(3);
    const items = pick(first);
    for (const path of later) items.push(...pick(await page(split, path)));
    expect(items.sort()).toEqual(one.sort());

    // A later page of his events is named by its first event's date, in its address and in the page links;
    // a page with no date, or after another that starts on the same date, says so.
    const eventPages = later.filter((path) => path.includes('/events/'));
    expect(eventPages.length).toBeGreaterThan(2);
    let dated = 0;
    let continued = 0;
    for (const path of eventPages) {
      const html = await page(split, path);
      const day = all(html, '#events + ol > li .entry-title')[0]!.querySelector('time');
      const current = text(all(html, 'main nav.pager a[aria-current="page"]')[0]!);
      const name = day ? text(day) : 'no date';
      const key = day ? attr(day, 'datetime')! : 'undated';
      if (day) dated++;
      if (current.endsWith(', continued')) continued++;
      expect(current.replace(/, continued$/, ''), path).toBe(name);
      expect(path).toMatch(current.endsWith(', continued') ? new RegExp(`/events/${key}_[a-z0-9]+/$`) : new RegExp(`/events/${key}/$`));
      expect(text(all(html, 'title')[0]!)).toContain(`Ryosei Akazawa: events ${day ? `from ${name}` : 'with no date'}`);
    }
    expect(dated).toBeGreaterThan(1);
    expect(continued).toBeGreaterThan(0);

    // A later page links the first page, itself marked, and the page before it; none says how many pages there
    // are or where in the list it starts, which a new entry before it would change.
    const nav = all(await page(split, eventPages[1]!), 'main nav.pager')[0]!;
    expect(all(nav, 'a[aria-current="page"]').map((a) => attr(a, 'href'))).toEqual([`/${eventPages[1]}`]);
    expect(all(nav, 'a[rel="prev"]').map((a) => attr(a, 'href'))).toEqual([`/${eventPages[0]}`]);
    expect(all(nav, 'a').map((a) => attr(a, 'href'))).toContain('/people/ryosei-akazawa/');
    expect(text(nav)).not.toMatch(/ of \d/);
    const firstLater = all(all(await page(split, eventPages[0]!), 'main nav.pager')[0]!, 'a[rel="prev"]');
    expect(firstLater.map((a) => attr(a, 'href'))).toEqual(['/people/ryosei-akazawa/']);
    const heading = async (path: string) => text(all(await page(split, path), 'main h2#events')[0]!);
    expect(await heading('people/ryosei-akazawa/')).toMatch(/^Events \(1(–\d+)? of \d+\)$/);
    expect(await heading(eventPages[1]!)).toBe('Events');
  });

  it('has no broken link or missing #anchor: "on the timeline" links find their part', () => {
    expect(crawled.truncated).toBe(false);
    expect(crawled.broken, describeLinks(crawled.broken)).toEqual([]);
  });

  it('links every page it writes, so that no part is an orphan; a list’s folder leads to the list on the first page', async () => {
    const reached = new Set(crawled.pages.map((url) => url.slice(server.url().length)));
    const unlinked = (await listHtmlPages(split)).filter((file) => file !== '404.html').filter((file) => !reached.has(urlPathFor(file)));
    // The addresses that lead on are no pages of the site's own, and nothing links them.
    const leadOn = new Map<string, string>();
    for (const file of unlinked) {
      const refresh = (await readFile(join(split, file), 'utf8')).match(/<meta http-equiv="refresh" content="0; url=([^"]+)">/);
      if (refresh) leadOn.set(urlPathFor(file), refresh[1]!);
    }
    expect(unlinked.filter((file) => !leadOn.has(urlPathFor(file)))).toEqual([]);
    expect(leadOn.get('people/ryosei-akazawa/events/')).toBe('/people/ryosei-akazawa/#events');
    // The folder of the timeline's parts leads to its first part, the home page.
    expect(leadOn.get('timeline/')).toBe('/');
    leadOn.delete('timeline/');
    for (const [from, to] of leadOn) {
      const [, first, list] = from.match(/^(.*\/)([a-z]+)\/$/)!;
      expect(to).toBe(`/${first}#${list}`);
      expect(reached.has(first!)).toBe(true);
      expect(all(await page(split, first!), `h2#${list}`)).toHaveLength(1);
    }
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
  let akazawaAfter: string[];
  let naming: string[];
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
    akazawa = await entityPageList(output, 'people/ryosei-akazawa/');
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
    akazawaAfter = await entityPageList(output, 'people/ryosei-akazawa/');
    for (const p of akazawaAfter) if ((await readFile(join(output, p, 'index.html'), 'utf8')).includes('Tokyo should not blink first')) listingIt.push(p);
    const added = akazawaAfter.filter((p) => !akazawa.includes(p));
    naming = [];
    // The first page, which links them all, changes anyway.
    for (const p of akazawa.slice(1)) {
      const links = all(await page(output, p), 'main nav.pager a').map((a) => attr(a, 'href')!.replace(/^\//, ''));
      if (links.some((l) => added.includes(l))) naming.push(p);
    }
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

  it("keeps Akazawa's pages but the first, for its count, the one listing the article and the two that link a page it adds", () => {
    // It names him but reports no event and quotes him nowhere: it adds to his list of articles only, as
    // an undated article, at its end. When it starts a page of its own there, the two pages before that
    // one link it; no other page of his changes, and none is renamed.
    expect(akazawa.length).toBeGreaterThan(2);
    expect(listingIt).toHaveLength(1);
    expect(listingIt[0]).toMatch(/\/articles\/undated(-\d+)?\/$/);
    expect(akazawaAfter.filter((p) => !akazawa.includes(p)).length).toBeLessThanOrEqual(1);
    expect(akazawa.filter((p) => !akazawaAfter.includes(p))).toEqual([]);
    expect(naming.length).toBeLessThanOrEqual(2);
    expect(akazawaKept).toEqual(akazawa.filter((p) => p !== akazawa[0] && !listingIt.includes(p) && !naming.includes(p)));
  });
});
