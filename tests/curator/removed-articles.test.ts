// A curator takes articles out of an archive (a retraction, a duplicate, a
// story that belongs elsewhere) and rebuilds. The timeline, the newest-first
// list, the article index, the table of tariff reports and the deadlines
// index are cut by month, and a month with fewer articles fits fewer parts:
// the deployed site had published those parts' addresses. Every one of them should still answer,
// leading to the page that holds that month's entries now; so should they
// once a larger page budget puts each list on one page.
import { readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArticles, writeArticles } from '../../bench/generate.ts';
import { root, runBuild, tempDir } from '../site/support.ts';

/** The lists cut by month, by where their parts are written. */
const lists = ['timeline', 'newest', 'articles', 'tariffs/reports', 'deadlines/by-month'];
const monthFolder = /^(\d{4}(-\d{2})?|undated)(-\d+)?$/;

/** Every part address of the lists cut by month in a built site, `/tariffs/reports/` with them when it is written. */
async function partAddresses(out: string): Promise<string[]> {
  const found = existsSync(join(out, 'tariffs/reports/index.html')) ? ['/tariffs/reports/'] : [];
  for (const list of lists) {
    const names = existsSync(join(out, list)) ? await readdir(join(out, list)) : [];
    found.push(...names.filter((n) => monthFolder.test(n)).map((n) => `/${list}/${n}/`));
  }
  return found.sort();
}

const fileOf = (out: string, url: string) => join(out, url.split('#')[0]!, url.endsWith('.html') ? '' : 'index.html');
/** Where a page that leads on sends the reader, or null for a page of its own. */
const leadsTo = (html: string) => html.match(/<meta http-equiv="refresh" content="0; url=([^"]+)">/)?.[1] ?? null;
/** The month a part address is of: `2025-07` for `/timeline/2025-07-2/`. */
const monthOf = (url: string) => url.match(/\/((?:\d{4}(?:-\d{2})?)|undated)(?:-\d+)?\/$/)?.[1] ?? null;

describe('removing articles from a built archive', () => {
  let out: string;
  let first: string[];
  let second: string[];
  let secondPages: string[];
  let shrunk: string;
  let emptied: string;
  const moved = new Map<string, { to: string; html: string; target: string }>();
  const movedWhenAllFit = new Map<string, { to: string; target: string }>();
  let sitemap: string;
  /** The page at each removed article's address after the rebuild, or null. */
  const removedPages = new Map<string, string | null>();

  beforeAll(async () => {
    const dir = await tempDir('removed');
    const seeds = join(dir, 'seeds');
    writeArticles(seeds, await generateArticles(80, { root, seed: 7 }));
    const env = { ARCHIVE_SEEDS: seeds, ARCHIVE_CACHE: join(dir, 'cache') };
    out = join(dir, 'out');
    const build = async (budget: number) => {
      const run = await runBuild([`--output=${out}`, `--page-budget=${budget}`], env);
      if (run.code !== 0) throw new Error(run.stderr);
    };
    await build(12);
    first = await partAddresses(out);

    // The month whose timeline runs over the most parts, and the articles published in each month.
    const parts = first.filter((u) => u.startsWith('/timeline/') && monthOf(u) !== 'undated');
    const count = (month: string) => parts.filter((u) => monthOf(u) === month).length;
    shrunk = parts.map((u) => monthOf(u)!).reduce((a, b) => (count(b) > count(a) ? b : a));
    const { articles } = JSON.parse(await readFile(join(out, 'data/archive.json'), 'utf8')) as { articles: { file: string; page: string; published: string | null }[] };
    const inMonth = (month: string) => articles.filter((a) => a.published?.startsWith(month)).map((a) => a.file.replace(/^.*\//, ''));
    // A month of the article index other than the first and the one above, emptied.
    const months = [...new Set(articles.map((a) => a.published?.slice(0, 7)).filter((m): m is string => !!m))].sort();
    emptied = months.find((m, i) => i > 0 && m !== shrunk && inMonth(m).length > 0)!;
    // All but one of the articles of the busiest month go, and every article of the emptied one.
    const removed = [...inMonth(shrunk).slice(1), ...inMonth(emptied)];
    for (const file of removed) await rm(join(seeds, file));
    await build(12);
    for (const a of articles.filter((a) => removed.includes(a.file.replace(/^.*\//, '')))) {
      removedPages.set(a.page, existsSync(fileOf(out, a.page)) ? await readFile(fileOf(out, a.page), 'utf8') : null);
    }
    second = await partAddresses(out);
    secondPages = [];
    for (const url of second) if (!leadsTo(await readFile(fileOf(out, url), 'utf8'))) secondPages.push(url);
    for (const url of first) {
      const html = await readFile(fileOf(out, url), 'utf8');
      const to = leadsTo(html);
      if (to) moved.set(url, { to, html, target: await readFile(fileOf(out, to), 'utf8') });
    }
    sitemap = await readFile(join(out, 'sitemap.xml'), 'utf8');

    // A budget large enough for every list to fit one page.
    await build(1_000_000);
    for (const url of second) {
      const to = leadsTo(await readFile(fileOf(out, url), 'utf8'));
      if (to) movedWhenAllFit.set(url, { to, target: await readFile(fileOf(out, to), 'utf8') });
    }
  }, 300_000);

  it('leaves fewer parts of the busiest month, and none of the emptied month in the article index', () => {
    const ofMonth = (urls: string[], month: string) => urls.filter((u) => u.startsWith('/timeline/') && monthOf(u) === month);
    expect(ofMonth(first, shrunk).length).toBeGreaterThan(1);
    expect(ofMonth(secondPages, shrunk).length).toBeGreaterThan(0);
    expect(ofMonth(secondPages, shrunk).length).toBeLessThan(ofMonth(first, shrunk).length);
    expect(first).toContain(`/articles/${emptied}/`);
    expect(secondPages).not.toContain(`/articles/${emptied}/`);
  });

  it('answers every part address of the last build: each is a page, or leads to a page of its own', () => {
    expect(first.filter((url) => url.startsWith('/deadlines/by-month/')).length).toBeGreaterThan(0);
    for (const url of first) expect(existsSync(fileOf(out, url)), url).toBe(true);
    expect(moved.size).toBeGreaterThan(0);
    for (const [url, { target }] of moved) expect(leadsTo(target), `${url} leads to a page that leads on`).toBeNull();
  });

  it('leads a part of a month that still has entries to a page with that month’s heading', () => {
    const stillListed = [...moved].filter(([url]) => monthOf(url) === shrunk);
    expect(stillListed.length).toBeGreaterThan(0);
    // The table of reports heads a month's rows with the month's name: "July 2025".
    const monthName = new Date(`${shrunk}-01T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (const [url, { target }] of stillListed) {
      if (url.startsWith('/tariffs/reports/')) expect(target, url).toContain(`<caption id="chart-table-caption">${monthName}`);
      else expect(target, url).toContain(`id="month-${shrunk}"`);
    }
  });

  it('leads the emptied month of the article index to a part of the index', () => {
    const { to, target } = moved.get(`/articles/${emptied}/`)!;
    expect(to).toMatch(/^\/articles\//);
    expect(target).toContain('<h1>Articles</h1>');
    expect(moved.get(`/articles/${emptied}/`)!.html).toContain('the article index for');
  });

  it('leaves the addresses that lead on out of the sitemap', () => {
    for (const url of moved.keys()) expect(sitemap).not.toContain(`${url}</loc>`);
  });

  it('says at each removed article’s address that it is no longer in the archive, and links the article index', () => {
    expect(removedPages.size).toBeGreaterThan(1);
    for (const [url, html] of removedPages) {
      expect(html, url).toContain('<h1>No longer in this archive</h1>');
      expect(html, url).toContain('href="/articles/"');
      expect(leadsTo(html!), url).toBeNull();
      expect(html, url).toContain('<meta name="robots" content="noindex">');
      expect(sitemap).not.toContain(`${url}</loc>`);
    }
  });

  it('leads every part to its month on the one page once each list fits it', () => {
    expect(movedWhenAllFit.size).toBe(second.length);
    for (const [url, { to, target }] of movedWhenAllFit) {
      expect(leadsTo(target), url).toBeNull();
      const month = monthOf(url);
      if (url.startsWith('/tariffs/reports/')) expect(to, url).toBe('/tariffs/#chart-heading');
      else if (month && to.includes('#')) expect(target, url).toContain(`id="month-${month}"`);
    }
    // A part of a month still in the list lands on that month.
    const timeline = [...movedWhenAllFit].filter(([url]) => url.startsWith('/timeline/') && monthOf(url) === shrunk);
    expect(timeline.length).toBeGreaterThan(0);
    for (const [, { to }] of timeline) expect(to).toBe(`/#month-${shrunk}`);
  });
});
