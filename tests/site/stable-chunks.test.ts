// An entity's long lists (a negotiator's events and articles, a tariff's
// reports) are cut into pages. A curator who adds an article from months ago
// should see it on one page, and the pages after it left as they were, so a
// rebuild renders only what changed. These check the cutting on lists the
// tests make up, with the promise a reader relies on: every entry once, in
// order, no page over its weight.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityPages, stableChunks } from '../../src/site/split.ts';
import type { FuzzyDate } from '../../src/types.ts';

interface Entry {
  id: string;
  weight: number;
}

const cutOf = (items: Entry[], max: number) => ({ items, key: (e: Entry) => e.id, weight: (e: Entry) => e.weight, max });

/** A reproducible list of `n` entries with weights 1 to 5, as events with their sources weigh. */
function entries(n: number, seed: number, prefix = 'e'): Entry[] {
  let state = seed;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}-${Math.floor(next() * 1e9)}`, weight: 1 + Math.floor(next() * 5) }));
}

/**
 * How many runs after an insertion are not runs before it. A page is named by
 * its first entry, so a run the same as one before keeps its page unchanged,
 * wherever it now stands in the list.
 */
function pagesChanged(before: Entry[][], after: Entry[][]): number {
  const ids = (run: Entry[]) => run.map((e) => e.id).join(',');
  const old = new Set(before.map(ids));
  return after.filter((run) => !old.has(ids(run))).length;
}

describe('stableChunks', () => {
  it('keeps every entry once, in order, each run within the weight unless one entry alone is over it', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string(), weight: fc.integer({ min: 1, max: 40 }) }), { maxLength: 300 }), fc.integer({ min: 1, max: 60 }), (items, max) => {
        const runs = stableChunks(cutOf(items, max));
        expect(runs.flat()).toEqual(items);
        for (const run of runs) {
          expect(run.length).toBeGreaterThan(0);
          const load = run.reduce((sum, e) => sum + e.weight, 0);
          if (run.length > 1) expect(load).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('fills pages to more than half their weight on average, so a list is not spread thin', () => {
    const items = entries(5000, 7);
    const runs = stableChunks(cutOf(items, 150));
    const total = items.reduce((sum, e) => sum + e.weight, 0);
    expect(total / runs.length).toBeGreaterThan(75);
  });

  it('changes the one page an entry joins, and seldom a second, wherever it joins a long list', () => {
    // Cut at fixed counts, an entry added at position p moves every later
    // entry and changes all the pages from p's on: about half of them on
    // average. Cut by the entries' own keys, it changes the page it joins
    // and, when it is picked to end a run or lands in a run cut in parts,
    // the page next to that one.
    for (const max of [30, 150]) {
      const items = entries(3000, 11);
      const before = stableChunks(cutOf(items, max));
      const changes: number[] = [];
      for (const [i, added] of entries(200, 23, 'new').entries()) {
        const at = (i * 7919) % items.length;
        changes.push(pagesChanged(before, stableChunks(cutOf([...items.slice(0, at), added, ...items.slice(at)], max))));
      }
      changes.sort((a, b) => a - b);
      const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
      expect(before.length).toBeGreaterThan(3000 / max);
      expect(changes[changes.length >> 1], `median, max ${max}`).toBe(1);
      expect(changes[Math.floor(changes.length * 0.95)], `95th percentile, max ${max}`).toBeLessThanOrEqual(2);
      expect(mean, `mean, max ${max}`).toBeLessThan(1.4);
    }
  });
});

describe('entityPages', () => {
  interface Dated extends Entry {
    date: FuzzyDate | null;
  }

  /** 3,000 entries over a year in date order, a tenth of them on five busy days, and the last fiftieth with no date. */
  function datedEntries(): Dated[] {
    const items = entries(3000, 5);
    const day = (i: number) => `2025-${String(1 + Math.floor(i / 28) % 12).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const dated = items.map((e, i) => {
      const n = (i * 7) % 336;
      const date: FuzzyDate | null = i >= 2940 ? null : { value: day(i % 10 === 0 ? 60 + (i % 5) * 40 : n), precision: 'day' };
      return { ...e, date };
    });
    return [...dated.filter((e) => e.date).sort((a, b) => a.date!.value.localeCompare(b.date!.value)), ...dated.filter((e) => !e.date)];
  }

  const pagesOf = (items: Dated[]) =>
    new Map(
      entityPages(null, {}, '/x/', { events: { items, key: (e: Dated) => e.id, weight: (e: Dated) => e.weight, dateOf: (e: Dated) => e.date, max: 60 } }).pages
        .slice(1)
        .map((pg) => [pg.url, (pg.lists.events.items as Dated[]).map((e) => e.id).join(',')] as const),
    );

  it('names each later page by the date it starts from, so an entry added changes its own page and seldom renames another', () => {
    const items = datedEntries();
    const before = pagesOf(items);
    const changed: number[] = [];
    const renamed: number[] = [];
    for (const [i, added] of entries(200, 29, 'new').entries()) {
      // Among the entries of one day, or of none: where a new article's would sort.
      const at = (i * 7919) % items.length;
      const after = pagesOf([...items.slice(0, at), { ...added, date: items[at]!.date }, ...items.slice(at)]);
      changed.push([...after].filter(([url, ids]) => before.get(url) !== ids).length);
      renamed.push([...before.keys()].filter((url) => !after.has(url)).length);
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const mean = changed.reduce((a, b) => a + b, 0) / changed.length;
    expect(before.size).toBeGreaterThan(100);
    // The page it joins; now and then the next one too, when it moves a cut.
    expect(sorted(changed)[changed.length >> 1]).toBe(1);
    expect(sorted(changed)[Math.floor(changed.length * 0.95)]).toBeLessThanOrEqual(3);
    expect(mean).toBeLessThan(1.5);
    // A page is renamed only when the date its run starts on changes, or a cut moves on a busy day.
    // (9 insertions in 200 here; 20 with a continued run named by its own first entry.)
    expect(renamed.filter((n) => n > 0).length).toBeLessThanOrEqual(changed.length * 0.07);
  });

  it('gives every page an address of its own, whatever the dates: days, weeks, months, years, none, many alike', () => {
    const date = fc.oneof(
      fc.constant(null),
      fc.record({ value: fc.constantFrom('2025', '2025-07', '2025-07-12', '2025-10', '2025-07-14', '2025-10-01'), precision: fc.constantFrom('day' as const) }),
      fc.constantFrom<FuzzyDate>({ value: '2025', precision: 'year' }, { value: '2025-07', precision: 'month' }, { value: '2025-07-14', precision: 'week' }),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string(), weight: fc.integer({ min: 1, max: 5 }), date }), { minLength: 100, maxLength: 400 }), (items) => {
        const valid = items.filter((e) => e.date?.precision !== 'day' || e.date.value.length === 10);
        type Item = (typeof valid)[number];
        const list = { items: valid, key: (e: Item) => e.id, weight: (e: Item) => e.weight, dateOf: (e: Item) => e.date, max: 4 };
        const pages = entityPages(null, {}, '/x/', { events: list }).pages;
        const urls = pages.map((pg) => pg.url);
        expect(new Set(urls).size).toBe(urls.length);
        for (const url of urls.slice(1)) expect(url).toMatch(/^\/x\/events\/[0-9A-Za-z_-]+\/$/);
        expect(pages.flatMap((pg) => pg.lists.events.items)).toEqual(valid);
      }),
    );
  });
});
