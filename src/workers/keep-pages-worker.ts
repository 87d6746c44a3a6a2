// Links the pages a rebuild keeps from the previous build into the new one, on
// a thread of its own: at 10,000 articles that is 12,800 folders and links,
// seconds of system calls the build's thread would otherwise spend waiting
// instead of rendering the pages that changed.
import { parentPort, workerData } from 'node:worker_threads';
import { keepPage } from '../site/keep-page.ts';

/** To the build, once: every page is in place, or why one is not. */
export type KeepAnswer = { done: true } | { error: string };

const { pages } = workerData as { pages: [from: string, to: string][] };
try {
  for (const [from, to] of pages) keepPage(from, to);
  parentPort!.postMessage({ done: true } satisfies KeepAnswer);
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message } satisfies KeepAnswer);
}
