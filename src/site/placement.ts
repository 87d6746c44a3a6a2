import type { ArticleRecord, SitePlacement, Story } from '../types.ts';
import type { SiteEvents } from './events.ts';

/**
 * Where the story placed an article that gives no date: the days it could
 * have been written on and the events that say so, for its page to explain
 * its inferred date. Null for an article with a date of its own.
 */
export function placementOf(record: ArticleRecord, story: Story, events: SiteEvents): SitePlacement | null {
  const inferred = story.inferredDates.find((d) => d.article === record.file);
  if (!inferred) return null;
  return {
    from: { value: inferred.from, precision: 'day' },
    to: { value: inferred.to, precision: 'day' },
    // The basis names events of the story as first merged, before the article
    // was read again against its date; an id that no longer exists is left out.
    events: inferred.basis.flatMap((id) => events.byStoryId(id) ?? []),
  };
}
