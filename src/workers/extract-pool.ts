// Extraction across threads: this thread and the workers take seeds from one
// queue. A worker takes about a second to start (it compiles the TypeScript
// and the registry's matchers again) and this thread extracts meanwhile, so
// starting one costs the build that second of CPU rather than of waiting.
import type { Worker } from 'node:worker_threads';
import { extractText, type ExtractResult } from '../pipeline.ts';
import { fromStored, type StoredResult } from '../stored-result.ts';
import type { Registry } from '../types.ts';
import { tsWorker } from './ts-worker.ts';

export interface Seed {
  path: string;
  bytes: Uint8Array;
}

export interface Task extends Seed {
  index: number;
}

export type Answer = { index: number; result: StoredResult } | { index: number; error: unknown };

// Two seeds in flight per worker: it starts the next while its answer to the last travels back.
const inFlight = 2;

export interface Threads {
  workers: number;
  /** Whether this thread extracts too (the default), or only hands seeds out. */
  here?: boolean;
}

/**
 * Extracts `seeds` on `workers` worker threads and this one, calling
 * `onResult` with each seed's index as it finishes, and waits for every
 * `onResult`. The first error stops every thread and is thrown.
 */
export async function extractOnThreads(
  seeds: Seed[],
  registry: Registry,
  onResult: (index: number, result: ExtractResult) => Promise<void>,
  { workers, here = true }: Threads,
): Promise<void> {
  const threads = Array.from({ length: Math.min(workers, seeds.length) }, () => tsWorker(new URL('./extract-worker.ts', import.meta.url), { workerData: { registry } }));
  let next = 0;
  // Set once the work is done or has failed: after an error nothing more is taken.
  let stopped = false;
  const take = () => (!stopped && next < seeds.length ? next++ : undefined);
  const send = (worker: Worker) => {
    const index = take();
    if (index !== undefined) worker.postMessage({ index, path: seeds[index]!.path, bytes: seeds[index]!.bytes } satisfies Task);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let pending = seeds.length;
      const finish = (index: number, result: ExtractResult) =>
        onResult(index, result).then(() => {
          if (--pending === 0) resolve();
        });
      if (pending === 0) resolve();
      for (const worker of threads) {
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`An extraction thread stopped (exit code ${code}) before its seeds were read`)));
        worker.on('message', (answer: Answer) => {
          if ('error' in answer) return reject(answer.error);
          send(worker);
          finish(answer.index, fromStored(seeds[answer.index]!.path, answer.result)).catch(reject);
        });
        for (let i = 0; i < inFlight; i++) send(worker);
      }
      if (here || !threads.length) {
        (async () => {
          for (let index = take(); index !== undefined; index = take()) {
            const { bytes, path } = seeds[index]!;
            await finish(index, await extractText(bytes, path, registry));
            // Extraction settles in microtasks alone: without a turn of the event
            // loop the workers' answers, and so the workers, would wait.
            await new Promise(setImmediate);
          }
        })().catch(reject);
      }
    });
  } finally {
    stopped = true;
    await Promise.all(threads.map((w) => w.terminate()));
  }
}
