import type { SiteArticle, SiteDeadline, SiteEvent, SiteModel, SitePerson, SiteTariff, SiteVenue, SplitList, TariffChartPoint, TimelineEntry, TimelineMonth } from '../types.ts';
import { byMonth, entityPages, splitByMonth } from './split.ts';

// Page budgets are in printed entries. A citation (a quoted sentence with
// its article) is the unit, about 0.7 KB of HTML; a line naming an article is
// a third of one. At 300 units a page stays near 200 KB, well under 500 KB.
export const defaultPageBudget = 300;
/** A deadline's timeline entry quotes this many of its mentions and links to the rest. */
export const deadlineMentionsShown = 5;
/** The tariffs page lists this many disagreements; each tariff's page lists its own. */
export const disagreementsShown = 25;

const entryWeight = (entry: TimelineEntry): number =>
  entry.kind === 'event' ? 1 + entry.event.sources.length : entry.kind === 'deadline' ? 1 + Math.min(entry.deadline.mentions.length, deadlineMentionsShown) : 1;

/** Points each event and dated deadline at the timeline page that holds its entry. */
function linkToTimeline(pages: SplitList<TimelineEntry>): void {
  for (const part of pages.parts)
    for (const month of part.months)
      for (const entry of month.entries) {
        if (entry.kind === 'event') entry.event.timelineUrl = `${part.url}#${entry.id}`;
        if (entry.kind === 'deadline') entry.deadline.timelineUrl = `${part.url}#${entry.id}`;
      }
}

type Lists = Pick<
  SiteModel,
  'timelinePages' | 'newestPages' | 'articlePages' | 'chartTablePages' | 'personPages' | 'tariffPages' | 'venuePages' | 'deadlinePages'
>;

export interface PagedInput {
  timeline: TimelineMonth[];
  newest: TimelineMonth[];
  articles: SiteArticle[];
  points: TariffChartPoint[];
  people: SitePerson[];
  tariffs: SiteTariff[];
  venues: SiteVenue[];
  deadlines: SiteDeadline[];
}

/** Every long list of the site cut into pages; events and deadlines learn which timeline page they are on. */
export function splitPages(input: PagedInput, budget = defaultPageBudget): Lists {
  const share = (fraction: number) => Math.max(1, Math.floor(budget * fraction));
  const timelinePages = splitByMonth(input.timeline, entryWeight, budget, { first: '/', rest: '/timeline/' });
  linkToTimeline(timelinePages);
  const chartTable = splitByMonth(byMonth(input.points, (p) => p.date), () => 1 / 3, budget, { first: '/tariffs/reports/', rest: '/tariffs/reports/' });
  const eventWeight = (e: SiteEvent) => 1 + e.sources.length;
  return {
    timelinePages,
    newestPages: splitByMonth(input.newest, entryWeight, budget, { first: '/newest/', rest: '/newest/' }),
    articlePages: splitByMonth(byMonth(input.articles, (a) => a.published), () => 1 / 3, budget, { first: '/articles/', rest: '/articles/' }),
    // A table that fits is printed on the tariffs page itself.
    chartTablePages: chartTable.parts.length > 1 ? chartTable : { parts: [], nav: { years: [] } },
    personPages: input.people.flatMap((p) =>
      entityPages(p, { id: p.id, name: p.name, known: p.known }, `/people/${p.id}/`, {
        // One page shows a slice of each list, so the lists share the budget.
        events: { items: p.events, size: sizeFor(p.events, eventWeight, share(1 / 2)) },
        quotes: { items: p.quotes, size: share(1 / 4) },
        articles: { items: p.articles, size: budget },
      }),
    ),
    // A status report prints its sentences and its article's title: about three units.
    tariffPages: input.tariffs.flatMap((t) =>
      entityPages(t, { id: t.id, label: t.label, rate: t.rate, scope: t.scope, target: t.target }, `/tariffs/${t.id}/`, {
        history: { items: t.history, size: share(1 / 3) },
        // A disagreement names every article on each side.
        disagreements: { items: t.disagreements, size: share(1 / 6) },
      }),
    ),
    venuePages: input.venues.flatMap((v) =>
      entityPages(v, { id: v.id, name: v.name }, `/venues/${v.id}/`, { events: { items: v.events, size: share(1 / 2) }, mentions: { items: v.mentions, size: share(1 / 2) } }),
    ),
    deadlinePages: input.deadlines.flatMap((d) => entityPages(d, { id: d.id, date: d.date, what: d.what, timelineUrl: d.timelineUrl }, `/deadlines/${d.id}/`, { mentions: { items: d.mentions, size: share(1 / 3) } })),
  };
}

/** Entries per page for a list whose entries print a citation per source: the share of the budget over their mean weight. */
function sizeFor<T>(items: T[], weight: (item: T) => number, share: number): number {
  if (items.length === 0) return share;
  const mean = items.reduce((sum, item) => sum + weight(item), 0) / items.length;
  return Math.max(1, Math.floor(share / mean));
}
