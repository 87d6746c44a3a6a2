import { readdir } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import type { VFile } from 'vfile';
import { buildArchive, type ArchiveOptions } from '../archive.ts';
import { seedExtensions } from '../pipeline.ts';
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

/** Extracts every seed once and merges the story, through the same pipeline as the extract command. */
export async function readSeeds(dir: string, registry: Registry, options: ArchiveOptions = {}): Promise<SeedsRead> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && seedExtensions.has(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort();
  // Relative paths keep the machine's folders out of messages and downloads.
  const paths = names.map((name) => relative(process.cwd(), join(dir, name)) || name);
  const archive = await buildArchive(paths, registry, options);
  const failed = new Set(archive.failed);
  return { records: archive.records, story: archive.story, files: archive.files, failed: archive.files.filter((f) => failed.has(f.path)) };
}
