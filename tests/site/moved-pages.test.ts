// Addresses a deployed site published keep answering: a later page of a list
// renamed by a rebuild leads on to the page that holds its entries now, and a
// list's folder leads to the list on the entity's first page.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLastBuild, saveLastBuild } from '../../src/cache/page-fingerprints.ts';
import { movedPages, publishedAnchors } from '../../src/site/moved-pages.ts';
import { entityPages } from '../../src/site/split.ts';
import type { FuzzyDate, RunAnchor } from '../../src/types.ts';

interface Entry {
  id: string;
  date: FuzzyDate | null;
}

const day = (value: string): FuzzyDate => ({ value, precision: 'day' });

/** Ten entries a day from 1 to 20 July 2025, then five undated: about fifteen runs of ten. */
function events(extra: Entry[] = []): Entry[] {
  const dated = Array.from({ length: 200 }, (_, i) => ({ id: `e${i}`, date: day(`2025-07-${String(1 + Math.floor(i / 10)).padStart(2, '0')}`) }));
  const all = [...dated, ...extra.filter((e) => e.date), ...Array.from({ length: 5 }, (_, i) => ({ id: `u${i}`, date: null })), ...extra.filter((e) => !e.date)];
  return all.sort((a, b) => (a.date && b.date ? a.date.value.localeCompare(b.date.value) : a.date ? -1 : b.date ? 1 : 0));
}

const pagesOf = (items: Entry[], url = '/people/ryosei-akazawa/') =>
  entityPages({ id: 'x' }, { name: 'X' }, url, { events: { items, key: (e: Entry) => e.id, weight: () => 1, dateOf: (e: Entry) => e.date, max: 16 } });

/** Which page holds an entry, by id. */
function pageHolding(pages: ReturnType<typeof pagesOf>, id: string): string {
  return pages.find((pg) => (pg.lists.events.items as Entry[]).some((e) => e.id === id))!.url;
}

describe('moved pages', () => {
  it('send each renamed page’s address to the page that holds the entry it started with', () => {
    const before = pagesOf(events());
    const anchors = publishedAnchors(before, movedPages(before, {}));
    // Entries added on the first day of several runs rename those runs.
    const starts = before.filter((pg) => pg.list && pg.run!.from).map((pg) => pg.run!.from!.value);
    const after = pagesOf(events(starts.map((value, i) => ({ id: `new${i}`, date: day(`2025-07-${String(Number(value.slice(8)) - 1).padStart(2, '0')}`) }))));
    const urls = new Set(after.map((pg) => pg.url));
    const gone = Object.keys(anchors).filter((url) => !urls.has(url));
    expect(gone.length).toBeGreaterThan(0);
    const moved = movedPages(after, anchors);
    for (const url of gone) {
      const m = moved.find((x) => x.url === url)!;
      expect(m, url).toBeDefined();
      const old = before.find((pg) => pg.url === url)!;
      const firstEntry = (old.lists.events.items as Entry[])[0]!;
      // The page it leads to lists that entry, on the first page under the list's heading.
      expect(m.to.replace(/#events$/, '')).toBe(pageHolding(after, firstEntry.id));
      expect(m.label).toMatch(/^events/);
    }
  });

  it('lead a list’s folder to the list on the entity’s first page', () => {
    const moved = movedPages(pagesOf(events()), {});
    expect(moved).toContainEqual({ url: '/people/ryosei-akazawa/events/', to: '/people/ryosei-akazawa/#events', label: 'events', anchor: null });
  });

  it('keep leading on build after build, and stop when the address is a page again', () => {
    const pages = pagesOf(events());
    const old = '/people/ryosei-akazawa/events/2025-07-04_abcdef/';
    const anchor: RunAnchor = { first: '/people/ryosei-akazawa/', list: 'events', from: day('2025-07-04') };
    const once = movedPages(pages, { [old]: anchor });
    const twice = movedPages(pages, publishedAnchors(pages, once));
    expect(twice.find((m) => m.url === old)).toEqual(once.find((m) => m.url === old));
    const real = pages.find((pg) => pg.list)!.url;
    expect(movedPages(pages, { [real]: anchor }).some((m) => m.url === real)).toBe(false);
  });

  it('send an undated run to the undated entries, and a date before every later page to the first page', () => {
    const pages = pagesOf(events());
    const anchor = (from: FuzzyDate | null): RunAnchor => ({ first: '/people/ryosei-akazawa/', list: 'events', from });
    const [undated, early] = movedPages(pages, {
      '/people/ryosei-akazawa/events/undated_zzzzzz/': anchor(null),
      '/people/ryosei-akazawa/events/2025-06-30/': anchor(day('2025-06-30')),
    }).filter((m) => m.anchor);
    expect(pages.find((pg) => pg.url === undated!.to)!.run!.from).toBeNull();
    expect(undated!.label).toMatch(/^events with no date/);
    expect(early!.to).toBe('/people/ryosei-akazawa/#events');
  });

  it('pass over addresses of entities that are gone, and addresses outside their list', () => {
    const pages = pagesOf(events());
    const moved = movedPages(pages, {
      '/people/someone-else/events/2025-07-04/': { first: '/people/someone-else/', list: 'events', from: day('2025-07-04') },
      '/tariffs/reports/': { first: '/people/ryosei-akazawa/', list: 'events', from: day('2025-07-04') },
    });
    expect(moved.filter((m) => m.anchor)).toEqual([]);
  });
});

describe('what the last build published, as the next one reads it', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'last-build-'));
    process.env.ARCHIVE_CACHE = dir;
  });
  afterEach(async () => {
    delete process.env.ARCHIVE_CACHE;
    await rm(dir, { recursive: true, force: true });
  });

  it('comes back as it was saved', async () => {
    const anchors = { '/people/x/events/2025-07-04/': { first: '/people/x/', list: 'events', from: { value: '2025-07-04', precision: 'day' as const } } };
    await saveLastBuild(join(dir, 'site'), { pages: { '/people/x/': 'abc' }, anchors });
    expect(await loadLastBuild(join(dir, 'site'))).toEqual({ pages: { '/people/x/': 'abc' }, anchors });
  });

  it('leaves out anchors whose address could name a file outside the site', async () => {
    const good = { first: '/people/x/', list: 'events', from: null };
    const file = join(dir, 'pages.json');
    await saveLastBuild(join(dir, 'site'), { pages: {}, anchors: {} });
    const saved = JSON.parse(await readFile(file, 'utf8'));
    saved.anchors = {
      '/people/x/events/../../../../etc/': good,
      '/people/x/events/a b/': good,
      '/people/x/events/undated/': { ...good, first: '/people/../x/' },
      '/people/x/events/2025-07-04/': { ...good, from: { value: '2025-07-04"><script>', precision: 'day' } },
      '/people/x/events/undated_abc/': good,
    };
    await writeFile(file, JSON.stringify(saved));
    expect(Object.keys((await loadLastBuild(join(dir, 'site'))).anchors)).toEqual(['/people/x/events/undated_abc/']);
  });
});
