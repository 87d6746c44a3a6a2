// The build's phases one after the other in one process, making the same
// calls as `src/cli/build.ts`, each timed with the process's peak memory at its
// end: the build's own summary gives the phase times but no memory.
// Usage (from the project folder):
//   node --import tsx bench/phases.ts SEEDS_DIR OUTPUT_DIR
// Prints one JSON line: each phase's start and end (epoch ms) and the
// process's peak RSS when it ended.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { registryPath } from '../src/paths.ts';
import { loadRegistry } from '../src/registry/load-registry.ts';
import { buildDownloads, writeDownloads } from '../src/site/downloads.ts';
import { buildSiteModel } from '../src/site/model.ts';
import { readSeeds } from '../src/site/read-seeds.ts';
import { renderSite } from '../src/site/render.ts';
import { startSearchIndex, type SearchIndexing } from '../src/site/search-index.ts';

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
const read = await phase('extract', () => readSeeds(resolve(seeds), registry));
if (read.failed.length) throw new Error(`${read.failed.length} seed(s) could not be read`);
const { model, downloads } = await phase('model', () => {
  const m = buildSiteModel(read, { title: 'US–Japan trade talks 2025', siteUrl: 'http://localhost:8080' });
  return { model: m, downloads: buildDownloads(m, read.records, '/') };
});
const dir = resolve(output);
await mkdir(dir, { recursive: true });
let indexing: SearchIndexing | null = null;
const rendered = await phase('render', async () => {
  await writeDownloads(dir, downloads);
  // As the build does: bundles are indexed while later pages render, so this phase's memory includes Pagefind's.
  return renderSite({ model, output: dir, pathPrefix: '/', onPages: { planned: (search) => (indexing = startSearchIndex(dir, search)), written: (urls) => indexing!.written(urls) } });
});
const pages = rendered.written;
await phase('index', () => indexing!.finish());
process.stdout.write(`${JSON.stringify({ pages, phases })}\n`);
