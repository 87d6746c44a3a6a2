// The build's phases one after the other in one process, making the same
// calls as `src/cli/build.ts`, each timed with the process's peak memory at its
// end: the build's own summary gives the phase times but no memory.
// Usage (from the project folder):
//   node --import tsx bench/phases.ts SEEDS_DIR OUTPUT_DIR
// Prints one JSON line: each phase's start and end (epoch ms) and the
// process's peak RSS when it ended.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { collectSoonerFromHere } from '../src/cli/site-build.ts';
import { registryPath } from '../src/paths.ts';
import { loadRegistry } from '../src/registry/load-registry.ts';
import { archiveRows, buildDownloads, startArchiveJson, writeDownloads, type ArchiveWriting } from '../src/site/downloads.ts';
import { ExtractionCache } from '../src/cache/extraction-cache.ts';
import { buildSiteModel } from '../src/site/model.ts';
import { readSeeds } from '../src/site/read-seeds.ts';
import type { SearchPlan } from '../src/site/page-plan.ts';
import { renderSite } from '../src/site/render.ts';
import { startSearchIndex, type SearchIndexing } from '../src/site/search-index.ts';
import type { ArticleRecord } from '../src/types.ts';

export interface PhaseTiming {
  name: 'extract' | 'model' | 'render' | 'index';
  start: number;
  end: number;
  /** `process.resourceUsage().maxRSS` at the phase's end: this process only, Pagefind's own process not included. */
  maxRssKb: number;
}

const [seeds, output] = process.argv.slice(2);
if (!seeds || !output) throw new Error('usage: node --import tsx bench/phases.ts SEEDS_DIR OUTPUT_DIR');

const phases: PhaseTiming[] = [];
async function phase<T>(name: PhaseTiming['name'], run: () => Promise<T> | T): Promise<T> {
  const start = Date.now();
  const result = await run();
  phases.push({ name, start, end: Date.now(), maxRssKb: process.resourceUsage().maxRSS });
  return result;
}

const registry = await loadRegistry(registryPath());
// The bench points ARCHIVE_CACHE at an empty folder of this run's own, as a first build has one: archive.json is written from its files.
const cache = await ExtractionCache.open();
/** As `readSite` in the build: a function of its own, so that what it awaited is let go when it returns. */
async function readModel() {
  const read = await phase('extract', () => readSeeds(resolve(seeds!), registry, { cache }));
  if (read.failed.length) throw new Error(`${read.failed.length} seed(s) could not be read`);
  const model = await phase('model', () => buildSiteModel(read, { title: 'US–Japan trade talks 2025', siteUrl: 'http://localhost:8080' }));
  return { model, records: read.records as ArticleRecord[] | null };
}
const site = await readModel();
const dir = resolve(output);
await mkdir(dir, { recursive: true });
let indexing: SearchIndexing | null = null;
let archive: ArchiveWriting | null = null;
const pages = await phase('render', async () => {
  collectSoonerFromHere();
  archive = startArchiveJson(dir, site.model.title, archiveRows(site.model, site.records!, '/', (r) => cache.entryOf(r)));
  site.records = null;
  await writeDownloads(dir, buildDownloads(site.model, '/'));
  // As the build does: bundles are indexed while later pages render, so this phase's memory includes Pagefind's.
  const onPages = { planned: (search: SearchPlan) => (indexing = startSearchIndex(dir, search)), written: (urls: string[]) => indexing!.written(urls) };
  return renderSite({ model: site.model, output: dir, pathPrefix: '/', onPages }).then((rendered) => rendered.written);
});
await phase('index', () => Promise.all([indexing!.finish(), archive!.written]));
process.stdout.write(`${JSON.stringify({ pages, phases })}\n`);
