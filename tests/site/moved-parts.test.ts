// The lists cut by month keep the part addresses a deployed site published:
// when removed articles make a month fit fewer parts, or none, or the whole
// list fit one page, each address that is gone leads to where its month's
// entries are now.
import { describe, expect, it } from 'vitest';
import { movedParts, partAddress, publishedParts, type MonthList } from '../../src/site/moved-parts.ts';
import { splitByMonth } from '../../src/site/split.ts';
import type { MonthGroup, SplitList } from '../../src/types.ts';

/** A month of `n` entries of weight 1. */
const month = (key: string, n: number): MonthGroup<number> => ({ key, label: key, entries: Array.from({ length: n }, (_, i) => i) });

const budget = 10;
const timeline = (months: MonthGroup<number>[]) => splitByMonth(months, () => 1, budget, { first: '/', rest: '/timeline/' });
const none: SplitList<unknown> = { parts: [], nav: { years: [] } };
const lists = (t: SplitList<unknown>, reports: SplitList<unknown> = none, deadlines: SplitList<unknown> = none): Record<MonthList, SplitList<unknown>> => ({
  timeline: t,
  newest: none,
  articles: none,
  reports,
  deadlines,
});

// May on the first page, June over three parts, July, then the undated entries.
const before = timeline([month('2025-05', 5), month('2025-06', 25), month('2025-07', 8), month('undated', 3)]);
const published = publishedParts([], lists(before));

/** The part addresses that lead on, by address; the lists' folders aside. */
const movedFrom = (after: SplitList<unknown>, reports?: SplitList<unknown>) =>
  new Map(movedParts(published, lists(after, reports)).filter((m) => m.kind === 'page').map((m) => [m.url, m]));

describe('parts of lists cut by month', () => {
  it('are kept by address, the first part (the list’s own address) aside', () => {
    expect(published).toEqual(['/timeline/2025-06-2/', '/timeline/2025-06-3/', '/timeline/2025-06/', '/timeline/2025-07/', '/timeline/undated/']);
  });

  it('lead nowhere while they are pages', () => {
    expect(movedParts(published, lists(before)).filter((m) => m.kind === 'page')).toEqual([]);
  });

  it('live in a folder that leads to the list’s first part, while the list has parts or had', () => {
    const folder = { url: '/timeline/', to: '/', label: 'the timeline', kind: 'folder' };
    expect(movedParts([], lists(before))).toEqual([folder]);
    const onePage = timeline([month('2025-06', 4)]);
    expect(movedParts(published, lists(onePage))).toContainEqual(folder);
    expect(movedParts([], lists(onePage))).toEqual([]);
  });

  it('lead a month’s last part to the month’s last part now, when the month shrinks', () => {
    const moved = movedFrom(timeline([month('2025-05', 5), month('2025-06', 17), month('2025-07', 8), month('undated', 3)]));
    expect([...moved.keys()]).toEqual(['/timeline/2025-06-3/']);
    expect(moved.get('/timeline/2025-06-3/')).toEqual({ url: '/timeline/2025-06-3/', to: '/timeline/2025-06-2/', label: 'the timeline for 2025-06, part 2 of 2', kind: 'page' });
  });

  it('lead a month that is gone to the month before it, and one that became the first part to the list’s address', () => {
    const moved = movedFrom(timeline([month('2025-06', 25), month('undated', 3)]));
    // June comes first now: its first part is the timeline's own address.
    expect(moved.get('/timeline/2025-06/')?.to).toBe('/');
    // July is gone: its address leads to June, the month before.
    expect(moved.get('/timeline/2025-07/')?.to).toBe('/');
    expect(moved.has('/timeline/2025-06-2/')).toBe(false);
  });

  it('lead undated parts that are gone to the latest month', () => {
    const moved = movedFrom(timeline([month('2025-05', 5), month('2025-06', 25), month('2025-07', 8)]));
    expect(moved.get('/timeline/undated/')?.to).toBe('/timeline/2025-07/');
  });

  it('lead to the month’s heading once the whole list fits one page', () => {
    const moved = movedFrom(timeline([month('2025-06', 4), month('2025-07', 3)]));
    expect(moved.get('/timeline/2025-06-3/')).toMatchObject({ to: '/#month-2025-06', label: 'the timeline' });
    expect(moved.get('/timeline/2025-07/')?.to).toBe('/#month-2025-07');
    // No undated entries now: the top of the list.
    expect(moved.get('/timeline/undated/')?.to).toBe('/');
  });

  it('lead the table of tariff reports, and each of its parts, to the tariffs page once the table is printed there', () => {
    const reports = splitByMonth([month('2025-06', 12), month('2025-07', 4)], () => 1, budget, { first: '/tariffs/reports/', rest: '/tariffs/reports/' });
    const kept = publishedParts(published, lists(before, reports));
    expect(kept).toEqual(expect.arrayContaining(['/tariffs/reports/', '/tariffs/reports/2025-06-2/', '/tariffs/reports/2025-07/']));
    const moved = new Map(movedParts(kept, lists(before, none)).map((m) => [m.url, m]));
    for (const url of ['/tariffs/reports/', '/tariffs/reports/2025-06-2/', '/tariffs/reports/2025-07/']) {
      expect(moved.get(url)).toEqual({ url, to: '/tariffs/#chart-heading', label: 'the table of tariff reports, on the tariffs page', kind: 'page' });
    }
  });

  it('of the deadlines index live apart from the deadlines’ own pages, and lead to the month’s heading once the index fits one page', () => {
    const urls = { first: '/deadlines/', rest: '/deadlines/by-month/' };
    const deadlines = splitByMonth([month('2025-07', 12), month('2025-08', 4)], () => 1, budget, urls);
    expect(deadlines.parts.map((p) => p.url)).toEqual(['/deadlines/', '/deadlines/by-month/2025-07-2/', '/deadlines/by-month/2025-08/']);
    const kept = publishedParts([], lists(before, none, deadlines));
    expect(kept).toEqual(expect.arrayContaining(['/deadlines/by-month/2025-07-2/', '/deadlines/by-month/2025-08/']));
    // A deadline set for a month has its page at /deadlines/2025-07/: no part of the index.
    expect(partAddress('/deadlines/2025-07/')).toBeNull();
    const moved = new Map(movedParts(kept, lists(before, none, splitByMonth([month('2025-07', 3), month('2025-08', 2)], () => 1, budget, urls))).map((m) => [m.url, m]));
    expect(moved.get('/deadlines/by-month/2025-08/')).toEqual({ url: '/deadlines/by-month/2025-08/', to: '/deadlines/#month-2025-08', label: 'the deadlines index', kind: 'page' });
    expect(moved.get('/deadlines/by-month/2025-07-2/')?.to).toBe('/deadlines/#month-2025-07');
    // A reader who shortens a part's address lands on the index.
    expect(moved.get('/deadlines/by-month/')).toMatchObject({ to: '/deadlines/', kind: 'folder' });
  });

  it('are read only in the shapes the build writes', () => {
    expect(partAddress('/newest/2025-07-2/')).toEqual({ list: 'newest', month: '2025-07', part: 2 });
    expect(partAddress('/articles/2025/')).toEqual({ list: 'articles', month: '2025', part: 1 });
    expect(partAddress('/tariffs/reports/')).toEqual({ list: 'reports', month: null, part: 1 });
    expect(partAddress('/deadlines/by-month/undated-2/')).toEqual({ list: 'deadlines', month: 'undated', part: 2 });
    for (const url of ['/newest/', '/articles/', '/timeline/', '/timeline/2025-07-1/', '/timeline/2025-00/', '/timeline/2025-1/', '/timeline/../x/', '/articles/a-title/', '/timeline/2025-07', 'timeline/2025-07/', '/deadlines/', '/deadlines/by-month/']) {
      expect(partAddress(url), url).toBeNull();
    }
  });
});
