import { readFileSync } from 'node:fs';
import { extname, basename } from 'node:path';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import { decodeSeed, SeedReadError } from './read/decode.ts';
import { splitFrontMatter } from './read/front-matter.ts';
import plainTextParse from './read/plain-text-parser.ts';
import removeBoilerplate from './steps/boilerplate/index.ts';
import readMetadata from './steps/metadata.ts';
import collectSentences from './steps/sentences.ts';
import findPeople from './steps/people/index.ts';
import findTariffs from './steps/tariffs.ts';
import findDeadlines from './steps/deadlines.ts';
import findVenues from './steps/venues.ts';
import findEvents from './steps/events.ts';
import { toArticleRecord } from './record.ts';
import type { AssumedDate } from './steps/metadata.ts';
import type { ArticleRecord, Registry } from './types.ts';

export const seedExtensions = new Set(['.txt', '.md', '.markdown']);

// Attaching the steps compiles the registry into matchers: do it once per registry, not per file.
const processors = new WeakMap<Registry, { markdown: ReturnType<typeof buildProcessor>; text: ReturnType<typeof buildProcessor> }>();

function createProcessor(markdown: boolean, registry: Registry) {
  let cached = processors.get(registry);
  if (!cached) {
    cached = { markdown: buildProcessor(true, registry), text: buildProcessor(false, registry) };
    processors.set(registry, cached);
  }
  return markdown ? cached.markdown : cached.text;
}

function buildProcessor(markdown: boolean, registry: Registry) {
  const base = markdown ? unified().use(remarkParse) : unified().use(plainTextParse);
  return (base as unknown as Processor<Root, Root, Root>)
    .use(removeBoilerplate)
    .use(collectSentences)
    .use(readMetadata)
    .use(findPeople, { registry })
    .use(findTariffs, { registry })
    .use(findDeadlines)
    .use(findVenues, { registry })
    .use(findEvents, { registry })
    .freeze();
}

export interface ExtractResult {
  /** Null when the file could not be read as an article; its messages say why. */
  record: ArticleRecord | null;
  file: VFile;
}

/** Extracts one article from text already read; `path` names it in messages and on the record. */
export interface ExtractOptions {
  /** The date to read an undated article against, inferred from the rest of the archive. */
  assumedDate?: AssumedDate;
}

export async function extractText(bytes: Uint8Array, path: string, registry: Registry, options: ExtractOptions = {}): Promise<ExtractResult> {
  const file = new VFile({ path });
  if (options.assumedDate) file.data.assumedDate = options.assumedDate;
  try {
    const { data, body } = splitFrontMatter(decodeSeed(bytes));
    file.value = body;
    file.data.frontMatter = data;
  } catch (error) {
    if (!(error instanceof SeedReadError)) throw error;
    const message = file.message(error.message, {
      place: error.line ? { line: error.line, column: 1 } : undefined,
      ruleId: error.ruleId,
      source: 'archive',
    });
    message.fatal = true;
    return { record: null, file };
  }
  const processor = createProcessor(['.md', '.markdown'].includes(extname(path).toLowerCase()), registry);
  // Every step is synchronous: running them so spares a promise and a turn of the event loop per file.
  processor.runSync(processor.parse(file), file);
  return { record: toArticleRecord(file, basename(path)), file };
}

/**
 * A seed's bytes, or the file with a message saying why it cannot be read.
 * Read synchronously: an archive's thousands of small files read one after
 * another take a sixth of the time they take as promises all in flight.
 */
export function readSeedBytes(path: string): Uint8Array | ExtractResult {
  try {
    return readFileSync(path);
  } catch (error) {
    const file = new VFile({ path });
    const message = file.message(`Cannot read file: ${(error as Error).message}`, { ruleId: 'unreadable', source: 'archive' });
    message.fatal = true;
    return { record: null, file };
  }
}

/** Reads a seed file and extracts its record. */
export async function extractSeed(path: string, registry: Registry, options: ExtractOptions = {}): Promise<ExtractResult> {
  const bytes = readSeedBytes(path);
  return bytes instanceof Uint8Array ? extractText(bytes, path, registry, options) : bytes;
}
