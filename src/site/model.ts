import type { ArticleRecord, PublishedAddresses, SiteArticle, SiteModel, Story } from '../types.ts';
import { buildArticles } from './articles.ts';
import { atomTimestamp, byDate } from './dates.ts';
import { buildDeadlines } from './deadlines.ts';
import { buildEvents } from './events.ts';
import { gonePages } from './gone-pages.ts';
import { assignIds } from './ids.ts';
import { buildPeople } from './people.ts';
import { splitPages } from './pages.ts';
import { placementOf } from './placement.ts';
import { chartedPoints, chartMarkDays, chartPoints, chartSeries, drawTariffChart, markerPath, seriesCount } from './tariff-chart.ts';
import { buildTariffDisagreements } from './tariff-disagreements.ts';
import { buildTariffs } from './tariffs.ts';
import { buildTimeline } from './timeline.ts';
import { buildVenues } from './venues.ts';

export interface SiteOptions {
  title: string;
  siteUrl: string;
  /** How much one page of a long list may print (see `src/site/pages.ts`); tests make it small to split a small archive. */
  pageBudget?: number;
  /** The addresses earlier builds published (`readPublished`), which lead on where they are no pages now. */
  published?: PublishedAddresses;
}

/** The records and the story they tell, as `buildArchive` returns them. */
export interface SiteInput {
  records: ArticleRecord[];
  story: Story;
}

/**
 * Records and story → everything the pages show. `records` must be in
 * seed-file order, which serves new slugs; `published.slugs` keeps the others put.
 */
export function buildSiteModel({ records, story }: SiteInput, options: SiteOptions): SiteModel {
  const ids = assignIds(records, options.published?.slugs);
  const contexts = buildArticles(records, ids);
  // One entry per event of the story, citing every article that reports it.
  const events = buildEvents(story, contexts, ids);
  const people = buildPeople(contexts, events.list, ids);
  const tariffDisagreements = buildTariffDisagreements(story, contexts, ids);
  const tariffs = buildTariffs(contexts, ids, tariffDisagreements);
  const deadlines = buildDeadlines(contexts, ids);
  const venues = buildVenues(contexts, events.list, ids);
  const articles = byDate(
    contexts.map((c) => c.page(events.of, placementOf(c.record, story, events))),
    (a) => a.published,
  );
  const timeline = buildTimeline(articles, events.list, deadlines);
  const points = chartPoints(tariffs);
  const charted = chartedPoints(points);
  const dated = articles.filter((a) => a.published);
  const latest = dated.at(-1)?.published;
  const when = (a: SiteArticle | undefined) => (a ? { published: a.published, publishedInferred: a.publishedInferred } : null);
  const pages = splitPages({ timeline: timeline.oldestFirst, newest: timeline.newestFirst, articles, points, people, tariffs, venues, deadlines }, options.pageBudget, options.published);

  return {
    title: options.title,
    siteUrl: options.siteUrl.replace(/\/+$/, ''),
    articles,
    people,
    tariffs,
    tariffDisagreements,
    venues,
    deadlines,
    events: events.list,
    timeline: timeline.oldestFirst,
    newest: timeline.newestFirst,
    intro: { articles: articles.length, first: when(dated[0]), last: when(dated.at(-1)), people: people.slice(0, 6).map(({ id, name, role }) => ({ id, name, role })) },
    ...pages,
    movedPages: options.published ? [...pages.movedPages, ...gonePages(options.published, ids.slugs)] : pages.movedPages,
    chart: {
      drawings: drawTariffChart(charted, deadlines),
      points,
      markDays: chartMarkDays(charted),
      tariffsLeftOut: chartSeries(points).length - chartSeries(charted).length,
      legend: chartSeries(charted).map((tariff, i) => ({ tariff, series: i % seriesCount, marker: markerPath(i, 8, 8) })),
    },
    updated: latest ? atomTimestamp(latest) : '1970-01-01T00:00:00Z',
    slugs: ids.slugs,
  };
}
