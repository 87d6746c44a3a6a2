import type { ArticleRecord, Story } from '../types.ts';
import { datedEvents, inferDate } from './infer-dates.ts';
import { mergeEvents } from './merge-events.ts';
import { findTariffDisagreements } from './tariff-disagreements.ts';

/** The merged events and the dates they give undated articles: all that placing the undated ones needs. */
export function placeUndated(records: ArticleRecord[]): Pick<Story, 'events' | 'inferredDates'> {
  const events = mergeEvents(records);
  const dated = datedEvents(events);
  return { events, inferredDates: records.filter((r) => r.published === null).flatMap((r) => inferDate(r, dated) ?? []) };
}

/** The story the articles tell together: merged events, disagreements, and dates for undated articles. */
export function buildStory(records: ArticleRecord[], placed = placeUndated(records)): Story {
  return { ...placed, tariffDisagreements: findTariffDisagreements(records) };
}
