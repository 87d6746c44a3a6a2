import type { FuzzyDate, SiteArticleRef, SiteDeadline, SiteEvent, SiteUpcoming, TimelineEntry, TimelineMonth } from '../types.ts';
import { compareDates, firstDay, lastDay, monthKey, monthLabel } from './dates.ts';

// On one day a deadline reads first, then what happened, then who reported it.
const kindOrder: Record<TimelineEntry['kind'], number> = { deadline: 0, event: 1, article: 2 };

/** The first deadline that falls wholly after the date. */
function upcoming(date: FuzzyDate | null, deadlines: SiteDeadline[]): SiteUpcoming | null {
  if (!date) return null;
  let next: SiteDeadline | null = null;
  for (const d of deadlines) {
    if (!d.date || firstDay(d.date) <= lastDay(date)) continue;
    if (!next || firstDay(d.date) < firstDay(next.date!)) next = d;
  }
  if (!next) return null;
  // A week or a month is a span of days, so the count is a span too.
  return {
    deadline: { id: next.id, date: next.date, what: next.what },
    days: { min: firstDay(next.date!) - lastDay(date), max: lastDay(next.date!) - firstDay(date) },
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
  const entries: TimelineEntry[] = [
    ...deadlines.flatMap((d): TimelineEntry[] => (d.date ? [{ kind: 'deadline', id: `deadline-${d.id}`, date: d.date, deadline: d }] : [])),
    ...events.flatMap((e): TimelineEntry[] =>
      e.date ? [{ kind: 'event', id: e.id, date: e.date, event: e, upcoming: upcoming(e.date, deadlines) }] : [],
    ),
    ...articles.map((a): TimelineEntry => ({ kind: 'article', id: `article-${a.slug}`, date: a.published, article: a, upcoming: upcoming(a.published, deadlines) })),
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

  const months: TimelineMonth[] = [];
  for (const entry of sorted) {
    const key = entry.date ? monthKey(entry.date) : 'undated';
    let month = months.at(-1);
    if (month?.key !== key) {
      month = { key, label: key === 'undated' ? 'Date not known' : monthLabel(key), entries: [] };
      months.push(month);
    }
    month.entries.push(entry);
  }
  // Newest first is the same timeline read backwards, for readers who follow the latest news.
  const dated = months.filter((m) => m.key !== 'undated');
  const undated = months.filter((m) => m.key === 'undated');
  const backwards = [...[...dated].reverse().map((m) => ({ ...m, entries: [...m.entries].reverse() })), ...undated];
  return { oldestFirst: noteChanges(months), newestFirst: noteChanges(backwards) };
}
