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
  const exact = date.precision === 'day' && next.date!.precision === 'day';
  return {
    deadline: { id: next.id, date: next.date, what: next.what },
    days: exact ? firstDay(next.date!) - firstDay(date) : null,
  };
}

/**
 * Every dated event and every article, oldest first and grouped by month, with
 * deadlines as milestones on their own dates. Articles with no date close the
 * list; events with no date are left to their article's page.
 */
export function buildTimeline(articles: SiteArticleRef[], events: SiteEvent[], deadlines: SiteDeadline[]): TimelineMonth[] {
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
  return months;
}

/** The same timeline read backwards, for readers who follow the latest news. */
export function newestFirst(months: TimelineMonth[]): TimelineMonth[] {
  const dated = months.filter((m) => m.key !== 'undated');
  const undated = months.filter((m) => m.key === 'undated');
  return [...dated.reverse().map((m) => ({ ...m, entries: [...m.entries].reverse() })), ...undated];
}
