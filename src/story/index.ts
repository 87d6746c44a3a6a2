import type { ArticleRecord, Story } from '../types.ts';
import { datedEvents, inferDate } from './infer-dates.ts';
import { mergeEvents } from './merge-events.ts';
import { findTariffDisagreements } from './tariff-disagreements.ts';

/** The story the articles tell together: merged events, disagreements, and dates for undated articles. */
export function buildStory(records: ArticleRecord[]): Story {
  const events = mergeEvents(records);
  const dated = datedEvents(events);
  const inferredDates = records.filter((r) => r.published === null).flatMap((r) => inferDate(r, dated) ?? []);
  return { events, tariffDisagreements: findTariffDisagreements(records), inferredDates };
}
