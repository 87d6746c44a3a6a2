import type { EventRecord, SiteCitation, SiteEvent, Evidence } from '../types.ts';
import { fuzzyDate } from './dates.ts';
import type { SiteIds } from './ids.ts';

/**
 * One article's events, each its own entry. Merging the reports of one event
 * across articles belongs between this and the pages: a merge step would
 * combine `sources` and keep one `id`, and nothing downstream has to change.
 */
export function articleEvents(
  records: EventRecord[],
  articleSlug: string,
  ids: SiteIds,
  cite: (evidence: Evidence[]) => SiteCitation,
): SiteEvent[] {
  return records.map((e, i) => ({
    id: `event-${articleSlug}-${i + 1}`,
    type: e.type,
    date: fuzzyDate(e.date, e.precision),
    dateInferred: e.dateInferred,
    status: e.status,
    duration: e.details.duration ?? null,
    participants: e.participants.map((name) => ({ id: ids.person(name), name })),
    venue: e.venue ? ids.venue(e.venue) : null,
    sources: [cite(e.evidence)],
  }));
}
