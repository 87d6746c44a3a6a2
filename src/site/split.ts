import { monthKey, monthLabel } from './dates.ts';
import type { EntityPage, FuzzyDate, ListSlice, MonthGroup, MonthPart, PartsNav, SplitList } from '../types.ts';

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

/** Page sizes of an entity's lists: how many entries of each fit on one page. */
export type ListSizes<L extends string> = Record<L, { items: unknown[]; size: number }>;

/**
 * An entity's pages: the first at `url`, the rest at `url + n + '/'`, each
 * with the next slice of every list. The first shows the whole entity and
 * the others its `heading` (see `EntityPage`).
 */
export function entityPages<E, L extends string, H>(item: E, heading: H, url: string, lists: ListSizes<L>): EntityPage<E, L, H>[] {
  const names = Object.keys(lists) as L[];
  const count = Math.max(1, ...names.map((name) => Math.ceil(lists[name].items.length / lists[name].size)));
  const pages = Array.from({ length: count }, (_, i) => (i === 0 ? url : `${url}${i + 1}/`));
  return pages.map((pageUrl, i) => {
    const slices = {} as Record<L, ListSlice<unknown>>;
    for (const name of names) {
      const { items, size } = lists[name];
      slices[name] = { items: items.slice(i * size, (i + 1) * size), from: i * size + 1, total: i === 0 ? items.length : null };
    }
    return { heading, item: i === 0 ? item : null, url: pageUrl, number: i + 1, pages, lists: slices };
  });
}
