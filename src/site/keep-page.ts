import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KeepAnswer, KeepCommand } from '../workers/keep-pages-worker.ts';
import { tsWorker } from '../workers/ts-worker.ts';

/** The file a page's URL path is written to. */
export const pageFile = (dir: string, url: string) => join(dir, url, 'index.html');

/**
 * Whether a URL path read back from a file of an earlier build has the shape
 * the build gives its pages (`/`, `/people/ryosei-akazawa/events/2025-W28/`):
 * an edited or garbled file must not name a file outside the site.
 */
export const isPagePath = (url: string) => /^\/(?:[A-Za-z0-9_-]+\/)*$/.test(url);

/**
 * A hard link costs no copy; a folder on another disk gets a copy. Made
 * synchronously: a rebuild keeps thousands of pages, and that many calls one
 * after another take a quarter of the time they take as promises.
 */
export function keepPage(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export interface PagesAhead {
  /**
   * Once every page is linked, removes those whose new file is not among
   * `files`; resolves with the files kept. Called once, before anything
   * else is written to the new output.
   */
  keepOnly(files: string[]): Promise<Set<string>>;
  /** The build stopped: links no more pages. */
  stop(): Promise<void>;
}

/**
 * Starts linking pages of the last build (each from its file to the new
 * output's) on a thread of their own, before it is known which will stay
 * (see `src/workers/keep-pages-worker.ts`). A page whose file is gone is
 * left out.
 */
export function linkPagesAhead(pages: [from: string, to: string][]): PagesAhead {
  if (pages.length === 0) return { keepOnly: async () => new Set(), stop: async () => {} };
  const thread = tsWorker(new URL('../workers/keep-pages-worker.ts', import.meta.url), { workerData: { pages } });
  const answer = new Promise<Set<string>>((resolve, reject) => {
    thread.on('message', (a: KeepAnswer) => ('error' in a ? reject(new Error(`keeping pages from the last build: ${a.error}`)) : resolve(new Set(a.kept))));
    thread.on('error', reject);
    thread.on('exit', (code) => reject(new Error(`The thread keeping pages stopped (exit code ${code})`)));
  });
  answer.catch(() => {});
  return {
    keepOnly(files) {
      thread.postMessage({ keep: files } satisfies KeepCommand);
      const kept = answer.finally(() => thread.terminate());
      // A build that fails first never awaits it.
      kept.catch(() => {});
      return kept;
    },
    async stop() {
      await thread.terminate();
    },
  };
}
