import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteArticle } from '../types.ts';

type PageText = Pick<SiteArticle, 'paragraphs' | 'removed'>;

export interface ParkedText {
  /** Gives these articles their text back, those that were parked. */
  restore(articles: Iterable<SiteArticle>): void;
  /** Closes the file (and removes it where it is still there), once; the text not restored by then is lost. */
  close(): void;
}

/**
 * Moves the text of articles whose pages render in a later Eleventy run
 * (their paragraphs and the blocks removed from them) into a file until that
 * run. At 10,000 articles it is 67 MB of the model, alive through the first
 * runs, where the build's memory peaks. It holds no reference to the rest of
 * the model, unlike the facts, so it comes back from JSON as it went.
 */
export function parkPageText(articles: SiteArticle[]): ParkedText {
  const dir = mkdtempSync(join(tmpdir(), 'archive-page-text-'));
  let fd: number;
  try {
    fd = openSync(join(dir, 'text.json'), 'w+');
  } finally {
    // The open file outlives its name, and a build that is killed leaves nothing behind.
    // Where an open file cannot be removed (Windows), it goes on close.
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {}
  }
  const places = new Map<SiteArticle, [position: number, length: number]>();
  try {
    let position = 0;
    for (const article of articles) {
      const text: PageText = { paragraphs: article.paragraphs, removed: article.removed };
      const bytes = Buffer.from(JSON.stringify(text));
      writeSync(fd, bytes, 0, bytes.length, position);
      places.set(article, [position, bytes.length]);
      position += bytes.length;
      article.paragraphs = [];
      article.removed = [];
    }
  } catch (error) {
    // Not one article may go without its text: whatever was parked comes back before the error goes on.
    restoreFrom(fd, places, places.keys());
    close(fd, dir);
    throw error;
  }
  let closed = false;
  return {
    restore: (batch) => restoreFrom(fd, places, batch),
    close: () => {
      if (!closed) close(fd, dir);
      closed = true;
    },
  };
}

function restoreFrom(fd: number, places: Map<SiteArticle, [number, number]>, articles: Iterable<SiteArticle>): void {
  for (const article of articles) {
    const place = places.get(article);
    if (!place) continue;
    const bytes = Buffer.allocUnsafe(place[1]);
    readSync(fd, bytes, 0, place[1], place[0]);
    const text = JSON.parse(bytes.toString('utf8')) as PageText;
    article.paragraphs = text.paragraphs;
    article.removed = text.removed;
    places.delete(article);
  }
}

function close(fd: number, dir: string): void {
  closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
}
