import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchAnswer, SearchCommand } from '../workers/search-worker.ts';
import { tsWorker } from '../workers/ts-worker.ts';
import type { SearchPlan, SearchShard } from './page-plan.ts';
import { pagefindDir, pagesForSearch } from './pagefind-cli.ts';

export interface Indexed {
  /** Bundles indexed afresh, and kept from the previous build. */
  indexed: number;
  kept: number;
  /** Each bundle's fingerprint, by `pagefind:<key>`, for the next build. */
  fingerprints: Record<string, string>;
}

const pagefindVersion = JSON.parse(await readFile(join(pagefindDir, 'package.json'), 'utf8')).version as string;
// A bundle depends on its pages, on Pagefind and on how it is called.
const indexingKey = createHash('sha256')
  .update(pagefindVersion)
  .update(await readFile(fileURLToPath(new URL('./pagefind-cli.ts', import.meta.url))))
  .digest('base64url');

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

export interface SearchIndexing {
  /** Says these pages (URL paths) are written: a bundle is indexed as soon as all its pages are. */
  written(urls: Iterable<string>): void;
  /** Every page is written: indexes the bundles left on every core and resolves when all are written. */
  finish(): Promise<Indexed>;
  /** The build failed: starts no more bundles and waits for those being indexed. */
  stop(): Promise<void>;
}

/**
 * Indexes the pages for the search page, one Pagefind bundle per shard at
 * `pagefind/<key>/`, while the rest of the site is still being rendered: a
 * bundle starts once its last page is written, on the cores rendering leaves
 * free (`lanesMeanwhile`). A shard whose pages are all as in the previous build
 * keeps that build's bundle.
 */
export function startSearchIndex(
  output: string,
  plan: SearchPlan,
  previous?: { dir: string; fingerprints: Record<string, string> },
  { lanesMeanwhile = Math.max(1, availableParallelism() - 1) } = {},
): SearchIndexing {
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
  const unwritten = new Map(toIndex.map((shard) => [shard, shard.urls.length]));
  const shardOf = new Map(toIndex.flatMap((shard) => shard.urls.map((url) => [url, shard] as const)));
  const cores = Math.min(availableParallelism(), toIndex.length);
  const thread = toIndex.length > 0 ? tsWorker(new URL('../workers/search-worker.ts', import.meta.url), { workerData: { output, lanes: Math.min(lanesMeanwhile, cores) } }) : null;
  const send = (command: SearchCommand) => thread?.postMessage(command);
  // Settles once, after `finish` or `stop`, or when the thread fails.
  const answered = new Promise<void>((resolve, reject) => {
    if (!thread) return resolve();
    thread.on('message', (answer: SearchAnswer) => ('error' in answer ? reject(new Error(answer.error)) : resolve()));
    thread.on('error', reject);
    thread.on('exit', (code) => reject(new Error(`The search index thread stopped (exit code ${code})`)));
  });
  answered.catch(() => {});
  for (const [shard, count] of unwritten) if (count === 0) send({ ready: shard });
  const kept = Promise.all(toKeep.map((shard) => keepBundle(join(previous!.dir, 'pagefind', shard.key), join(output, 'pagefind', shard.key))));
  kept.catch(() => {});
  const end = async (command: SearchCommand) => {
    send(command);
    try {
      await Promise.all([answered, kept]);
    } finally {
      await thread?.terminate();
      await rm(pagesForSearch(output), { recursive: true, force: true });
    }
  };

  return {
    written(urls) {
      for (const url of urls) {
        const shard = shardOf.get(url);
        if (!shard) continue;
        shardOf.delete(url);
        const left = unwritten.get(shard)! - 1;
        unwritten.set(shard, left);
        if (left === 0) send({ ready: shard });
      }
    },
    async finish() {
      const missing = [...unwritten].filter(([, left]) => left > 0).map(([shard]) => shard.key);
      if (missing.length > 0) {
        await this.stop();
        throw new Error(`search bundles ${missing.join(', ')}: not every page was written`);
      }
      await end({ finish: cores });
      return { indexed: toIndex.length, kept: toKeep.length, fingerprints };
    },
    async stop() {
      await end({ stop: true }).catch(() => {});
    },
  };
}
