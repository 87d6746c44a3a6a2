import { bucketBy } from '../story/buckets.ts';
import type {
  FuzzyDate,
  PublishedAddresses,
  SiteArticle,
  SiteCitation,
  SiteDeadline,
  SiteEvent,
  SiteModel,
  SitePerson,
  SiteTariff,
  SiteVenue,
  SplitList,
  TariffChartPoint,
  TimelineEntry,
  TimelineMonth,
} from '../types.ts';
import { formatDate } from './dates.ts';
import { monthListUrls, monthLists, movedParts } from './moved-parts.ts';
import { byMonth, entityPages, splitByMonth, type ListCut } from './split.ts';

// Page budgets are in printed entries. A citation (a quoted sentence with
// its article) is the unit, about 0.7 KB of HTML; a line naming an article is
// a third of one; a row of the table of tariff reports (its date, tariff, rate,
// status and article, each a cell) two thirds, about 0.5 KB. At 300 units a
// page stays near 200 KB, well under 500 KB.
export const defaultPageBudget = 300;
/** A deadline's timeline entry quotes this many of its mentions and links to the rest. */
export const deadlineMentionsShown = 5;
/** The tariffs page lists this many disagreements; each tariff's page lists its own. */
export const disagreementsShown = 25;

/** A list with what cuts it into pages (`stableChunks`) and names them: each entry's identity, weight and date. */
const cut = <T>(items: T[], key: (item: T) => string, weight: (item: T) => number, dateOf: (item: T) => FuzzyDate | null, max: number): ListCut<T> => ({
  items,
  key,
  weight,
  dateOf,
  max,
});

const citedOn = (c: SiteCitation) => c.article.published;

/** What tells one citation from the others in a list: its article and the sentences it quotes. */
const citationKey = (c: SiteCitation) => `${c.article.slug}\u0000${c.evidence.map((e) => e.text).join(' ')}`;

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
  'timelinePages' | 'newestPages' | 'articlePages' | 'chartTablePages' | 'deadlineIndexPages' | 'personPages' | 'tariffPages' | 'venuePages' | 'deadlinePages' | 'movedPages'
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

/**
 * Every long list of the site cut into pages; events and deadlines learn which
 * timeline page they are on. `published` holds the addresses earlier builds
 * published, which lead on where they are no pages now.
 */
export function splitPages(input: PagedInput, budget = defaultPageBudget, published: Pick<PublishedAddresses, 'anchors' | 'parts'> = { anchors: {}, parts: [] }): Lists {
  const share = (fraction: number) => Math.max(1, Math.floor(budget * fraction));
  const anchorsOf = bucketBy(Object.entries(published.anchors), ([, anchor]) => anchor.first);
  const moved = (url: string, owner: string) => ({ before: anchorsOf.get(url) ?? [], owner });
  const timelinePages = splitByMonth(input.timeline, entryWeight, budget, monthListUrls.timeline);
  linkToTimeline(timelinePages);
  const chartTable = splitByMonth(byMonth(input.points, (p) => p.date), () => 2 / 3, budget, monthListUrls.reports);
  const eventWeight = (e: SiteEvent) => 1 + e.sources.length;
  const people = input.people.map((p) =>
    entityPages(
      p,
      { id: p.id, name: p.name, known: p.known },
      `/people/${p.id}/`,
      {
        // One page shows a run of each list, so the lists share the budget.
        events: cut(p.events, (e) => e.id, eventWeight, (e) => e.date, share(1 / 2)),
        quotes: cut(p.quotes, (q) => `${citationKey(q.citation)}\u0000${q.text}`, () => 1, (q) => citedOn(q.citation), share(1 / 4)),
        articles: cut(p.articles, (a) => a.slug, () => 1, (a) => a.published, budget),
      },
      moved(`/people/${p.id}/`, p.name),
    ),
  );
  const tariffs = input.tariffs.map((t) =>
    entityPages(
      t,
      { id: t.id, label: t.label, rate: t.rate, scope: t.scope, target: t.target },
      `/tariffs/${t.id}/`,
      {
        // A status report prints its sentences and its article's title: about three units.
        history: cut(t.history, (h) => `${citationKey(h.citation)}\u0000${h.status}`, () => 1, (h) => citedOn(h.citation), share(1 / 3)),
        // A disagreement names every article on each side. The same tariff and status can be disputed in several weeks.
        disagreements: cut(
          t.disagreements,
          (d) => [d.what, d.status, d.firstReported?.value ?? '', ...d.versions.map((v) => v.value.rate)].join('\u0000'),
          () => 1,
          (d) => d.firstReported,
          share(1 / 6),
        ),
      },
      moved(`/tariffs/${t.id}/`, t.label),
    ),
  );
  const venues = input.venues.map((v) =>
    entityPages(
      v,
      { id: v.id, name: v.name },
      `/venues/${v.id}/`,
      {
        events: cut(v.events, (e) => e.id, () => 1, (e) => e.date, share(1 / 2)),
        mentions: cut(v.mentions, citationKey, () => 1, citedOn, share(1 / 2)),
      },
      moved(`/venues/${v.id}/`, v.name),
    ),
  );
  const deadlines = input.deadlines.map((d) =>
    entityPages(
      d,
      { id: d.id, date: d.date, what: d.what, timelineUrl: d.timelineUrl },
      `/deadlines/${d.id}/`,
      { mentions: cut(d.mentions, (m) => citationKey(m.citation), () => 1, (m) => citedOn(m.citation), share(1 / 3)) },
      moved(`/deadlines/${d.id}/`, d.date ? `the ${formatDate(d.date)} deadline` : 'a deadline with no date'),
    ),
  );
  const byMonthLists = {
    timelinePages,
    newestPages: splitByMonth(input.newest, entryWeight, budget, monthListUrls.newest),
    articlePages: splitByMonth(byMonth(input.articles, (a) => a.published), () => 1 / 3, budget, monthListUrls.articles),
    // A table that fits is printed on the tariffs page itself.
    chartTablePages: chartTable.parts.length > 1 ? chartTable : { parts: [], nav: { years: [] } },
    // A line of the index prints about as much as a line of the article index.
    deadlineIndexPages: splitByMonth(byMonth(input.deadlines, (d) => d.date), () => 1 / 3, budget, monthListUrls.deadlines),
  };
  return {
    ...byMonthLists,
    personPages: people.flatMap((e) => e.pages),
    tariffPages: tariffs.flatMap((e) => e.pages),
    venuePages: venues.flatMap((e) => e.pages),
    deadlinePages: deadlines.flatMap((e) => e.pages),
    movedPages: [...[...people, ...tariffs, ...venues, ...deadlines].flatMap((e) => e.moved), ...movedParts(published.parts, monthLists(byMonthLists))],
  };
}
