import { datetimeAttribute, formatDate, monthKey, monthLabel } from './dates.ts';
import { movedPagesOfList, type MovedPagesOptions } from './moved-pages.ts';
import type { EntityPage, FuzzyDate, ListSlice, MonthGroup, MonthPart, MovedPage, Pager, PartsNav, RunName, SplitList } from '../types.ts';

// A page of the archive lists everything it is about, and a newsroom that
// follows a story for years has thousands of articles on one tariff or one
// negotiator. So long lists are split: a list in date order by month (a big
// month into several pages), an entity's lists into runs on pages named by
// the date each starts from (`entityPages`). Budgets count
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

/** Six characters an item's key keeps from build to build, for addresses and anchors. */
const keyTag = (key: string) => Math.floor(stableHash(key) * 36 ** 6).toString(36).padStart(6, '0');

/** How a list of an entity is cut: each item's identity, weight and date, and the most one page may carry. */
export interface ListCut<T> {
  items: T[];
  // Methods, not function-typed fields, so that a list of events passes where a list of anything is taken.
  key(item: T): string;
  weight(item: T): number;
  /** Names a later page by the date of its first item. */
  dateOf(item: T): FuzzyDate | null;
  max: number;
}

/**
 * Consecutive runs of items that weigh at most `max` (an item heavier than
 * that gets a run of its own), cut after the items that their own key
 * picks, not at every `max`'s worth. Cut by count, one entry added near the
 * start of a list moved every later entry to another page, and every later
 * page was rendered again; cut by key, it changes the run it joins and no
 * other, unless it is picked itself and splits that run in two. An item ends
 * a run with a chance of its weight over `max`, and no run is cut before
 * `least`. A run between two picked items that weighs more than `max` is cut
 * in parts of its own, again where the keys say (`splitAtLowest`): cut where
 * it overflowed, its tail spilled into the next run, and an entry added
 * before it changed every run up to the next one with room. On made-up
 * lists, pages came out about two-thirds full, and an entry added anywhere
 * changed one page in most cases and two in a few
 * (tests/site/stable-chunks.test.ts).
 */
export function stableChunks<T>({ items, key, weight, max }: Omit<ListCut<T>, 'dateOf'>): T[][] {
  const least = 0.4 * max;
  const chunks: T[][] = [];
  let current: T[] = [];
  let load = 0;
  const close = () => {
    chunks.push(...(load > max ? splitAtLowest(current, key, weight, max, least) : [current]));
    current = [];
    load = 0;
  };
  for (const item of items) {
    const w = weight(item);
    current.push(item);
    load += w;
    if (load >= least && stableHash(key(item)) < w / max) close();
  }
  if (current.length > 0) close();
  return chunks;
}

/** A run over `max` cut in two after the item whose key hashes lowest, leaving `least` on each side, and so on until each part fits. */
function splitAtLowest<T>(run: T[], key: (item: T) => string, weight: (item: T) => number, max: number, least: number): T[][] {
  const total = run.reduce((sum, item) => sum + weight(item), 0);
  if (total <= max || run.length < 2) return [run];
  let best = -1;
  let lowest = Infinity;
  let load = 0;
  for (let i = 0; i < run.length - 1; i++) {
    load += weight(run[i]!);
    if (load < least || total - load < least) continue;
    const h = stableHash(key(run[i]!));
    if (h < lowest) [best, lowest] = [i, h];
  }
  if (best < 0) return chunkByWeight(run, weight, max);
  return [...splitAtLowest(run.slice(0, best + 1), key, weight, max, least), ...splitAtLowest(run.slice(best + 1), key, weight, max, least)];
}

/**
 * An entity's pages: the first at `url`, with the whole entity and the first
 * run of every list (see `stableChunks`); then a page for each later run of
 * each list, at `url + list + '/' + date + '/'`, the date of the run's first
 * item. When page n held the n-th run of every list, a cut added to one list
 * moved every later run of it one page on, and changed every later page.
 * Named by what they hold, the runs after a new cut keep their pages. With
 * them come the pages that lead on from its lists' folders and from the
 * addresses of `before` (earlier builds' anchors of this entity) that are
 * no pages now (src/site/moved-pages.ts).
 */
export function entityPages<E, L extends string, H>(
  item: E,
  heading: H,
  url: string,
  lists: Record<L, ListCut<unknown>>,
  { before = [], owner }: MovedPagesOptions = {},
): { pages: EntityPage<E, L, H>[]; moved: MovedPage[] } {
  const names = Object.keys(lists) as L[];
  const emptyLists = () => {
    const slices = {} as Record<L, ListSlice<unknown>>;
    for (const name of names) slices[name] = { items: [], total: null };
    return slices;
  };
  const first: EntityPage<E, L, H> = { heading, item, url, list: null, run: null, lists: emptyLists(), pagers: {} };
  const later: EntityPage<E, L, H>[] = [];
  const moved: MovedPage[] = [];
  for (const name of names) {
    const runs = stableChunks(lists[name]);
    first.lists[name] = { items: runs[0] ?? [], total: lists[name].items.length };
    const named = namedRuns(runs, lists[name], `${url}${name}/`);
    const pages = [{ url, run: null, items: runs[0] ?? [] }, ...named.map((r) => ({ url: r.url, run: r.name, items: r.items }))];
    const { key } = lists[name];
    moved.push(...movedPagesOfList(url, name, pages, (entry) => keyTag(key(entry)), { before: before.filter(([, anchor]) => anchor.list === name), owner }));
    if (named.length === 0) continue;
    first.pagers[name] = { first: url, links: named.map(({ name, url }) => ({ label: name.label, url, gapBefore: false })), previous: null, next: null };
    named.forEach((run, i) => {
      const slices = emptyLists();
      slices[name] = { items: run.items, total: null };
      const pagers: Partial<Record<L, Pager>> = {};
      pagers[name] = pagerOf(url, named, i);
      later.push({ heading, item: null, url: run.url, list: name, run: run.name, lists: slices, pagers });
    });
  }
  return { pages: [first, ...later], moved };
}

interface NamedRun {
  items: unknown[];
  name: RunName;
  url: string;
}

/**
 * The address and name of each run but the first (which is on the entity's
 * first page), from its first item's date: `2025-07-05`, `2025-W28` for a
 * week, `2025-07` for a month, `undated`. A later run starting on the same
 * date is "continued", its address told apart by the key of the item the run
 * before it ends with: numbered, one run added on a busy day renamed all the
 * runs after it, and named by their own first item, a run renamed whenever
 * an entry was added at its start.
 */
function namedRuns(runs: unknown[][], { key, dateOf }: Pick<ListCut<unknown>, 'key' | 'dateOf'>, base: string): NamedRun[] {
  const taken = new Set<string>();
  return runs.slice(1).map((items, i) => {
    const from = dateOf(items[0]);
    const day = from ? datetimeAttribute(from) : 'undated';
    const continued = taken.has(day);
    const after = runs[i]!.at(-1);
    let slug = continued ? `${day}_${keyTag(key(after))}` : day;
    // Two keys that hash alike: rare, and each address must still be one page's.
    while (taken.has(slug)) slug += '_';
    taken.add(day);
    taken.add(slug);
    const label = `${from ? formatDate(from) : 'no date'}${continued ? ', continued' : ''}`;
    return { items, name: { from, continued, label, start: keyTag(key(items[0])) }, url: `${base}${slug}/` };
  });
}

// How many pages a later page links on each side of itself.
const neighbours = 2;

function pagerOf(first: string, runs: NamedRun[], index: number): Pager {
  const from = Math.max(0, index - neighbours);
  const to = Math.min(runs.length, index + neighbours + 1);
  return {
    first,
    links: runs.slice(from, to).map(({ name, url }, j) => ({ label: name.label, url, gapBefore: j === 0 && from > 0 })),
    previous: index > 0 ? runs[index - 1]!.url : first,
    next: runs[index + 1]?.url ?? null,
  };
}
