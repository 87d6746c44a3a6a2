// `npm run build [-- --pathprefix=/archive/ --output=DIR --site-url=https://…]`:
// extracts every seed once, renders the site with Eleventy, indexes it with
// Pagefind and swaps it into place. Seed problems go to stderr as
// file:line:col; a seed that cannot be read fails the build and leaves the
// previous site untouched.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reporter } from 'vfile-reporter';
import { registryPath, seedsDir } from '../paths.ts';
import { loadRegistry, RegistryError } from '../registry/load-registry.ts';
import { buildDownloads } from '../site/downloads.ts';
import { buildSiteModel } from '../site/model.ts';
import { buildInPlaceOf } from '../site/publish.ts';
import { readSeeds } from '../site/read-seeds.ts';
import { renderSite } from '../site/render.ts';
import { indexSearch } from '../site/search-index.ts';

const usage = 'usage: npm run build -- [--pathprefix=/archive/] [--output=_site] [--site-url=https://example.org]\n';
const title = 'US–Japan trade talks 2025';

/** Eleventy wraps template errors (`originalError`); the inner message names the template and line. */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError) messages.push(e.message);
  return messages.length ? messages.join('\n  caused by: ') : String(error);
}

function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args: argv,
      options: {
        pathprefix: { type: 'string', default: '/' },
        output: { type: 'string', default: '_site' },
        // Feeds and sitemaps need absolute addresses; the pages themselves do not.
        'site-url': { type: 'string', default: process.env.SITE_URL ?? 'http://localhost:8080' },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const started = performance.now();
  const pathPrefix = normalisePrefix(options.pathprefix);
  const output = resolve(options.output);
  let siteUrl: URL;
  try {
    siteUrl = new URL(options['site-url']);
  } catch {
    process.stderr.write(`--site-url must be an absolute URL, got ${options['site-url']}\n${usage}`);
    return 2;
  }

  let registry;
  try {
    registry = await loadRegistry(registryPath());
  } catch (error) {
    process.stderr.write(`${error instanceof RegistryError ? error.message : String(error)}\n`);
    return 1;
  }
  const seeds = await readSeeds(seedsDir(), registry);
  const report = reporter(seeds.files, { quiet: true });
  if (report) process.stderr.write(`${report}\n`);
  if (seeds.failed.length > 0) {
    process.stderr.write(`Build stopped: ${seeds.failed.length} seed(s) could not be read; ${options.output} was not changed.\n`);
    return 1;
  }

  const model = buildSiteModel(seeds, { title, siteUrl: siteUrl.origin });
  const downloads = buildDownloads(model, seeds.records, pathPrefix);
  let pages = 0;
  try {
    await buildInPlaceOf(output, async (dir) => {
      pages = await renderSite({ model, downloads, output: dir, pathPrefix });
      await indexSearch(dir);
    });
  } catch (error) {
    process.stderr.write(`Build failed: ${describe(error)}\n${options.output} was not changed.\n`);
    return 1;
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Built ${options.output} (path prefix ${pathPrefix}): ${model.articles.length} articles, ${model.people.length} people, ` +
      `${model.tariffs.length} tariffs, ${model.events.length} events, ${model.deadlines.length} deadlines, ` +
      `${model.venues.length} venues; ${pages} pages in ${seconds}s\n`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
