import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { SiteArticle, SiteArticleFacts, SiteModel } from '../types.ts';
import { withPathPrefix } from './filters.ts';
import { collectGarbage } from './garbage.ts';
import { linkPagesAhead, pageFile, type PagesAhead } from './keep-page.ts';
import { pageUrl, planPages, renderingKey, type PageLists, type SearchPlan } from './page-plan.ts';
import { parkPageText, type ParkedText } from './parked-text.ts';
import { deadlineMentionsShown, disagreementsShown } from './pages.ts';

export interface RenderOptions {
  /** Spent when this returns: each article's text and facts are let go of once its page is written (`releasePageText`). */
  model: SiteModel;
  output: string;
  /** With leading and trailing slash: `/` or `/archive/`. */
  pathPrefix: string;
  /**
   * The folder of the last build, to keep its pages that would come out the
   * same, with their fingerprints; `ahead`, when the build started linking
   * its pages before they were planned (see `linkPagesAhead`).
   */
  previous?: { dir: string; fingerprints: Record<string, string>; ahead?: PagesAhead };
  /** A name for each article's record that changes whenever the record does (see `planPages`), where there is one. */
  recordOf?: (article: SiteArticle) => string | undefined;
  /** Pages per Eleventy run (see `defaultBatchSize`). */
  batchSize?: number;
  /** Told the search plan before any page is written, then the URL paths of the paginated pages as they are written or kept. */
  onPages?: { planned(search: SearchPlan): void; written(urls: string[]): void };
}

export interface Rendered {
  /** Pages Eleventy wrote. */
  written: number;
  /** Pages kept from the previous build. */
  kept: number;
  /** For the next build's `previous`. */
  fingerprints: Record<string, string>;
}

/**
 * How much one Eleventy run renders, in article pages. A run holds every page
 * it renders until it ends, so one run over a large archive brings the heap
 * near its limit, where the collector takes more time than the rendering: a
 * run per batch keeps it small.
 */
const defaultBatchSize = 1500;

/**
 * A page of a list (a person's, a tariff's, a part of the timeline) prints up
 * to a page budget of citations, about 100 KB, where an article's page is
 * about 20 KB: a batch of list pages as long as one of articles held 300 MB.
 */
const listPageWeight = 5;

/**
 * The lists cut into batches of `batchSize` article pages' weight, list order
 * kept, each with its pages' URL paths. The articles end a batch of their own,
 * so that their search bundles are indexed while the lists render: in a
 * rebuild, the one new article's bundle would otherwise wait for every list
 * page it changed.
 */
function batches(lists: PageLists, batchSize: number): { lists: PageLists; urls: string[] }[] {
  const empty = () => ({ lists: Object.fromEntries(Object.keys(lists).map((k) => [k, []])) as unknown as PageLists, urls: [] as string[], weight: 0 });
  const out = [empty()];
  for (const [name, items] of Object.entries(lists) as [keyof PageLists, PageLists[keyof PageLists]][]) {
    const weight = name === 'articles' ? 1 : listPageWeight;
    if (name !== 'articles' && out.at(-1)!.lists.articles.length > 0) out.push(empty());
    for (const item of items) {
      if (out.at(-1)!.weight + weight > batchSize && out.at(-1)!.weight > 0) out.push(empty());
      const batch = out.at(-1)!;
      (batch.lists[name] as unknown[]).push(item);
      batch.urls.push(pageUrl(name, item));
      batch.weight += weight;
    }
  }
  return out.map(({ lists, urls }) => ({ lists, urls }));
}

const noFacts: SiteArticleFacts = { people: [], tariffs: [], deadlines: [], venues: [], events: [] };

/**
 * Lets go of what only an article's own page prints, and the feed counts:
 * its text, the blocks removed from it and its facts, about half the site
 * model at 10,000 articles. Done once both are written, before the list
 * pages, which are the heaviest to render.
 */
function releasePageText(article: SiteArticle): void {
  article.paragraphs = [];
  article.removed = [];
  article.facts = noFacts;
}

/** Templates that write one page (the about page, the indexes, the feed…), rendered with the first batch only. */
async function singlePageTemplates(): Promise<string[]> {
  const entries = await readdir('templates', { withFileTypes: true, recursive: true });
  const templates = entries.filter((e) => e.isFile() && e.name.endsWith('.njk') && !join(e.parentPath, e.name).includes('_includes'));
  const single: string[] = [];
  for (const e of templates) {
    const path = join(e.parentPath, e.name);
    if (!/^pagination:/m.test(await readFile(path, 'utf8'))) single.push(path);
  }
  return single;
}

/**
 * Renders the pages with Eleventy (config: `.eleventy.js`). Pages whose
 * fingerprint matches the previous build are taken from it instead of
 * rendered again.
 */
export async function renderSite({ model, output, pathPrefix, previous, recordOf, batchSize = defaultBatchSize, onPages }: RenderOptions): Promise<Rendered> {
  const key = await renderingKey({ pathPrefix, title: model.title, siteUrl: model.siteUrl });
  const plan = planPages(model, key, previous?.fingerprints ?? {}, (url) => previous !== undefined && existsSync(pageFile(previous.dir, url)), recordOf);
  onPages?.planned(plan.search);
  // Kept pages are linked on another thread while this one works.
  const ahead = previous?.ahead ?? linkPagesAhead(plan.keep.map((url) => [pageFile(previous!.dir, url), pageFile(output, url)]));
  const keeping = ahead.keepOnly(plan.keep.map((url) => pageFile(output, url)));
  // Articles go bundle by bundle, so that each search bundle is indexed while the next renders.
  const bundle = new Map(plan.search.shards.flatMap((shard, i) => shard.urls.map((url) => [url, i] as const)));
  const order = (a: SiteArticle) => bundle.get(pageUrl('articles', a)) ?? -1;
  plan.render.articles = plan.render.articles.map((a) => [order(a), a] as const).sort(([a], [b]) => a - b).map(([, a]) => a);
  const single = await singlePageTemplates();
  const waiting = new Set(plan.render.articles);
  const runs = batches(plan.render, batchSize);
  let parked: ParkedText | null = null;
  let written = 0;
  try {
    // Planned first: an article's fingerprint may be of its text.
    parked = parkPageText(runs.slice(1).flatMap((run) => run.lists.articles));
    // Before Eleventy writes: a page it renders must not still be a link to the last build's file.
    const kept = await keeping;
    const lost = plan.keep.filter((url) => !kept.has(pageFile(output, url)));
    if (lost.length > 0) throw new Error(`${lost.length} page(s) of the last build went missing while it was read, ${lost[0]} first`);
    onPages?.written(plan.keep);
    for (const [i, { lists: batch, urls }] of runs.entries()) {
      parked.restore(batch.articles);
      // V8 keeps the heap it grew to for one run's pages, two or three times what survives, long after
      // they are gone: collected now, while little is alive, the next run starts from what is needed.
      // Only while the articles' text is in the model, where memory peaks: each collection costs
      // about 0.2 s of this thread at 10,000 articles, and more of the other core.
      if (i === 0 || runs[i - 1]!.lists.articles.length > 0) collectGarbage();
      const eleventy = new Eleventy(undefined, output, {
        configPath: resolve('.eleventy.js'),
        pathPrefix,
        quietMode: true,
        config(eleventyConfig) {
          if (i > 0) for (const path of single) eleventyConfig.ignores.add(path);
          eleventyConfig.addGlobalData('archive', model);
          eleventyConfig.addGlobalData('pages', { ...batch, urls: plan.urls, search: plan.search });
          // Links are written as `{{ base }}people/…` or `{{ link(path) }}`, globals
          // so that imported macros see them: Eleventy's `url` filter costs more
          // than the rest of the link on pages with thousands of them.
          eleventyConfig.addNunjucksGlobal('base', pathPrefix);
          eleventyConfig.addNunjucksGlobal('link', withPathPrefix(pathPrefix));
          eleventyConfig.addNunjucksGlobal('deadlineMentionsShown', deadlineMentionsShown);
          eleventyConfig.addNunjucksGlobal('disagreementsShown', disagreementsShown);
        },
      });
      // Errors still throw and the build script reports them; this silences
      // Eleventy's timing notes and summary line, which the build's summary replaces.
      eleventy.setIsVerbose(false);
      eleventy.disableLogger();
      // Only the count is taken from the result: awaited whole, it would keep every page of the batch alive while the next renders.
      written += await eleventy.write().then(([, templates]: [unknown, unknown[]]) => templates.length);
      onPages?.written(urls);
      // The first run writes the feed; each run, some article pages.
      for (const article of batch.articles) waiting.delete(article);
      for (const article of model.articles) if (!waiting.has(article)) releasePageText(article);
    }
  } catch (error) {
    // The folder is thrown away, but not while the other thread still links into it.
    await ahead.stop();
    throw error;
  } finally {
    parked?.close();
  }
  return { written, kept: plan.keep.length, fingerprints: plan.fingerprints };
}
