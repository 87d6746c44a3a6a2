// One build of the site, shared by `npm run build` and `npm start`: extracts
// every seed (from the cache where it can), renders the site with Eleventy,
// indexes it with Pagefind and swaps it into place. Seed problems go to stderr
// as file:line:col; a seed that cannot be read, or with --strict any warning,
// stops the build and leaves the previous site untouched.
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { reporter } from 'vfile-reporter';
import { ExtractionCache } from '../cache/extraction-cache.ts';
import { loadFingerprints, saveFingerprints } from '../cache/page-fingerprints.ts';
import { registryPath, seedsDir } from '../paths.ts';
import { loadRegistry, RegistryError } from '../registry/load-registry.ts';
import { archiveRows, buildDownloads, startArchiveJson, writeDownloads, type ArchiveWriting } from '../site/downloads.ts';
import { collectGarbage } from '../site/garbage.ts';
import { buildSiteModel } from '../site/model.ts';
import { defaultPageBudget } from '../site/pages.ts';
import { linkPagesAhead, pageFile } from '../site/keep-page.ts';
import { fetchPublished, publishedAddresses, readPublished, writePublished } from '../site/published-addresses.ts';
import { buildInPlaceOf } from '../site/publish.ts';
import { readSeeds } from '../site/read-seeds.ts';
import { renderSite, type Rendered } from '../site/render.ts';
import { startSearchIndex, type Indexed, type SearchIndexing } from '../site/search-index.ts';
import type { ArticleRecord, PublishedAddresses, Registry, SiteModel } from '../types.ts';
import { progress } from './progress.ts';

const title = 'US–Japan trade talks 2025';

/** The options both commands take, for `parseArgs`. */
export const buildArgs = {
  pathprefix: { type: 'string', default: '/' },
  output: { type: 'string', default: '_site' },
  // Feeds and sitemaps need absolute addresses; the pages themselves do not.
  'site-url': { type: 'string', default: process.env.SITE_URL ?? 'http://localhost:8080' },
  // For CI: a warning is a failure, so nothing doubtful gets published.
  strict: { type: 'boolean', default: false },
  // How much one page of a long list holds before it is split (src/site/pages.ts).
  'page-budget': { type: 'string', default: String(defaultPageBudget) },
  // A build from a clean checkout reads the addresses the deployed site published from it (published-addresses.ts).
  'published-from': { type: 'string' },
} as const;

export const buildUsage = '[--pathprefix=/archive/] [--output=_site] [--site-url=https://example.org] [--strict] [--page-budget=300] [--published-from=https://example.org/archive/]';

export interface BuildOptions {
  /** As given, for messages. */
  output: string;
  /** With leading and trailing slash: `/` or `/archive/`. */
  pathPrefix: string;
  siteUrl: string;
  strict: boolean;
  pageBudget: number;
  /** The deployed site to read what it published from, rather than the output folder. */
  publishedFrom: string | null;
}

/** The options from `parseArgs` values, or what is wrong with them. */
export function buildOptions(values: {
  pathprefix: string;
  output: string;
  'site-url': string;
  strict: boolean;
  'page-budget': string;
  'published-from'?: string;
}): BuildOptions | string {
  let siteUrl: URL;
  try {
    siteUrl = new URL(values['site-url']);
  } catch {
    return `--site-url must be an absolute URL, got ${values['site-url']}`;
  }
  const pageBudget = Number(values['page-budget']);
  if (!Number.isInteger(pageBudget) || pageBudget < 1) return `--page-budget must be a whole number above 0, got ${values['page-budget']}`;
  const from = values['published-from'];
  if (from !== undefined && !/^https?:\/\/[^/]/.test(from)) return `--published-from must be the deployed site's http(s) address, got ${from}`;
  const trimmed = values.pathprefix.replace(/^\/+|\/+$/g, '');
  return { output: values.output, pathPrefix: trimmed ? `/${trimmed}/` : '/', siteUrl: siteUrl.origin, strict: values.strict, pageBudget, publishedFrom: from ?? null };
}

/** Eleventy wraps template errors (`originalError`); the inner message names the template and line. */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError) messages.push(e.message);
  return messages.length ? messages.join('\n  caused by: ') : String(error);
}

/** Said whenever a build stops: the published site is as it was. */
const unchangedNote = (options: BuildOptions) => `${options.output} was not changed.`;

/** What the pages are made from, in fields let go of when done with (see `readSite`). */
interface SiteInput {
  model: SiteModel | null;
  /** For archive.json only. */
  records: ArticleRecord[] | null;
}

/**
 * Reads every seed, reports their messages and builds the site model; null
 * when the build stops, having said why. A function of its own because an
 * async function keeps what it awaited alive until it returns: awaited in
 * `buildSite`, every seed's file, record and story (about 175 MB at 10,000
 * articles) stayed in memory through rendering.
 */
async function readSite(
  registry: Registry,
  cache: ExtractionCache,
  options: BuildOptions,
  published: PublishedAddresses,
  status: ReturnType<typeof progress>,
  phase: (name: string) => void,
) {
  const unchanged = unchangedNote(options);
  const seeds = await readSeeds(seedsDir(), registry, { cache, onProgress: (done, total) => status.show('extracting', [done, total]) });
  status.clear();
  const report = reporter(seeds.files, { quiet: true });
  if (report) process.stderr.write(`${report}\n`);
  if (seeds.failed.length > 0) {
    process.stderr.write(`Build stopped: ${seeds.failed.length} seed(s) could not be read; ${unchanged}\n`);
    return null;
  }
  const warnings = seeds.files.flatMap((f) => f.messages).filter((m) => m.fatal === false).length;
  if (options.strict && warnings > 0) {
    process.stderr.write(`Build stopped: ${warnings} warning(s) and --strict; ${unchanged}\n`);
    return null;
  }
  phase('extraction');
  const model = buildSiteModel(seeds, { title, siteUrl: options.siteUrl, pageBudget: options.pageBudget, published });
  const counts =
    `${model.articles.length} articles, ${model.people.length} people, ${model.tariffs.length} tariffs, ${model.events.length} events, ` +
    `${model.deadlines.length} deadlines, ${model.venues.length} venues`;
  phase('site model');
  const site: SiteInput = { model, records: seeds.records };
  return { site, seedCount: seeds.files.length, counts, published: publishedAddresses(published, model) };
}

/**
 * Rendering makes garbage far faster than it keeps data: at 10,000 articles
 * about 300 MB stays alive while V8, on a machine with memory to spare, lets
 * the heap grow to several times that before collecting (1.7 GB). From a
 * collection made here on, it collects once the heap is 30% above what
 * survived the last one, which keeps rendering under 1 GB for about a fifth
 * more CPU. A growth factor rather than a hard limit, so a larger archive
 * still builds. Not from the start: extraction stays well under 1 GB with
 * V8's default, and would pay as much for it.
 */
export function collectSoonerFromHere(): void {
  setFlagsFromString('--heap-growing-percent=30');
  collectGarbage();
}

/** Thrown out of the build's folder when the seeds stop it, so that the folder is thrown away. */
const stopped = new Error('stopped');

/** Builds the site once; false when it stopped, having said why on stderr. */
export async function buildSite(options: BuildOptions): Promise<boolean> {
  const started = performance.now();
  const unchanged = unchangedNote(options);
  let registry;
  try {
    registry = await loadRegistry(registryPath());
  } catch (error) {
    process.stderr.write(`${error instanceof RegistryError ? error.message : `${registryPath()}: ${(error as Error).message}`}\n${unchanged}\n`);
    return false;
  }
  const cache = await ExtractionCache.open();
  const status = progress(process.stderr);
  const timings: string[] = [];
  let phaseStarted = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    timings.push(`${name} ${((now - phaseStarted) / 1000).toFixed(1)}s`);
    phaseStarted = now;
  };
  try {
    const target = resolve(options.output);
    const previous = { dir: target, fingerprints: await loadFingerprints(target) };
    let published;
    try {
      published = options.publishedFrom ? await fetchPublished(options.publishedFrom) : await readPublished(target);
      if (options.publishedFrom) {
        const slugs = Object.values(published.slugs).reduce((n, held) => n + Object.keys(held).length, 0);
        process.stderr.write(`${options.publishedFrom} has published ${slugs} slugs, ${Object.keys(published.anchors).length} later pages of lists and ${published.parts.length} month parts\n`);
      }
    } catch (error) {
      process.stderr.write(`Build stopped: could not read the addresses the deployed site published, ${(error as Error).message}; ${unchanged}\n`);
      return false;
    }
    let read: Awaited<ReturnType<typeof readSite>> = null;
    let rendered: Rendered | null = null;
    let searched: Indexed | null = null;
    await buildInPlaceOf(target, async (dir) => {
      // The last build's pages are linked into this one while the seeds are read; the plan then says which stay.
      const pages = Object.keys(previous.fingerprints).filter((url) => url.startsWith('/'));
      const ahead = linkPagesAhead(pages.map((url) => [pageFile(target, url), pageFile(dir, url)]));
      let archive: ArchiveWriting | null = null;
      try {
        read = await readSite(registry, cache, options, published, status, phase);
        if (!read) throw stopped;
        await writePublished(dir, read.published);
        const { site } = read;
        collectSoonerFromHere();
        // archive.json is written on another thread from the cache's files, so the records go now, before the pages are planned.
        archive = startArchiveJson(dir, site.model!.title, archiveRows(site.model!, site.records!, options.pathPrefix, (r) => cache.entryOf(r)));
        // An article's page is fingerprinted by its record's cache entry, which changes whenever the record does.
        const entryOf = new Map(site.records!.map((r) => [r.file.replace(/^.*\//, ''), cache.entryName(r)]));
        site.records = null;
        await writeDownloads(dir, buildDownloads(site.model!, options.pathPrefix));
        status.show('rendering pages');
        // Pagefind's processes index each search bundle as soon as its pages are written, on the cores rendering leaves free.
        let indexing = null as SearchIndexing | null;
        try {
          rendered = await renderSite({
            model: site.model!,
            output: dir,
            pathPrefix: options.pathPrefix,
            previous: { ...previous, ahead },
            recordOf: (article) => entryOf.get(article.file),
            onPages: { planned: (search) => (indexing = startSearchIndex(dir, search, previous)), written: (urls) => indexing!.written(urls) },
          });
        } catch (error) {
          await indexing?.stop();
          throw error;
        }
        phase('rendering');
        site.model = null;
        status.show('indexing for search');
        searched = await indexing!.finish();
        phase('search index after rendering');
        await archive.written;
      } catch (error) {
        // A thread still linking or writing would keep the process alive, and write into a folder about to be thrown away.
        await Promise.all([ahead.stop(), archive?.stop()]);
        throw error;
      }
    });
    const { seedCount, counts } = read!;
    const { written, kept, fingerprints } = rendered!;
    await saveFingerprints(target, { ...fingerprints, ...searched!.fingerprints });
    status.clear();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Built ${options.output} (path prefix ${options.pathPrefix}): ${counts}; ${written + kept} pages (${written} rendered, ${kept} kept from the last build) in ${seconds}s ` +
        `(${timings.join(', ')}); search bundles: ${searched!.indexed} indexed, ${searched!.kept} kept; ${cache.fromCache} of ${seedCount} seeds from the cache\n`,
    );
    return true;
  } catch (error) {
    status.clear();
    // A stop has been explained by `readSite`.
    if (error !== stopped) process.stderr.write(`Build failed: ${describe(error)}\n${unchanged}\n`);
    return false;
  } finally {
    status.stop();
  }
}
