import type { FuzzyDate, SiteArticleRef, SiteDeadline, SiteEvent, SiteUpcoming, TimelineEntry, TimelineMonth } from '../types.ts';
import { compareDates, firstDay, lastDay } from './dates.ts';
import { byMonth } from './split.ts';

// On one day a deadline reads first, then what happened, then who reported it.
const kindOrder: Record<TimelineEntry['kind'], number> = { deadline: 0, event: 1, article: 2 };

type DatedDeadline = SiteDeadline & { date: FuzzyDate };

/** Dated deadlines by first day; a stable sort keeps the earlier-listed one first on a shared day. */
function byFirstDay(deadlines: SiteDeadline[]): DatedDeadline[] {
  return deadlines.filter((d): d is DatedDeadline => d.date !== null).sort((a, b) => firstDay(a.date) - firstDay(b.date));
}

/** The first deadline that falls wholly after the date; `sorted` as `byFirstDay` gives it. */
function upcoming(date: FuzzyDate | null, sorted: DatedDeadline[]): SiteUpcoming | null {
  if (!date) return null;
  const after = lastDay(date);
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (firstDay(sorted[middle]!.date) <= after) low = middle + 1;
    else high = middle;
  }
  const next = sorted[low];
  if (!next) return null;
  // A week or a month is a span of days, so the count is a span too.
  return {
    deadline: { id: next.id, date: next.date, what: next.what },
    days: { min: firstDay(next.date) - after, max: lastDay(next.date) - firstDay(date) },
  };
}

/**
 * Every entry has a next deadline, but a note repeated on each of ten entries
 * drowns them: it stays on the first entry of each month, for a reader who
 * jumps there, on the first entry past a deadline's milestone, and wherever
 * the next deadline differs from the entry before. Works in either reading
 * order, so each order gets its own copies of the entries.
 */
function noteChanges(months: TimelineMonth[]): TimelineMonth[] {
  return months.map((month) => {
    let previous: string | null = null;
    const entries = month.entries.map((entry): TimelineEntry => {
      if (entry.kind === 'deadline') {
        previous = null;
        return entry;
      }
      const next = entry.upcoming?.deadline.id ?? null;
      const changed = next !== previous;
      previous = next;
      return changed ? entry : { ...entry, upcoming: null };
    });
    return { ...month, entries };
  });
}

/**
 * Every dated event and every article grouped by month, with deadlines as
 * milestones on their own dates, oldest first and newest first. Articles with
 * no date close both lists; events with no date are left to their article's page.
 */
export function buildTimeline(
  articles: SiteArticleRef[],
  events: SiteEvent[],
  deadlines: SiteDeadline[],
): { oldestFirst: TimelineMonth[]; newestFirst: TimelineMonth[] } {
  const sortedDeadlines = byFirstDay(deadlines);
  const entries: TimelineEntry[] = [
    ...deadlines.flatMap((d): TimelineEntry[] => (d.date ? [{ kind: 'deadline', id: `deadline-${d.id}`, date: d.date, deadline: d }] : [])),
    ...events.flatMap((e): TimelineEntry[] =>
      e.date ? [{ kind: 'event', id: e.id, date: e.date, event: e, upcoming: upcoming(e.date, sortedDeadlines) }] : [],
    ),
    ...articles.map((a): TimelineEntry => ({ kind: 'article', id: `article-${a.slug}`, date: a.published, article: a, upcoming: upcoming(a.published, sortedDeadlines) })),
  ];
  const sorted = entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => {
      const x = a.entry.date;
      const y = b.entry.date;
      if (!x || !y) return (x ? 0 : 1) - (y ? 0 : 1) || a.i - b.i;
      return compareDates(x, y) || kindOrder[a.entry.kind] - kindOrder[b.entry.kind] || a.i - b.i;
    })
    .map(({ entry }) => entry);

  const months = byMonth(sorted, (entry) => entry.date);
  // Newest first is the same timeline read backwards, for readers who follow the latest news.
  const dated = months.filter((m) => m.key !== 'undated');
  const undated = months.filter((m) => m.key === 'undated');
  const backwards = [...[...dated].reverse().map((m) => ({ ...m, entries: [...m.entries].reverse() })), ...undated];
  return { oldestFirst: noteChanges(months), newestFirst: noteChanges(backwards) };
}
