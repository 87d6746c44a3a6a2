import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { files, root } from '../site/support.ts';

/** A scratch project: a copy of the seeds, a cache and a folder to build into, under one temp folder. */
export interface Scratch {
  dir: string;
  seeds: string;
  output: string;
  /** The environment that points a build at this scratch project. */
  env: Record<string, string>;
}

export async function scratchProject(): Promise<Scratch> {
  const dir = await mkdtemp(join(tmpdir(), 'curator-'));
  const seeds = join(dir, 'seeds');
  await cp(join(root, 'seeds'), seeds, { recursive: true });
  // A private cache: a test's seeds must not fill the project's own.
  return { dir, seeds, output: join(dir, 'site'), env: { ARCHIVE_SEEDS: seeds, ARCHIVE_CACHE: join(dir, 'cache') } };
}

/** One hash over every file's path and bytes: equal means the folder is byte-for-byte as it was. */
export async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await files(dir)) hash.update(`${file}\0`).update(await readFile(join(dir, file))).update('\0');
  return hash.digest('hex');
}

/**
 * The article pages of a built site, by slug: the folders under `articles/`
 * whose page is an article, not the address of one taken out, which says so.
 */
export async function articleSlugs(site: string): Promise<string[]> {
  const folders = (await readdir(join(site, 'articles'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const slugs: string[] = [];
  for (const name of folders) if ((await readFile(join(site, 'articles', name, 'index.html'), 'utf8')).includes('<article class="article"')) slugs.push(name);
  return slugs.sort();
}
