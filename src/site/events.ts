import type { EventRecord, SiteArticleRef, SiteEvent, SiteVersion, Story, Version } from '../types.ts';
import type { ArticleContext } from './articles.ts';
import { byDate, fuzzyDate } from './dates.ts';
import type { SiteIds } from './ids.ts';

export interface SiteEvents {
  /** In the order their first reports joined the archive; pages sort by date themselves, stably. */
  list: SiteEvent[];
  /** The story's event an article's report belongs to. */
  of(report: EventRecord): SiteEvent;
  /** The site's event for a story event id (`InferredDate.basis` names events so). */
  byStoryId(id: string): SiteEvent | undefined;
}

/**
 * The story's events as the pages show them: one per event, however many
 * articles report it, citing each report's own sentences. Where reports
 * give different places or details, every version keeps its articles.
 */
export function buildEvents(story: Story, articles: ArticleContext[], ids: SiteIds): SiteEvents {
  const byFile = new Map(articles.map((a) => [a.record.file, a]));
  const refs = (files: string[]): SiteArticleRef[] => files.map((f) => byFile.get(f)!.ref);
  const versions = <T>(list: Version<string>[], value: (v: string) => T): SiteVersion<T>[] =>
    list.map((v) => ({ value: value(v.value), sources: refs(v.sources) }));
  // Where each report came in: the story orders events by date and type, the
  // site by arrival, so that events on one day keep the order they were reported in.
  const arrival = new Map(articles.flatMap((a) => a.record.events).map((e, i) => [e, i]));
  const first = (e: Story['events'][number]) => Math.min(...e.reports.map((r) => arrival.get(r.event)!));

  const of = new Map<EventRecord, SiteEvent>();
  const byStoryId = new Map<string, SiteEvent>();
  // Each event's arrival worked out once, not in every comparison of the sort.
  const list = story.events
    .map((e) => ({ e, at: first(e) }))
    .sort((a, b) => a.at - b.at)
    .map(({ e }) => {
      const sources = byDate(
        e.reports.map((r) => byFile.get(r.article)!.cite(r.event.evidence)),
        (c) => c.article.published,
      );
      const event: SiteEvent = {
        // The story's id is derived from date, type and people, so it stays put as
        // articles are added; an HTML id must not start with a digit, hence the prefix.
        id: `event-${e.id}`,
        timelineUrl: null,
        type: e.type,
        date: fuzzyDate(e.date, e.precision),
        dateInferred: e.dateInferred,
        status: e.status,
        participants: e.participants.map((name) => ({ id: ids.person(name), name })),
        venues: versions(e.venues, (name) => ({ id: ids.venue(name)?.id ?? null, name })),
        details: versions(e.details, (text) => text),
        sources,
      };
      for (const r of e.reports) of.set(r.event, event);
      byStoryId.set(e.id, event);
      return event;
    });
  return { list, of: (report) => of.get(report)!, byStoryId: (id) => byStoryId.get(id) };
}
