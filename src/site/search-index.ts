import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchPlan, SearchShard } from './page-plan.ts';

export interface Indexed {
  /** Bundles indexed afresh, and kept from the previous build. */
  indexed: number;
  kept: number;
  /** Each bundle's fingerprint, by `pagefind:<key>`, for the next build. */
  fingerprints: Record<string, string>;
}

// Pagefind's package exports no package.json; its folder is found from its entry point.
const pagefindEntry = fileURLToPath(import.meta.resolve('pagefind'));
const pagefindVersion = JSON.parse(await readFile(join(pagefindEntry.slice(0, pagefindEntry.lastIndexOf('/node_modules/pagefind/')), 'node_modules/pagefind/package.json'), 'utf8')).version as string;
// A bundle depends on its pages, on Pagefind and on how this file calls it.
const indexingKey = createHash('sha256')
  .update(pagefindVersion)
  .update(await readFile(fileURLToPath(import.meta.url)))
  .digest('base64url');

type Pagefind = typeof import('pagefind');

// Pagefind's service process indexes one file at a time, so it keeps one core
// busy at most. Each import of its module under another address is a module of
// its own with a process of its own: one per core indexes that many bundles at
// once.
const pagefindModule = import.meta.resolve('pagefind');
const openService = (lane: number): Promise<Pagefind> => import(`${pagefindModule}?lane=${lane}`);

async function keepBundle(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { withFileTypes: true, recursive: true });
  const target = (entry: { parentPath: string; name: string }) => join(to, join(entry.parentPath, entry.name).slice(from.length));
  await mkdir(to, { recursive: true });
  // A bundle is a few folders and hundreds of files: the folders first, then the files all at once.
  for (const entry of entries) if (entry.isDirectory()) await mkdir(target(entry), { recursive: true });
  await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const source = join(entry.parentPath, entry.name);
        return link(source, target(entry)).catch(() => copyFile(source, target(entry)));
      }),
  );
}

async function indexBundle(pagefind: Pagefind, output: string, shard: SearchShard): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  // A few files in flight keep Pagefind's process busy without holding every page in memory.
  for (let i = 0; i < shard.urls.length; i += 16) {
    await Promise.all(
      shard.urls.slice(i, i + 16).map(async (url) => {
        const added = await index.addHTMLFile({ url, content: await readFile(join(output, url, 'index.html'), 'utf8') });
        if (added.errors.length > 0) throw new Error(`Pagefind, ${url}: ${added.errors.join('; ')}`);
      }),
    );
  }
  const written = await index.writeFiles({ outputPath: join(output, 'pagefind', shard.key) });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
}

/**
 * Indexes the rendered pages for the search page, one Pagefind bundle per
 * shard at `pagefind/<key>/`. A shard whose pages are all as in the previous
 * build keeps that build's bundle.
 */
export async function indexSearch(output: string, plan: SearchPlan, previous?: { dir: string; fingerprints: Record<string, string> }): Promise<Indexed> {
  const fingerprints: Record<string, string> = {};
  const toIndex: SearchShard[] = [];
  const toKeep: SearchShard[] = [];
  for (const shard of plan.shards) {
    const name = `pagefind:${shard.key}`;
    const fingerprint = `${indexingKey}.${shard.fingerprint}`;
    fingerprints[name] = fingerprint;
    const same = previous && previous.fingerprints[name] === fingerprint && existsSync(join(previous.dir, 'pagefind', shard.key, 'pagefind-entry.json'));
    (same ? toKeep : toIndex).push(shard);
  }
  const result: Indexed = { indexed: toIndex.length, kept: toKeep.length, fingerprints };
  const services = await Promise.all(Array.from({ length: Math.min(availableParallelism(), toIndex.length) }, (_, lane) => openService(lane)));
  try {
    // Each lane takes the next bundle when its last is written; the kept ones are linked meanwhile.
    await Promise.all([
      ...toKeep.map((shard) => keepBundle(join(previous!.dir, 'pagefind', shard.key), join(output, 'pagefind', shard.key))),
      ...services.map(async (pagefind) => {
        for (let shard = toIndex.shift(); shard; shard = toIndex.shift()) {
          await indexBundle(pagefind, output, shard);
          // Pagefind's process keeps most of the memory of a bundle it has written: the next bundle gets a fresh one.
          await pagefind.close();
        }
      }),
    ]);
    return result;
  } finally {
    await Promise.all(services.map((pagefind) => pagefind.close()));
  }
}
