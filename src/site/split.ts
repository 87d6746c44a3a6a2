import { monthKey, monthLabel } from './dates.ts';
import type { EntityPage, FuzzyDate, ListSlice, MonthGroup, MonthPart, Pager, PartsNav, SplitList } from '../types.ts';

// A page of the archive lists everything it is about, and a newsroom that
// follows a story for years has thousands of articles on one tariff or one
// negotiator. So long lists are split: a list in date order by month (a big
// month into several pages), other lists into numbered pages. Budgets count
// list entries weighted by how much each prints, calibrated so that a page
// stays well under 500 KB of HTML.

/** Items in date order, grouped by month as the timeline groups them. */
export function byMonth<T>(items: T[], dateOf: (item: T) => FuzzyDate | null): MonthGroup<T>[] {
  const months: MonthGroup<T>[] = [];
  for (const item of items) {
    const date = dateOf(item);
    const key = date ? monthKey(date) : 'undated';
    let month = months.at(-1);
    if (month?.key !== key) {
      month = { key, label: key === 'undated' ? 'Date not known' : monthLabel(key), entries: [] };
      months.push(month);
    }
    month.entries.push(item);
  }
  return months;
}

/** Consecutive runs of items whose weights add up to at most `budget`; an item heavier than that gets a run of its own. */
export function chunkByWeight<T>(items: T[], weight: (item: T) => number, budget: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let load = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length > 0 && load + w > budget) {
      chunks.push(current);
      current = [];
      load = 0;
    }
    current.push(item);
    load += w;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Months as pages. A list that fits the budget stays one page at `first`;
 * otherwise each month is a page at `rest + key + '/'` (the very first at
 * `first`, so the list's address keeps working), and a month over the budget
 * is cut into several. Keys come from months, so a page keeps its address as
 * articles are added, except within a month that grows past the budget.
 */
export function splitByMonth<T>(months: MonthGroup<T>[], weight: (item: T) => number, budget: number, urls: { first: string; rest: string }): SplitList<T> {
  const total = months.reduce((sum, m) => sum + m.entries.reduce((s, e) => s + weight(e), 0), 0);
  if (total <= budget) return { parts: [{ key: 'all', label: 'All', url: urls.first, months, previous: null, next: null }], nav: { years: [] } };
  const parts: MonthPart<T>[] = [];
  for (const month of months) {
    const chunks = chunkByWeight(month.entries, weight, budget);
    chunks.forEach((entries, i) => {
      const key = i === 0 ? month.key : `${month.key}-${i + 1}`;
      parts.push({
        key,
        label: chunks.length > 1 ? `${month.label}, part ${i + 1} of ${chunks.length}` : month.label,
        url: parts.length === 0 ? urls.first : `${urls.rest}${key}/`,
        months: [{ ...month, entries }],
        previous: null,
        next: null,
      });
    });
  }
  parts.forEach((part, i) => {
    part.previous = i > 0 ? { label: parts[i - 1]!.label, url: parts[i - 1]!.url } : null;
    part.next = i + 1 < parts.length ? { label: parts[i + 1]!.label, url: parts[i + 1]!.url } : null;
  });
  return { parts, nav: navOf(parts) };
}

function navOf<T>(parts: MonthPart<T>[]): PartsNav {
  const years: PartsNav['years'] = [];
  for (const part of parts) {
    const key = part.months[0]!.key;
    const year = /^\d{4}/.test(key) ? key.slice(0, 4) : 'Date not known';
    // Within a year's row the year goes without saying.
    const label = year === 'Date not known' ? part.label : part.label.replace(` ${year}`, '');
    const row = years.at(-1);
    if (row?.year === year) row.parts.push({ label, url: part.url });
    else years.push({ year, parts: [{ label, url: part.url }] });
  }
  return { years };
}

/** FNV-1a over a string's code units: a number an item keeps from build to build, whatever else the list holds. */
function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/** How a list of an entity is cut: each item's identity and weight, and the most one page may carry. */
export interface ListCut<T> {
  items: T[];
  // Methods, not function-typed fields, so that a list of events passes where a list of anything is taken.
  key(item: T): string;
  weight(item: T): number;
  max: number;
}

/**
 * Consecutive runs of items that weigh at most `max` (an item heavier than
 * that gets a run of its own), cut after the items that their own key
 * picks, not at every `max`'s worth. Cut by count, one entry added near the
 * start of a list moved every later entry to another page, and every later
 * page was rendered again; cut by key, it changes the run it joins, and the
 * runs after it only in the rare case that it adds or moves a cut. An item
 * ends a run with a chance that grows with its weight, and no run is cut
 * before `least`: on made-up lists, pages came out nine-tenths as full as
 * cut by count, and an entry added anywhere changed two pages on average
 * where cut by count it changed half of them (tests/site/stable-chunks.test.ts).
 */
export function stableChunks<T>({ items, key, weight, max }: ListCut<T>): T[][] {
  const cutAt = 0.7 * max;
  const least = 0.3 * max;
  const chunks: T[][] = [];
  let current: T[] = [];
  let load = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length > 0 && load + w > max) {
      chunks.push(current);
      current = [];
      load = 0;
    }
    current.push(item);
    load += w;
    if (load >= least && stableHash(key(item)) < w / cutAt) {
      chunks.push(current);
      current = [];
      load = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * An entity's pages: the first at `url`, the rest at `url + n + '/'`, page n
 * with the n-th run of every list (see `stableChunks`). The first shows the
 * whole entity and the others its `heading` (see `EntityPage`).
 */
export function entityPages<E, L extends string, H>(item: E, heading: H, url: string, lists: Record<L, ListCut<unknown>>): EntityPage<E, L, H>[] {
  const names = Object.keys(lists) as L[];
  const runs = Object.fromEntries(names.map((name) => [name, stableChunks(lists[name])])) as Record<L, unknown[][]>;
  const count = Math.max(1, ...names.map((name) => runs[name].length));
  const pages = Array.from({ length: count }, (_, i) => (i === 0 ? url : `${url}${i + 1}/`));
  return pages.map((pageUrl, i) => {
    const slices = {} as Record<L, ListSlice<unknown>>;
    for (const name of names) slices[name] = { items: runs[name][i] ?? [], total: i === 0 ? lists[name].items.length : null };
    return { heading, item: i === 0 ? item : null, url: pageUrl, number: i + 1, pager: pagerOf(pages, i), lists: slices };
  });
}

// How many pages a later page links on each side of itself.
const neighbours = 2;

function pagerOf(pages: string[], index: number): Pager {
  const near = (k: number) => k === 0 || index === 0 || Math.abs(k - index) <= neighbours;
  const shown = pages.flatMap((url, k) => (near(k) ? [{ number: k + 1, url }] : []));
  return {
    count: index === 0 ? pages.length : null,
    links: shown.map((link, j) => ({ ...link, gapBefore: j > 0 && link.number > shown[j - 1]!.number + 1 })),
    moreAfter: shown.at(-1)!.number < pages.length,
    previous: pages[index - 1] ?? null,
    next: pages[index + 1] ?? null,
  };
}
