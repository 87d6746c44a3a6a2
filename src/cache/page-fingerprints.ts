// What each page of the last build was rendered from (see src/site/page-plan.ts),
// kept beside the extraction cache. A file that is missing, does not parse or
// belongs to another output folder means no page is kept: a full render.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isPagePath } from '../site/keep-page.ts';
import { cacheDir } from './extraction-cache.ts';

const file = () => join(cacheDir(), 'pages.json');

export async function loadFingerprints(output: string): Promise<Record<string, string>> {
  try {
    const stored = JSON.parse(await readFile(file(), 'utf8')) as { output?: unknown; pages?: unknown };
    if (stored.output !== resolve(output) || !stored.pages || typeof stored.pages !== 'object') return {};
    // A page's URL path names the files kept and removed: one of another shape, from an edited file, is not one this build wrote.
    return Object.fromEntries(Object.entries(stored.pages).filter(([key]) => !key.startsWith('/') || isPagePath(key)));
  } catch {
    return {};
  }
}

/** Written whole and renamed into place, so a crash leaves the old file or none. */
export async function saveFingerprints(output: string, pages: Record<string, string>): Promise<void> {
  await mkdir(cacheDir(), { recursive: true });
  const temp = `${file()}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ output: resolve(output), pages }));
  await rename(temp, file());
}
