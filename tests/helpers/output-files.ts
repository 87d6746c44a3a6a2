import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * The site's own HTML pages. Pagefind's folder is left out: it is generated
 * by a third-party tool and is not part of what the templates produce.
 */
export async function listHtmlPages(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
}

/** The URL path (under the prefix) a static host serves an output file at. */
export function urlPathFor(file: string): string {
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}
