// The first reading of every seed: from the cache where it can be, the rest
// extracted in this thread or, when there are many, on every core. Either way
// each seed gets the same record and messages, and the cache keeps them.
import { availableParallelism } from 'node:os';
import type { ArchiveOptions } from './archive.ts';
import type { ExtractResult } from './pipeline.ts';
import type { Registry } from './types.ts';
import { extractOnThreads } from './workers/extract-pool.ts';

/**
 * Seeds to extract from which threads are worth it. A worker starts in about
 * a second and a second of CPU under tsx, and extracts a seed in about 10%
 * more CPU than this thread: with a core free it pays from about 330 seeds,
 * but saves under a second below 1,000 while costing that second of CPU to
 * whoever else shares the machine.
 */
export const workersFrom = 1000;

/** Each seed's result, in the order of `paths`; `bytes` holds what reading each file gave. */
export async function extractSeeds(
  paths: string[],
  bytes: (Uint8Array | ExtractResult)[],
  registry: Registry,
  { cache, onProgress, workersFrom: threshold = workersFrom }: ArchiveOptions,
): Promise<ExtractResult[]> {
  let done = 0;
  const results = await Promise.all(
    paths.map(async (path, i) => {
      const b = bytes[i]!;
      const result = b instanceof Uint8Array ? await cache?.lookup(b, path, registry) : b;
      if (result) onProgress?.(++done, paths.length);
      return result ?? null;
    }),
  );
  const unread = paths.flatMap((path, index) => {
    const b = bytes[index]!;
    return !results[index] && b instanceof Uint8Array ? [{ index, path, bytes: b }] : [];
  });
  // One worker per other core: this thread extracts too.
  const workers = unread.length >= threshold ? Math.max(1, availableParallelism() - 1) : 0;
  await extractOnThreads(
    unread,
    registry,
    async (k, result) => {
      const { index, path, bytes: b } = unread[k]!;
      await cache?.store(b, path, registry, result);
      results[index] = result;
      onProgress?.(++done, paths.length);
    },
    { workers },
  );
  // Every seed the cache did not answer has just been extracted.
  return results as ExtractResult[];
}
