import type { EventType, FuzzyDate, SiteEvent } from '../types.ts';
import { atomTimestamp, datetimeAttribute, formatDate, publishedText } from './dates.ts';

// Filters return plain text; Nunjucks escapes it like any other output.

const plannedNames: Record<EventType, string> = {
  meeting: 'Planned meeting',
  call: 'Planned call',
  summit: 'Planned summit',
  visit: 'Planned visit',
  election: 'Upcoming election',
  deal: 'Expected deal',
  ceremony: 'Planned ceremony',
};

const eventNames: Record<EventType, string> = {
  meeting: 'Meeting',
  call: 'Phone call',
  summit: 'Summit',
  visit: 'Visit',
  election: 'Election',
  deal: 'Deal',
  ceremony: 'Ceremony',
};

export const filters = {
  /** "22 July 2025", "week of 7 July 2025", "July 2025" … */
  fuzzyDate: (date: FuzzyDate | null | undefined, fallback = 'date not known'): string => (date ? formatDate(date) : fallback),
  /** An article's date as text, saying so when it was inferred from the events the article reports. */
  publishedText,
  /** For `<time datetime>`. */
  datetime: (date: FuzzyDate): string => datetimeAttribute(date),
  /** Atom `<updated>`; undated articles take the feed's own timestamp. */
  atomTimestamp: (date: FuzzyDate | null, fallback: string): string => (date ? atomTimestamp(date) : fallback),
  eventName: (type: EventType): string => eventNames[type],
  /** "Meeting", or "Planned meeting" for one that has not happened yet. */
  eventLabel: (event: SiteEvent): string => (event.status === 'planned' ? plannedNames : eventNames)[event.type],
  /** "3 articles", "1 article". */
  count: (n: number, singular: string, plural = `${singular}s`): string => `${n} ${n === 1 ? singular : plural}`,
  /** "in 10 days", "the next day". */
  daysUntil: (days: number): string => (days === 1 ? 'the next day' : `in ${days} days`),
  capitalise: (text: string): string => text.charAt(0).toUpperCase() + text.slice(1),
};
