// The timeline, the newest-first list, the article index, the table of
// tariff reports and the deadlines index are cut into parts by month once
// they outgrow a page (src/site/split.ts): `/timeline/2025-07/`,
// `/timeline/2025-07-2/`. Adding articles only adds parts, but removing some
// (or a larger page budget) can make a month fit fewer parts, or none, and a
// deployed site would lose those addresses. Each build keeps the part addresses the site published, and
// answers each one it no longer has with a page leading to where that
// month's entries are now.
import type { MonthPart, MovedPage, SiteModel, SplitList } from '../types.ts';

/** The lists cut by month, by the name their part addresses are kept under. */
export type MonthList = 'timeline' | 'newest' | 'articles' | 'reports' | 'deadlines';

/** Where each list starts (its first part, or the whole list while it fits) and where its later parts go. */
export const monthListUrls: Record<MonthList, { first: string; rest: string }> = {
  timeline: { first: '/', rest: '/timeline/' },
  newest: { first: '/newest/', rest: '/newest/' },
  articles: { first: '/articles/', rest: '/articles/' },
  reports: { first: '/tariffs/reports/', rest: '/tariffs/reports/' },
  // A month of deadlines cannot be `/deadlines/2025-07/`: that is the page of a deadline set for July 2025.
  deadlines: { first: '/deadlines/', rest: '/deadlines/by-month/' },
};

/** The model's lists cut by month, by the names their addresses are kept under. */
export const monthLists = (
  model: Pick<SiteModel, 'timelinePages' | 'newestPages' | 'articlePages' | 'chartTablePages' | 'deadlineIndexPages'>,
): Record<MonthList, SplitList<unknown>> => ({
  timeline: model.timelinePages,
  newest: model.newestPages,
  articles: model.articlePages,
  reports: model.chartTablePages,
  deadlines: model.deadlineIndexPages,
});

/** What a reader knows each list as: "the timeline for July 2025". */
const listNames: Record<MonthList, string> = {
  timeline: 'the timeline',
  newest: 'the newest-first list',
  articles: 'the article index',
  reports: 'the table of tariff reports',
  deadlines: 'the deadlines index',
};

/** The table of tariff reports is printed on the tariffs page while it fits one page, and has no address of its own. */
const reportsOnTariffsPage = '/tariffs/#chart-heading';

// A month (`2025-07`), a year whose entries give no month (`2025`) or
// `undated`, then the part's number from 2 on. Addresses are read back from
// the site, so only these shapes pass: nothing else can become a file's path.
const partPath = /^\/(timeline|newest|articles|tariffs\/reports|deadlines\/by-month)\/(?:(\d{4}(?:-(?:0[1-9]|1[0-2]))?|undated)(?:-([2-9]|[1-9]\d{1,3}))?\/)?$/;

interface PartAddress {
  list: MonthList;
  /** Null for the address of the table of tariff reports itself. */
  month: string | null;
  /** 1 for a month's first part. */
  part: number;
}

/** The list, month and part an address names, or null when it is no part of a list cut by month. */
export function partAddress(url: string): PartAddress | null {
  const m = partPath.exec(url);
  if (!m) return null;
  const list = (m[1] === 'tariffs/reports' ? 'reports' : m[1] === 'deadlines/by-month' ? 'deadlines' : m[1]) as MonthList;
  // Of the lists' own first addresses only the table's can stop being a page.
  if (!m[2] && list !== 'reports') return null;
  return { list, month: m[2] ?? null, part: m[3] ? Number(m[3]) : 1 };
}

const monthOf = (part: MonthPart<unknown>) => part.months[0]?.key ?? '';

/** The part that holds a month's entries now: of the same month, the one with the same number or the last; else the month before, or after. */
function partFor(parts: MonthPart<unknown>[], month: string, number: number): MonthPart<unknown> {
  const same = parts.filter((p) => monthOf(p) === month);
  if (same.length > 0) return same[Math.min(number, same.length) - 1]!;
  const before = parts.filter((p) => monthOf(p) < month);
  const nearest = before.length > 0 ? before.reduce((a, b) => (monthOf(b) > monthOf(a) ? b : a)) : parts.reduce((a, b) => (monthOf(b) < monthOf(a) ? b : a));
  return parts.find((p) => monthOf(p) === monthOf(nearest))!;
}

function whereNow(list: MonthList, pages: SplitList<unknown>, { month, part }: PartAddress): Pick<MovedPage, 'to' | 'label'> {
  const name = listNames[list];
  if (pages.parts.length === 0) return { to: reportsOnTariffsPage, label: `${name}, on the tariffs page` };
  // One page holds the whole list: its months have headings to land on.
  if (pages.parts.length === 1) {
    const only = pages.parts[0]!;
    const has = month !== null && only.months.some((m) => m.key === month);
    return { to: has ? `${only.url}#month-${month}` : only.url, label: name };
  }
  const target = month === null ? pages.parts[0]! : partFor(pages.parts, month, part);
  return { to: target.url, label: `${name} for ${target.label}` };
}

/**
 * A page for every part address of `published` that is no page now, leading
 * to the part of its list that holds its month's entries (the table of
 * reports, to the tariffs page when it is printed there); and, for a list
 * whose parts live in a folder of their own (`/timeline/`), a page there
 * leading to the list's first part, for a reader who shortens a part's
 * address, while the list has parts or had.
 */
export function movedParts(published: string[], lists: Record<MonthList, SplitList<unknown>>): MovedPage[] {
  const taken = new Set(Object.values(lists).flatMap((l) => l.parts.map((p) => p.url)));
  const moved: MovedPage[] = [];
  for (const [list, { first, rest }] of Object.entries(monthListUrls) as [MonthList, { first: string; rest: string }][]) {
    const hasParts = lists[list].parts.length > 1 || published.some((url) => partAddress(url)?.list === list);
    if (rest !== first && hasParts) moved.push({ url: rest, to: first, label: listNames[list], kind: 'folder' });
  }
  for (const url of published) {
    const address = taken.has(url) ? null : partAddress(url);
    if (address) moved.push({ url, ...whereNow(address.list, lists[address.list], address), kind: 'page' });
  }
  return moved;
}

/** The part addresses this build and the ones before it published, in address order. */
export function publishedParts(before: string[], lists: Record<MonthList, SplitList<unknown>>): string[] {
  const now = Object.values(lists).flatMap((l) => l.parts.map((p) => p.url));
  return [...new Set([...before, ...now.filter((url) => partAddress(url))])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
