import type { ArticleRecord, SiteModel } from '../types.ts';
import { buildArticles } from './articles.ts';
import { atomTimestamp, byDate } from './dates.ts';
import { buildDeadlines } from './deadlines.ts';
import { assignIds } from './ids.ts';
import { buildPeople } from './people.ts';
import { chartPoints, chartSeries, drawTariffChart, markerPath, seriesCount } from './tariff-chart.ts';
import { buildTariffs } from './tariffs.ts';
import { buildTimeline, newestFirst } from './timeline.ts';
import { buildVenues } from './venues.ts';

export interface SiteOptions {
  title: string;
  siteUrl: string;
}

/**
 * Records → everything the pages show. `records` must be in seed-file order
 * (the order articles joined the archive) so that slugs stay put.
 */
export function buildSiteModel(records: ArticleRecord[], options: SiteOptions): SiteModel {
  const ids = assignIds(records);
  const contexts = buildArticles(records, ids);
  // Events go to the pages one per article report; a cross-article merge
  // step would go here, between the articles and everything built on events.
  const events = contexts.flatMap((c) => c.events);
  const people = buildPeople(contexts, events, ids);
  const tariffs = buildTariffs(contexts, ids);
  const deadlines = buildDeadlines(contexts, ids);
  const venues = buildVenues(contexts, events, ids);
  const articles = byDate(contexts.map((c) => c.page), (a) => a.published);
  const timeline = buildTimeline(articles, events, deadlines);
  const points = chartPoints(tariffs);
  const latest = articles.filter((a) => a.published).at(-1)?.published;

  return {
    title: options.title,
    siteUrl: options.siteUrl.replace(/\/+$/, ''),
    articles,
    people,
    tariffs,
    venues,
    deadlines,
    events,
    timeline,
    newest: newestFirst(timeline),
    chart: {
      svg: drawTariffChart(points, deadlines),
      points,
      legend: chartSeries(points).map((tariff, i) => ({ tariff, series: i % seriesCount, marker: markerPath(i, 8, 8) })),
    },
    updated: latest ? atomTimestamp(latest) : '1970-01-01T00:00:00Z',
  };
}
