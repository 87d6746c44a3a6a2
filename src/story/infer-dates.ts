import { addDays } from 'date-fns/addDays';
import { dayOf, isoDay, thisWeek } from '../dates/calendar.ts';
import { bucketBy } from './buckets.ts';
import type { ArticleRecord, DatePrecision, InferredDate, StoryEvent } from '../types.ts';

// An article with no date still tells when it was written: "the call on
// Saturday" that other articles date to June 14 was written that Saturday or
// in the six days after; "the summit, which begins Sunday" (June 15) in the
// six days before. The days every such clue allows are where it belongs.

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function samePeople(a: string[], b: string[]): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  return small.length > 0 && small.every((p) => large.includes(p));
}

/** The weekday an undated report names ("the call on Saturday"), as `getDay` numbers it, or -1. */
const weekdayNamed = (dateText: string) => weekdays.findIndex((w) => dateText.toLowerCase().includes(w));

/** The days on which a report of an event on `date` could have been written. */
function window(tense: 'past' | 'future', date: string): [string, string] {
  const day = dayOf(date);
  return tense === 'past' ? [date, isoDay(addDays(day, 6))] : [isoDay(addDays(day, -6)), date];
}

/**
 * The events a report naming a weekday can match: day-dated ones, by kind and
 * weekday, in the story's order, so that each undated report looks at the
 * few events on its weekday rather than at the whole story.
 */
export type DatedEvents = Map<string, StoryEvent[]>;

export const datedEvents = (events: StoryEvent[]): DatedEvents =>
  bucketBy(events, (e) => (e.date !== null && e.precision === 'day' ? `${e.type}|${dayOf(e.date).getDay()}` : null));

export function inferDate(record: ArticleRecord, events: DatedEvents): InferredDate | null {
  let from = '0000-01-01';
  let to = '9999-12-31';
  const basis: string[] = [];
  for (const report of record.events) {
    if (!report.dateText) continue;
    const match = events
      .get(`${report.type}|${weekdayNamed(report.dateText)}`)
      ?.find(
        (e) =>
          !e.reports.some((r) => r.article === record.file) &&
          (e.type === 'summit' || e.type === 'election'
            ? !report.venue || !e.venues.length || e.venues.some((v) => v.value === report.venue)
            : samePeople(e.participants, report.participants)),
      );
    if (!match) continue;
    const range = window(report.status === 'planned' ? 'future' : 'past', match.date!);
    basis.push(match.id);
    if (range[0] > from) from = range[0];
    if (range[1] < to) to = range[1];
  }
  if (!basis.length || from > to) return null;
  const precision: DatePrecision = from === to ? 'day' : thisWeek(from).value === thisWeek(to).value ? 'week' : 'month';
  return { article: record.file, from, to, precision, basis };
}
