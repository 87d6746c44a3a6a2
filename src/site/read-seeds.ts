import { readdir } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import type { VFile } from 'vfile';
import { extractSeed, seedExtensions } from '../pipeline.ts';
import type { ArticleRecord, Registry } from '../types.ts';

export interface SeedsRead {
  /** In file-name order: the order articles joined the archive. */
  records: ArticleRecord[];
  /** Every seed's file, messages included. */
  files: VFile[];
  /** Seeds that could not be read as articles. */
  failed: VFile[];
}

/** Extracts every seed once, through the same pipeline as the extract command. */
export async function readSeeds(dir: string, registry: Registry): Promise<SeedsRead> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && seedExtensions.has(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort();
  const result: SeedsRead = { records: [], files: [], failed: [] };
  for (const name of names) {
    // Relative paths keep the machine's folders out of messages and downloads.
    const { record, file } = await extractSeed(relative(process.cwd(), join(dir, name)) || name, registry);
    result.files.push(file);
    if (record) result.records.push(record);
    else result.failed.push(file);
  }
  return result;
}
