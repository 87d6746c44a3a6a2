import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { SearchPlan } from './page-plan.ts';

export interface Indexed {
  /** Bundles indexed afresh, and kept from the previous build. */
  indexed: number;
  kept: number;
  /** Each bundle's fingerprint, by `pagefind:<key>`, for the next build. */
  fingerprints: Record<string, string>;
}

// Pagefind's package exports no package.json; its folder is found from its entry point.
const pagefindEntry = fileURLToPath(import.meta.resolve('pagefind'));
const pagefindVersion = JSON.parse(await readFile(join(pagefindEntry.slice(0, pagefindEntry.lastIndexOf('/node_modules/pagefind/')), 'node_modules/pagefind/package.json'), 'utf8')).version as string;
// A bundle depends on its pages, on Pagefind and on how this file calls it.
const indexingKey = createHash('sha256')
  .update(pagefindVersion)
  .update(await readFile(fileURLToPath(import.meta.url)))
  .digest('base64url');

async function keepBundle(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, source.slice(from.length));
    await mkdir(dirname(target), { recursive: true });
    await link(source, target).catch(() => copyFile(source, target));
  }
}

/**
 * Indexes the rendered pages for the search page, one Pagefind bundle per
 * shard at `pagefind/<key>/`. A shard whose pages are all as in the previous
 * build keeps that build's bundle.
 */
export async function indexSearch(output: string, plan: SearchPlan, previous?: { dir: string; fingerprints: Record<string, string> }): Promise<Indexed> {
  const result: Indexed = { indexed: 0, kept: 0, fingerprints: {} };
  try {
    for (const shard of plan.shards) {
      const name = `pagefind:${shard.key}`;
      const fingerprint = `${indexingKey}.${shard.fingerprint}`;
      result.fingerprints[name] = fingerprint;
      const bundle = join('pagefind', shard.key);
      if (previous && previous.fingerprints[name] === fingerprint && existsSync(join(previous.dir, bundle, 'pagefind-entry.json'))) {
        await keepBundle(join(previous.dir, bundle), join(output, bundle));
        result.kept++;
        continue;
      }
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
      if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
      // A few files in flight keep Pagefind's process busy without holding every page in memory.
      for (let i = 0; i < shard.urls.length; i += 16) {
        await Promise.all(
          shard.urls.slice(i, i + 16).map(async (url) => {
            const added = await index.addHTMLFile({ url, content: await readFile(join(output, url, 'index.html'), 'utf8') });
            if (added.errors.length > 0) throw new Error(`Pagefind, ${url}: ${added.errors.join('; ')}`);
          }),
        );
      }
      const written = await index.writeFiles({ outputPath: join(output, bundle) });
      if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
      await index.deleteIndex();
      result.indexed++;
    }
    return result;
  } finally {
    await pagefind.close();
  }
}
