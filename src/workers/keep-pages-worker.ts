// Links the pages of the last build into the new one on a thread of its own,
// from the start of a build: at 10,000 articles that is 12,800 folders and
// links, seconds of system calls on a busy disk, done while the build's thread
// reads the seeds and plans the pages. Once the plan says which pages stay,
// the others are removed again, before Eleventy writes any page: Eleventy
// rewrites a file in place, and a page still linked to the last build's file
// would change the published site.
import { existsSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { keepPage } from '../site/keep-page.ts';

/** From the build, once: the files (in the new output) to keep of those linked. */
export type KeepCommand = { keep: string[] };
/** To the build, once: the files kept, or why the pages could not be linked. */
export type KeepAnswer = { kept: string[] } | { error: string };

const { pages } = workerData as { pages: [from: string, to: string][] };
const port = parentPort!;
const linked: string[] = [];
let failure: string | null = null;
try {
  for (const [from, to] of pages) {
    // A page the fingerprints name but the last build no longer has: the plan renders it instead.
    if (!existsSync(from)) continue;
    keepPage(from, to);
    linked.push(to);
  }
} catch (error) {
  failure = (error as Error).message;
}

port.once('message', ({ keep }: KeepCommand) => {
  if (failure !== null) return port.postMessage({ error: failure } satisfies KeepAnswer);
  try {
    const wanted = new Set(keep);
    const kept: string[] = [];
    for (const file of linked) {
      if (wanted.has(file)) {
        kept.push(file);
        continue;
      }
      unlinkSync(file);
      try {
        rmdirSync(dirname(file));
      } catch {
        // Not empty: the folder holds other pages' folders.
      }
    }
    port.postMessage({ kept } satisfies KeepAnswer);
  } catch (error) {
    port.postMessage({ error: (error as Error).message } satisfies KeepAnswer);
  }
});
