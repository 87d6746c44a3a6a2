// What each page of the last build was rendered from (see src/site/page-plan.ts),
// and where its later pages of lists stood (src/site/moved-pages.ts), kept
// beside the extraction cache. A file that is missing, does not parse or
// belongs to another output folder means no page is kept: a full render.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RunAnchor } from '../types.ts';
import { cacheDir } from './extraction-cache.ts';

const file = () => join(cacheDir(), 'pages.json');

export interface LastBuild {
  /** Fingerprints by URL path, and of search bundles by key. */
  pages: Record<string, string>;
  anchors: Record<string, RunAnchor>;
}

// An anchor's address becomes a file's path: only the shapes this code writes
// pass, so an edited or garbled file cannot send a page outside the site.
const safePath = /^(?:\/[A-Za-z0-9_-]+)+\/$/;
const dateValue = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function isAnchor(url: string, value: unknown): value is RunAnchor {
  const a = value as Partial<RunAnchor> | null;
  const from = a?.from as Partial<NonNullable<RunAnchor['from']>> | null | undefined;
  return (
    safePath.test(url) &&
    typeof a?.first === 'string' &&
    safePath.test(a.first) &&
    typeof a.list === 'string' &&
    /^[a-z]+$/.test(a.list) &&
    (from === null || (typeof from?.value === 'string' && dateValue.test(from.value) && ['day', 'week', 'month', 'year'].includes(from.precision as string)))
  );
}

export async function loadLastBuild(output: string): Promise<LastBuild> {
  try {
    const stored = JSON.parse(await readFile(file(), 'utf8')) as { output?: unknown; pages?: unknown; anchors?: unknown };
    if (stored.output !== resolve(output) || !stored.pages || typeof stored.pages !== 'object') return { pages: {}, anchors: {} };
    const anchors = Object.entries(stored.anchors && typeof stored.anchors === 'object' ? stored.anchors : {}).filter(([url, a]) => isAnchor(url, a));
    return { pages: stored.pages as Record<string, string>, anchors: Object.fromEntries(anchors) };
  } catch {
    return { pages: {}, anchors: {} };
  }
}

/** Written whole and renamed into place, so a crash leaves the old file or none. */
export async function saveLastBuild(output: string, build: LastBuild): Promise<void> {
  await mkdir(cacheDir(), { recursive: true });
  const temp = `${file()}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ output: resolve(output), ...build }));
  await rename(temp, file());
}
