// Pagefind's command line, run once per search bundle.
import { spawn } from 'node:child_process';
import { linkSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SearchShard } from './page-plan.ts';

// Pagefind's package exports no package.json; its folder is found from its entry point.
const pagefindEntry = fileURLToPath(import.meta.resolve('pagefind'));
export const pagefindDir = join(pagefindEntry.slice(0, pagefindEntry.lastIndexOf('/node_modules/pagefind/')), 'node_modules/pagefind');
// The binary for this platform, found as `npx pagefind` finds it (its own resolver, which also honours
// PAGEFIND_BINARY_PATH). Run directly: through the npm wrapper each bundle cost a Node process of 40 MB more.
const { resolveBinaryPath } = (await import(pathToFileURL(join(pagefindDir, 'lib/resolveBinary.js')).href)) as { resolveBinaryPath(names: string[]): string };
const pagefindBinary = resolveBinaryPath(['pagefind_extended', 'pagefind']);

/** Where `indexBundle` lays out a bundle's pages while Pagefind reads them. */
export const pagesForSearch = (output: string) => join(output, '.search-pages');

/** Runs Pagefind's command line, failing with what it wrote to stderr. */
function runPagefind(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(pagefindBinary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Pagefind exited with ${code}: ${stderr.trim()}`))));
  });
}

/**
 * Indexes a bundle with Pagefind's command line, a process of its own that
 * reads the pages itself, from a folder of links to them laid out as the site
 * is (so each page keeps its URL path), rather than have this thread carry
 * every page to it as Pagefind's Node API does.
 */
export async function indexBundle(output: string, shard: SearchShard): Promise<void> {
  const pages = join(pagesForSearch(output), shard.key);
  for (const url of shard.urls) {
    const target = join(pages, url, 'index.html');
    mkdirSync(dirname(target), { recursive: true });
    linkSync(join(output, url, 'index.html'), target);
  }
  try {
    await runPagefind(['--site', resolve(pages), '--output-path', resolve(output, 'pagefind', shard.key), '--force-language', 'en', '--silent']);
  } finally {
    await rm(pages, { recursive: true, force: true });
  }
}
