import type { EventType, FuzzyDate, SiteEvent, SiteUpcoming } from '../types.ts';
import { atomTimestamp, compareDates, datetimeAttribute, formatDate, publishedText } from './dates.ts';

// Filters return plain text; Nunjucks escapes it like any other output.

// Worded for a reader after the fact: a plan as the articles gave it, which
// `asReported` dates; "upcoming" would speak from the article's day.
const plannedNames: Record<EventType, string> = {
  meeting: 'Planned meeting',
  call: 'Planned call',
  summit: 'Scheduled summit',
  visit: 'Planned visit',
  election: 'Scheduled election',
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
  /** "in 10 days", "the next day", or "in 5 to 11 days" from a week or month. */
  daysUntil: ({ min, max }: SiteUpcoming['days']): string =>
    min !== max ? `in ${min} to ${max} days` : min === 1 ? 'the next day' : `in ${min} days`,
  /** When a planned event was still a plan: "as reported on 19 July 2025", by its latest dated report. */
  asReported: (event: SiteEvent): string => {
    const dated = event.sources.map((s) => s.article).filter((a) => a.published);
    const latest = dated.at(-1);
    if (!latest) return 'as reported in an undated article';
    const last = dated.some((a) => compareDates(a.published!, latest.published!) !== 0) ? 'last ' : '';
    return `as ${last}reported on ${formatDate(latest.published!)}${latest.publishedInferred ? ', a date inferred from the events reported' : ''}`;
  },
  capitalise: (text: string): string => text.charAt(0).toUpperCase() + text.slice(1),
};

/**
 * Eleventy's own `url` filter first tries each path as an absolute URL and
 * catches the error, which cost a quarter of the rendering on a large
 * archive. Every link here is a site path built from slugs, so the prefix
 * is simply put in front.
 */
export function withPathPrefix(pathPrefix: string): (path: string) => string {
  return (path) => (path.startsWith('/') && !path.startsWith('//') ? pathPrefix + path.slice(1) : path);
}
