// Extraction results kept on disk, so that a rebuild reads only new or changed
// seeds. An entry's key covers everything that decides the result: the
// extraction code, the registry, the seed's path and bytes, and the date an
// undated article is read against. Entries are written whole (a temporary file
// renamed into place) and one that does not parse or does not carry its own
// key is a miss, so a crash or a full disk can cost time but never a wrong
// page. Deleting the folder is always safe.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText, type ExtractOptions, type ExtractResult } from '../pipeline.ts';
import { fromStored, toStored, type StoredResult } from '../stored-result.ts';
import type { ArticleRecord, Registry } from '../types.ts';

export const cacheDir = () => resolve(process.env.ARCHIVE_CACHE ?? '.cache');

const srcRoot = fileURLToPath(new URL('../', import.meta.url));
// Type-only imports are left out: they change no result, and types.ts changes often.
const relativeImport = /\b(?:import|export)\b(?!\s+type\b)[^'"]*?['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * The files extraction runs: `src/pipeline.ts` and everything it imports from
 * this project, followed by their relative imports. Following the imports
 * rather than listing folders keeps the cache honest when a step starts using
 * a helper from somewhere new.
 */
export async function extractionSources(entry = join(srcRoot, 'pipeline.ts')): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  const queue = [resolve(entry)];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (sources.has(file)) continue;
    // A match inside a comment or a string can name no file; it is passed over.
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    sources.set(file, text);
    for (const [, specifier] of text.matchAll(relativeImport)) queue.push(resolve(dirname(file), specifier!));
  }
  return sources;
}

/** Changes whenever extraction code or the parsers and date library it depends on change. */
async function extractorVersion(): Promise<string> {
  const hash = createHash('sha256');
  for (const [file, text] of await extractionSources()) hash.update(`${relative(srcRoot, file)}\0${text}\0`);
  hash.update(await readFile(join(srcRoot, '..', 'package-lock.json')).catch(() => ''));
  return hash.digest('hex').slice(0, 16);
}

interface Entry extends StoredResult {
  key: string;
}

function isEntry(value: unknown, key: string): value is Entry {
  const entry = value as Partial<Entry> | null;
  return entry?.key === key && Array.isArray(entry.messages) && (entry.record === null || typeof entry.record === 'object');
}

export class ExtractionCache {
  /** Seeds (by path) whose every read in this run came from the cache. */
  private readonly hits = new Set<string>();
  private readonly misses = new Set<string>();
  private readonly registryHashes = new WeakMap<Registry, string>();
  /** The entry file of each record this run read from the cache or wrote to it. */
  private readonly entries = new WeakMap<ArticleRecord, string>();
  /** Every entry lives in `dir`: made once per run, not once per entry (a cold build of 10,000 seeds spent seconds on it). */
  private made: Promise<unknown> | undefined;

  private constructor(private readonly dir: string) {}

  /** Opens the cache for the current extraction code, clearing entries made by other versions of it. */
  static async open(root = cacheDir()): Promise<ExtractionCache> {
    const base = join(root, 'extract');
    const version = await extractorVersion();
    for (const old of await readdir(base).catch(() => [])) {
      if (old !== version) await rm(join(base, old), { recursive: true, force: true });
    }
    return new ExtractionCache(join(base, version));
  }

  /** How many seeds read this run came wholly from the cache. */
  get fromCache(): number {
    return [...this.hits].filter((path) => !this.misses.has(path)).length;
  }

  /**
   * The file that holds this record, as JSON under `record`, when the cache
   * has one: a reader of it needs no copy of the record from this thread.
   */
  entryOf(record: ArticleRecord): string | undefined {
    return this.entries.get(record);
  }

  /**
   * The name of this record's entry, the same wherever the cache folder is:
   * the extraction version and the key, which change whenever the record
   * could. Undefined when the cache has no file of it.
   */
  entryName(record: ArticleRecord): string | undefined {
    const entry = this.entries.get(record);
    return entry === undefined ? undefined : relative(dirname(this.dir), entry);
  }

  private registryHash(registry: Registry): string {
    let hash = this.registryHashes.get(registry);
    if (!hash) {
      hash = createHash('sha256').update(JSON.stringify(registry)).digest('hex');
      this.registryHashes.set(registry, hash);
    }
    return hash;
  }

  /** `extractText`, answered from disk when the same input was extracted before. */
  readonly extract = async (bytes: Uint8Array, path: string, registry: Registry, options: ExtractOptions = {}): Promise<ExtractResult> => {
    const stored = await this.lookup(bytes, path, registry, options);
    if (stored) return stored;
    const result = await extractText(bytes, path, registry, options);
    await this.store(bytes, path, registry, result, options);
    return result;
  };

  /** The result kept for this input, or null when it has to be extracted. */
  async lookup(bytes: Uint8Array, path: string, registry: Registry, options: ExtractOptions = {}): Promise<ExtractResult | null> {
    const key = this.key(bytes, path, registry, options);
    // Read synchronously, as the seeds are: a build looks up every seed at once, and ten thousand reads in flight take twice as long.
    let stored: unknown = null;
    try {
      stored = JSON.parse(readFileSync(this.entryPath(key), 'utf8'));
    } catch {
      // Missing or unreadable: extracted again.
    }
    if (!isEntry(stored, key)) return null;
    this.hits.add(path);
    const result = fromStored(path, stored);
    if (result.record) this.entries.set(result.record, this.entryPath(key));
    return result;
  }

  /** Keeps a result extracted elsewhere (in this thread or another) for the next build. */
  async store(bytes: Uint8Array, path: string, registry: Registry, result: ExtractResult, options: ExtractOptions = {}): Promise<void> {
    this.misses.add(path);
    const key = this.key(bytes, path, registry, options);
    const entry: Entry = { key, ...toStored(result) };
    if ((await this.write(this.entryPath(key), JSON.stringify(entry))) && result.record) this.entries.set(result.record, this.entryPath(key));
  }

  private key(bytes: Uint8Array, path: string, registry: Registry, options: ExtractOptions): string {
    // The path is part of the key: the record and its messages name the file.
    return createHash('sha256')
      .update(`${this.registryHash(registry)}\0${path}\0${JSON.stringify(options.assumedDate ?? null)}\0`)
      .update(bytes)
      .digest('hex');
  }

  private entryPath(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** Whether the entry is now on disk. */
  private async write(path: string, text: string): Promise<boolean> {
    const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await (this.made ??= mkdir(this.dir, { recursive: true }));
      await writeFile(temp, text);
      await rename(temp, path);
      return true;
    } catch {
      // A cache that cannot be written (read-only checkout, full disk, folder
      // cleared by another build) only costs the next build time; the next
      // entry tries making the folder again.
      this.made = undefined;
      await rm(temp, { force: true });
      return false;
    }
  }
}
