import { constants } from 'node:fs';
import { access, readdir } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import type { VFile } from 'vfile';
import { buildArchive } from '../archive.ts';
import { extractSeed, seedExtensions } from '../pipeline.ts';
import type { ArticleRecord, Registry, Story } from '../types.ts';

export interface SeedsRead {
  /** In file-name order: the order articles joined the archive. */
  records: ArticleRecord[];
  /** What the articles tell together: merged events, disagreements, inferred dates. */
  story: Story;
  /** Every seed's file, messages included. */
  files: VFile[];
  /** Seeds that could not be read as articles. */
  failed: VFile[];
}

const readable = (path: string) =>
  access(path, constants.R_OK).then(
    () => true,
    () => false,
  );

/** Extracts every seed once and merges the story, through the same pipeline as the extract command. */
export async function readSeeds(dir: string, registry: Registry): Promise<SeedsRead> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && seedExtensions.has(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort();
  // Relative paths keep the machine's folders out of messages and downloads.
  const paths = names.map((name) => relative(process.cwd(), join(dir, name)) || name);
  // `buildArchive` throws on a file it cannot open; such a seed gets the
  // pipeline's own "cannot read" message instead, and the build stops on it.
  const open = await Promise.all(paths.map(readable));
  const archive = await buildArchive(
    paths.filter((_, i) => open[i]),
    registry,
  );
  const unreadable = await Promise.all(paths.filter((_, i) => !open[i]).map(async (p) => (await extractSeed(p, registry)).file));
  const byPath = new Map([...archive.files, ...unreadable].map((f) => [f.path, f]));
  const files = paths.map((p) => byPath.get(p)!);
  const failed = new Set([...archive.failed, ...unreadable.map((f) => f.path)]);
  return { records: archive.records, story: archive.story, files, failed: files.filter((f) => failed.has(f.path)) };
}
