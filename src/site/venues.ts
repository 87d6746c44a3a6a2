import type { SiteEvent, SiteVenue } from '../types.ts';
import type { ArticleContext } from './articles.ts';
import { bucketByEach } from '../story/buckets.ts';
import { byDate } from './dates.ts';
import type { SiteIds } from './ids.ts';

/** Places the articles name, most-mentioned first, with the events held there, as any report has it. */
export function buildVenues(articles: ArticleContext[], events: SiteEvent[], ids: SiteIds): SiteVenue[] {
  const venues = new Map<string, SiteVenue>();
  for (const { record, cite } of articles) {
    for (const v of record.venues) {
      const ref = ids.venue(v.name);
      if (!ref) continue;
      const venue = venues.get(ref.id) ?? { ...ref, known: v.known, mentions: [], events: [] };
      venue.mentions.push(cite(v.evidence));
      venues.set(ref.id, venue);
    }
  }
  // Each venue's events gathered in one pass: filtering every event for every venue took a fifth of a second at 10,000 articles.
  const eventsAt = bucketByEach(events, (e) => e.venues.map((x) => x.value.id));
  return [...venues.values()]
    .map((v) => ({
      ...v,
      mentions: byDate(v.mentions, (m) => m.article.published),
      events: byDate(eventsAt.get(v.id) ?? [], (e) => e.date),
    }))
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}
