// The addresses a site has published, kept in the site itself: unlike the
// cache, it goes wherever the site goes, survives a cleared `.cache/` and a
// build into another folder, and is read back only from the folder it was
// written to. Its anchors say where each later page of a list stood, so that
// later builds can answer those addresses (src/site/moved-pages.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunAnchor } from '../types.ts';
import { isPagePath } from './keep-page.ts';

const fileIn = (site: string) => join(site, '.published-addresses.json');

const dateValue = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

// An address becomes a file's path: only the shapes the build writes pass,
// so an edited or garbled file cannot send a page outside the site.
function isAnchor(url: string, value: unknown): value is RunAnchor {
  const a = value as Partial<RunAnchor> | null;
  const from = a?.from as Partial<NonNullable<RunAnchor['from']>> | null | undefined;
  return (
    isPagePath(url) &&
    typeof a?.first === 'string' &&
    isPagePath(a.first) &&
    typeof a.list === 'string' &&
    /^[a-z]+$/.test(a.list) &&
    url.startsWith(`${a.first}${a.list}/`) &&
    typeof a.start === 'string' &&
    /^[0-9a-z]{6}$/.test(a.start) &&
    (from === null || (typeof from?.value === 'string' && dateValue.test(from.value) && ['day', 'week', 'month', 'year'].includes(from.precision as string)))
  );
}

/** The anchors the site in `site` was built with; none when it has no such file, or one that does not parse. */
export async function readPublished(site: string): Promise<Record<string, RunAnchor>> {
  try {
    const stored = JSON.parse(await readFile(fileIn(site), 'utf8')) as { anchors?: unknown };
    const anchors = stored.anchors && typeof stored.anchors === 'object' ? Object.entries(stored.anchors) : [];
    return Object.fromEntries(anchors.filter(([url, anchor]) => isAnchor(url, anchor)));
  } catch {
    return {};
  }
}

/**
 * Written into the new site before it is swapped in, so that the two go
 * together; in address order, so that the same addresses give the same file
 * however many builds they took to gather.
 */
export async function writePublished(site: string, anchors: Record<string, RunAnchor>): Promise<void> {
  const sorted = Object.keys(anchors).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await writeFile(fileIn(site), JSON.stringify({ anchors: Object.fromEntries(sorted.map((url) => [url, anchors[url]])) }));
}
