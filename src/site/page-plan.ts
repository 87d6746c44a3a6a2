// A rebuild after adding one article changes a few dozen pages of thousands:
// the article's own, the index and timeline parts of its month, and the pages
// of the people, tariffs and places it names. Each page's HTML is decided by
// the rendering code, the site options and that page's own slice of the model,
// so a fingerprint of those three tells whether last build's file still holds.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractionSources } from '../cache/extraction-cache.ts';
import type { EntityPage, SiteArticle, SiteModel } from '../types.ts';
import { digest, digestWhole, forgetDigests } from './digest.ts';

/** The lists the paginated templates write pages from, as the `pages` global names them. */
export interface PageLists {
  articles: SiteModel['articles'];
  timelineParts: SiteModel['timelinePages']['parts'];
  newestParts: SiteModel['newestPages']['parts'];
  articleParts: SiteModel['articlePages']['parts'];
  chartTableParts: SiteModel['chartTablePages']['parts'];
  deadlineIndexParts: SiteModel['deadlineIndexPages']['parts'];
  personPages: SiteModel['personPages'];
  tariffPages: SiteModel['tariffPages'];
  venuePages: SiteModel['venuePages'];
  deadlinePages: SiteModel['deadlinePages'];
  movedPages: SiteModel['movedPages'];
}

/** The URL path of a page of one of the lists. */
export function pageUrl(list: keyof PageLists, item: PageLists[keyof PageLists][number]): string {
  return list === 'articles' ? `/articles/${(item as SiteArticle).slug}/` : (item as { url: string }).url;
}

interface PagedList<K extends keyof PageLists> {
  items: PageLists[K];
  /** What every page of the list shows besides its own item. */
  shared: unknown;
  /** What some pages of the list show besides their own item and `shared`. */
  alsoPrints?: (item: PageLists[K][number]) => unknown;
}

function pagedLists(model: SiteModel): { [K in keyof PageLists]: PagedList<K> } {
  // The overviews count every article: printed on every part, they would make a new article re-render them all.
  const onFirst = (overview: unknown) => (p: { previous: unknown }) => (p.previous === null ? overview : null);
  return {
    articles: { items: model.articles, shared: null },
    timelineParts: { items: model.timelinePages.parts, shared: model.timelinePages.nav, alsoPrints: onFirst(model.intro) },
    newestParts: { items: model.newestPages.parts, shared: model.newestPages.nav, alsoPrints: onFirst(model.intro) },
    articleParts: { items: model.articlePages.parts, shared: model.articlePages.nav, alsoPrints: onFirst(model.articles.length) },
    chartTableParts: { items: model.chartTablePages.parts, shared: model.chartTablePages.nav },
    deadlineIndexParts: { items: model.deadlineIndexPages.parts, shared: model.deadlineIndexPages.nav, alsoPrints: onFirst(model.deadlines.length) },
    personPages: { items: model.personPages, shared: null },
    tariffPages: { items: model.tariffPages, shared: null },
    venuePages: { items: model.venuePages, shared: null },
    deadlinePages: { items: model.deadlinePages, shared: null },
    movedPages: { items: model.movedPages, shared: null },
  };
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

/**
 * A hash of everything that turns a page's data into its HTML: the templates,
 * the Eleventy config, the rendering code and what it imports, and the
 * options every page prints (title, path prefix, site address). The model's
 * code too: an article's page is fingerprinted by its record, not by what
 * the model made of it (`articleStandIn`).
 */
export async function renderingKey(options: unknown): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(options));
  const code = new Map([...(await extractionSources(join(projectRoot, 'src/site/render.ts'))), ...(await extractionSources(join(projectRoot, 'src/site/model.ts')))]);
  const files = [...(await filesUnder(join(projectRoot, 'templates'))), resolve(projectRoot, '.eleventy.js')];
  for (const file of files) hash.update(file).update(await readFile(file));
  for (const [file, text] of [...code].sort(([a], [b]) => a.localeCompare(b))) hash.update(file).update(text);
  return hash.digest('hex');
}

/** Pages indexed together into one Pagefind bundle at `pagefind/<key>/`; the search page merges the bundles. */
export interface SearchShard {
  key: string;
  urls: string[];
  /** Of its pages' fingerprints: the bundle is rebuilt only when one of its pages changed. */
  fingerprint: string;
}

export interface SearchPlan {
  /** The bundle whose script the search page loads; the others are merged into it. */
  primary: string;
  merged: string[];
  shards: SearchShard[];
}

/**
 * The pages search indexes (articles, and the first page of each person and
 * tariff) in bundles: people and tariffs in one, articles by the quarter they
 * came out in. A new article changes one quarter's bundle, and the people and
 * tariffs one when it names a new person, role or tariff; the other bundles
 * are kept as they were. `rendering` is the rendering key (`renderingKey`).
 */
function planSearch(model: SiteModel, rendering: string, fingerprints: Record<string, string>): SearchPlan {
  const groups = new Map<string, string[]>([['site', []]]);
  const add = (key: string, url: string) => groups.set(key, [...(groups.get(key) ?? []), url]);
  // A person's or tariff's first page changes with every article that names
  // them, but search reads only its heading and a person's roles (the
  // templates' `data-pagefind-body`): the bundle follows those, so that an
  // article naming no one new keeps it.
  const searched = new Map<string, string>();
  for (const pg of model.personPages) {
    if (pg.list === null) searched.set(pg.url, digest({ rendering, heading: pg.heading, roles: pg.item?.roles.map((r) => r.text) ?? [] }));
  }
  for (const pg of model.tariffPages) if (pg.list === null) searched.set(pg.url, digest({ rendering, heading: pg.heading }));
  for (const url of searched.keys()) add('site', url);
  for (const a of model.articles) {
    const value = a.published?.value;
    const key = value ? `articles-${value.slice(0, 4)}${value.length > 4 ? `-q${Math.ceil(Number(value.slice(5, 7)) / 3)}` : ''}` : 'articles-undated';
    add(key, pageUrl('articles', a));
  }
  const shards = [...groups].map(([key, urls]) => ({
    key,
    urls,
    // Sorted: a bundle does not depend on the order its pages are listed in, and people reorder as articles come.
    fingerprint: createHash('sha256').update([...urls].sort().map((u) => `${u} ${searched.get(u) ?? fingerprints[u]}`).join('\n')).digest('base64url'),
  }));
  const primary = shards.find((s) => s.urls.length > 0)?.key ?? 'site';
  return { primary, merged: shards.filter((s) => s.key !== primary && s.urls.length > 0).map((s) => s.key), shards: shards.filter((s) => s.urls.length > 0 || s.key === primary) };
}

/**
 * What a page prints, as a digest. An entity's first page holds the whole
 * entity and its own slice of each long list; the entity stands in with its
 * long lists counted, not listed, so that the page changes with its slice.
 */
function pageData(item: object): string {
  if (!('lists' in item && 'item' in item) || item.item === null) return digest(item);
  // Each list is named after the entity field it slices (src/site/pages.ts).
  const { item: entity, lists, ...page } = item as EntityPage<object, string>;
  const lengths = Object.fromEntries(Object.keys(lists).map((name) => [name, (entity as Record<string, unknown[]>)[name]!.length]));
  return `${digest({ ...entity, ...lengths })}${digest(lists)}${digest(page)}`;
}

/**
 * An article's page as a fingerprint sees it when its record is known by
 * `record`, a name that changes whenever the record does (its extraction
 * cache entry): the record, and what the page takes from the rest of the
 * archive. Its text, its removed blocks, its facts' numbers, sentences,
 * roles and wording all follow from the record and the model's code (in the
 * rendering key), and were two-thirds of the JSON hashed at 10,000 articles.
 * What `buildArticle` (src/site/articles.ts) takes from beyond the record
 * must be named here.
 */
function articleStandIn(article: SiteArticle, record: string): object {
  const { facts } = article;
  return {
    record,
    slug: article.slug,
    people: facts.people.map((f) => f.person.id),
    tariffs: facts.tariffs.map((f) => [f.tariff, f.target]),
    deadlines: facts.deadlines.map((f) => [f.deadline, f.tariff]),
    venues: facts.venues.map((f) => [f.n, f.venue]),
    events: facts.events.map((f) => [digest(f.event), f.others]),
    placement: digest(article.placement),
  };
}

export interface PagePlan {
  /** The pages Eleventy writes this time. */
  render: PageLists;
  /** URL paths of pages whose previous HTML is still right. */
  keep: string[];
  /** Every paginated page's fingerprint, by URL path, for the next build. */
  fingerprints: Record<string, string>;
  /** Every paginated page's URL path but the moved pages', which are no pages of the site's own: the sitemap's. */
  urls: string[];
  search: SearchPlan;
}

/**
 * Splits the paginated pages into those to render and those to keep.
 * `previous` is the last build's fingerprints; `kept` says whether its file
 * for a URL path is still there to keep.
 */
export function planPages(model: SiteModel, key: string, previous: Record<string, string>, kept: (url: string) => boolean, recordOf: (article: SiteArticle) => string | undefined = () => undefined): PagePlan {
  const render = {} as Record<keyof PageLists, unknown[]>;
  const keep: string[] = [];
  const fingerprints: Record<string, string> = {};
  // Articles also sit whole in the article index's parts: hashed once, up front, the fast way. The
  // story events they report are shared with the timeline and every other report: digested once each.
  for (const article of model.articles) {
    const record = recordOf(article);
    if (record !== undefined) digestWhole(article, articleStandIn(article, record));
    else {
      const events = article.facts.events.map((fact) => ({ ...fact, event: digest(fact.event) }));
      digestWhole(article, { ...article, facts: { ...article.facts, events } });
    }
  }
  for (const [name, list] of Object.entries(pagedLists(model)) as [keyof PageLists, PagedList<keyof PageLists>][]) {
    const shared = digest(list.shared);
    render[name] = list.items.filter((item: PageLists[keyof PageLists][number]) => {
      const url = pageUrl(name, item);
      // Lists render in Eleventy runs of their own, so Eleventy cannot see two of them write one file: the last would replace the first unseen.
      if (url in fingerprints) throw new Error(`Two pages at one address, ${url}: one of them would be lost (the second is of the ${name} pages)`);
      const fingerprint = createHash('sha256').update(key).update(name).update(shared).update(pageData(item)).update(digest(list.alsoPrints?.(item))).digest('base64url');
      fingerprints[url] = fingerprint;
      const same = previous[url] === fingerprint && kept(url);
      if (same) keep.push(url);
      return !same;
    });
  }
  const search = planSearch(model, key, fingerprints);
  const moved = new Set(model.movedPages.map((m) => m.url));
  forgetDigests();
  return { render: render as unknown as PageLists, keep, fingerprints, urls: Object.keys(fingerprints).filter((url) => !moved.has(url)), search };
}
