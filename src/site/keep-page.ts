import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeepAnswer } from '../workers/keep-pages-worker.ts';
import { tsWorker } from '../workers/ts-worker.ts';

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

/** Keeps these pages (each from the previous build's file to the new one's) on a thread of its own; resolves once all are in place. */
export function keepPages(pages: [from: string, to: string][]): Promise<void> {
  if (pages.length === 0) return Promise.resolve();
  const thread = tsWorker(new URL('../workers/keep-pages-worker.ts', import.meta.url), { workerData: { pages } });
  return new Promise<void>((resolve, reject) => {
    thread.on('message', (answer: KeepAnswer) => ('error' in answer ? reject(new Error(`keeping pages from the last build: ${answer.error}`)) : resolve()));
    thread.on('error', reject);
    thread.on('exit', (code) => reject(new Error(`The thread keeping pages stopped (exit code ${code})`)));
  }).finally(() => thread.terminate());
}
