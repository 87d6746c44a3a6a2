// Addresses a deployed site published keep answering: a later page of a list
// renamed by a rebuild leads on to the page that holds the entry it started
// with, and a list's folder leads to the list on the entity's first page.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFingerprints, saveFingerprints } from '../../src/cache/page-fingerprints.ts';
import { publishedAnchors } from '../../src/site/moved-pages.ts';
import { readPublished, writePublished } from '../../src/site/published-addresses.ts';
import { entityPages } from '../../src/site/split.ts';
import type { FuzzyDate, RunAnchor } from '../../src/types.ts';

interface Entry {
  id: string;
  date: FuzzyDate | null;
}

const day = (d: number): FuzzyDate => ({ value: `2025-07-${String(d).padStart(2, '0')}`, precision: 'day' });
const first = '/people/ryosei-akazawa/';

/**
 * Ten entries a day from 1 to 20 July 2025, sixty more on the 5th and forty
 * undated, in date order, undated last: the busy day and the undated entries
 * run over several pages each, "continued".
 */
function entries(): Entry[] {
  const dated = Array.from({ length: 200 }, (_, i) => ({ id: `e${i}`, date: day(1 + Math.floor(i / 10)) }));
  const busy = Array.from({ length: 60 }, (_, i) => ({ id: `b${i}`, date: day(5) }));
  const undated = Array.from({ length: 40 }, (_, i) => ({ id: `u${i}`, date: null }));
  return [...dated.slice(0, 50), ...busy, ...dated.slice(50), ...undated];
}

const inOrder = (list: Entry[]) => [...list.filter((e) => e.date).sort((a, b) => a.date!.value.localeCompare(b.date!.value)), ...list.filter((e) => !e.date)];

function build(list: Entry[], before: Record<string, RunAnchor> = {}) {
  const { pages, moved } = entityPages(
    { id: 'x' },
    { name: 'X' },
    first,
    { events: { items: inOrder(list), key: (e: Entry) => e.id, weight: () => 1, dateOf: (e: Entry) => e.date, max: 16 } },
    { before: Object.entries(before), owner: 'Ryosei Akazawa' },
  );
  return { pages, moved, anchors: publishedAnchors(before, { personPages: pages, tariffPages: [], venuePages: [], deadlinePages: [] }) };
}

/** Entries added among the others, and the last entry of some runs taken out: both rename pages that come after. */
function renaming(list: Entry[], built: ReturnType<typeof build>): Entry[] {
  const added = [3, 5, 5, 9, 14].map((d, i) => ({ id: `new${i}`, date: day(d) }));
  const endsOfRuns = built.pages.slice(1, 8).map((pg) => (pg.lists.events.items as Entry[]).at(-1)!.id);
  return [...list.filter((e) => !endsOfRuns.includes(e.id)), ...added, { id: 'new-undated', date: null }];
}

const holding = (pages: ReturnType<typeof build>['pages'], id: string) => pages.find((pg) => (pg.lists.events.items as Entry[]).some((e) => e.id === id))!;
const firstEntry = (pages: ReturnType<typeof build>['pages'], url: string) => (pages.find((pg) => pg.url === url)!.lists.events.items as Entry[])[0]!;

describe('moved pages', () => {
  it('lead each renamed page, continued ones too, to the page that holds the entry it started with', () => {
    const list = entries();
    const before = build(list);
    expect(before.pages.filter((pg) => pg.run?.continued && pg.run.from).length).toBeGreaterThan(1);
    expect(before.pages.filter((pg) => pg.run?.continued && !pg.run.from).length).toBeGreaterThan(1);
    const after = build(renaming(list, before), before.anchors);
    const urls = new Set(after.pages.map((pg) => pg.url));
    const gone = Object.keys(before.anchors).filter((url) => !urls.has(url));
    expect(gone.length).toBeGreaterThan(3);
    expect(gone.some((url) => before.pages.find((pg) => pg.url === url)!.run!.continued)).toBe(true);
    for (const url of gone) {
      const m = after.moved.find((x) => x.url === url)!;
      expect(m, url).toBeDefined();
      const entry = firstEntry(before.pages, url);
      // Every page that starts a renamed run held an entry that is still in the list.
      expect(m.to.replace(/#events$/, ''), `${url} (${entry.id})`).toBe(holding(after.pages, entry.id).url);
      expect(m.label).toMatch(/^events of Ryosei Akazawa/);
    }
  });

  it('lead a list’s folder to the list on the first page, also once the list fits on it again', () => {
    const long = build(entries());
    expect(long.moved).toContainEqual({ url: `${first}events/`, to: `${first}#events`, label: 'events of Ryosei Akazawa', kind: 'folder' });
    const short = build(entries().slice(0, 10), long.anchors);
    expect(short.pages).toHaveLength(1);
    expect(short.moved.find((m) => m.url === `${first}events/`)?.to).toBe(`${first}#events`);
    // The old later pages all lead to the first page, which holds the list now.
    for (const url of Object.keys(long.anchors)) expect(short.moved.find((m) => m.url === url)?.to, url).toBe(`${first}#events`);
  });

  it('keep leading on build after build, and stop when the address is a page again', () => {
    const list = entries();
    const once = build(list);
    const changed = renaming(list, once);
    const twice = build(changed, once.anchors);
    const moved = twice.moved.filter((m) => m.kind === 'page');
    expect(moved.length).toBeGreaterThan(0);
    const thrice = build(changed, twice.anchors);
    for (const m of moved) expect(thrice.moved.find((x) => x.url === m.url)).toEqual(m);
    // The list as it was: its pages are pages again, and lead nowhere.
    const back = build(list, thrice.anchors);
    for (const m of moved) {
      expect(back.pages.some((pg) => pg.url === m.url)).toBe(true);
      expect(back.moved.some((x) => x.url === m.url)).toBe(false);
    }
  });

  it('go by date when the entry a page started with is gone: undated to the undated entries, before every later page to the first page', () => {
    const anchor = (from: FuzzyDate | null): RunAnchor => ({ first, list: 'events', from, start: 'zzzzzz' });
    const { moved, pages } = build(entries(), { [`${first}events/undated_zzzzzz/`]: anchor(null), [`${first}events/2025-06-30/`]: anchor({ value: '2025-06-30', precision: 'day' }) });
    const undated = moved.find((m) => m.url.includes('undated_zzzzzz'))!;
    expect(pages.find((pg) => pg.url === undated.to)!.run!.from).toBeNull();
    expect(undated.label).toMatch(/^events of Ryosei Akazawa with no date/);
    expect(moved.find((m) => m.url.endsWith('2025-06-30/'))!.to).toBe(`${first}#events`);
  });

  it('are remembered for an entity missing from a build, and lead on again when it is back', () => {
    const list = entries();
    const once = build(list);
    const without = publishedAnchors(once.anchors, { personPages: [], tariffPages: [], venuePages: [], deadlinePages: [] });
    expect(without).toEqual(once.anchors);
    const back = build(renaming(list, once), without);
    expect(back.moved.filter((m) => m.kind === 'page').length).toBeGreaterThan(0);
  });
});

describe('what earlier builds published, as the next one reads it', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'published-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('comes back from the site folder as it was written', async () => {
    const published = {
      anchors: { '/people/x/events/2025-07-04/': { first: '/people/x/', list: 'events', from: { value: '2025-07-04', precision: 'day' as const }, start: 'k3f9a2' } },
      parts: ['/articles/undated-2/', '/tariffs/reports/', '/timeline/2025-07-3/'],
      slugs: {
        articles: { '000_a.txt': 'talks', '001_b.txt': 'talks-2025-07-02' },
        people: { 'José Ortiz': 'jose-ortiz' },
        tariffs: { '25-percent-autos|Japan': '25-percent-autos' },
        venues: { 'White House': 'white-house' },
        deadlines: { 'day:2025-08-01': '2025-08-01' },
      },
    };
    await writePublished(dir, published);
    expect(await readPublished(dir)).toEqual(published);
    expect(await readPublished(join(dir, 'elsewhere'))).toEqual({ anchors: {}, parts: [], slugs: { articles: {}, people: {}, tariffs: {}, venues: {}, deadlines: {} } });
  });

  it('leaves out addresses that could name a file outside the site, or outside their list', async () => {
    const good = { first: '/people/x/', list: 'events', from: null, start: 'abc123' };
    await writeFile(
      join(dir, '.published-addresses.json'),
      JSON.stringify({
        anchors: {
          '/people/x/events/../../../../etc/': good,
          '/people/x/events/a b/': good,
          '/people/x/events/undated/': { ...good, first: '/people/../x/' },
          '/people/x/events/2025-07-04/': { ...good, from: { value: '2025-07-04"><script>', precision: 'day' } },
          '/people/y/events/undated/': good,
          '/people/x/events/undated_abc/': good,
        },
        parts: ['/timeline/2025-07/', '/timeline/../../etc/', '/timeline/2025-00/', '/timeline/2025-07-1/', '/timeline/', '/people/x/', '/newest/2025-07-2/x/', 7, '/newest/undated-2/'],
        slugs: {
          articles: { a: '../../etc', b: 'talks', c: 'undated', d: '2025-07-2', e: 'Talks', f: 'talks/x', g: 7 },
          people: { 'José Ortiz': 'jose-ortiz', Other: 'a b', Long: 'a'.repeat(300) },
          tariffs: { '25-percent-autos|': 'reports', '25-percent-autos|Japan': '25-percent-autos' },
          venues: null,
          deadlines: 'not an object',
        },
      }),
    );
    const read = await readPublished(dir);
    expect(Object.keys(read.anchors)).toEqual(['/people/x/events/undated_abc/']);
    expect(read.parts).toEqual(['/timeline/2025-07/', '/newest/undated-2/']);
    expect(read.slugs).toEqual({ articles: { b: 'talks' }, people: { 'José Ortiz': 'jose-ortiz' }, tariffs: { '25-percent-autos|Japan': '25-percent-autos' }, venues: {}, deadlines: {} });
  });

  it('keeps no fingerprint of a page whose address could name a file outside the site', async () => {
    process.env.ARCHIVE_CACHE = dir;
    try {
      await saveFingerprints(join(dir, 'site'), { '/': 'a', '/people/x/': 'b', '/../victim/': 'c', '/people/x/./': 'd', 'pagefind:site': 'e' });
      expect(await loadFingerprints(join(dir, 'site'))).toEqual({ '/': 'a', '/people/x/': 'b', 'pagefind:site': 'e' });
    } finally {
      delete process.env.ARCHIVE_CACHE;
    }
  });
});
