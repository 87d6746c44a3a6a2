import type { VFile } from 'vfile';
import type { ExtractionCache } from './cache/extraction-cache.ts';
import { thisWeek } from './dates/calendar.ts';
import { extractSeeds } from './extract-seeds.ts';
import { extractText, readSeedBytes, type ExtractResult } from './pipeline.ts';
import { bucketBy } from './story/buckets.ts';
import { buildStory, placeUndated } from './story/index.ts';
import type { ArticleRecord, InferredDate, Registry, Story, StoryEvent } from './types.ts';

export interface Archive {
  records: ArticleRecord[];
  story: Story;
  /** Every file's messages, the failed ones included. */
  files: VFile[];
  /** Files that could not be read as articles. */
  failed: string[];
}

export interface ArchiveOptions {
  /** Where earlier extractions are kept; without one every seed is read afresh. */
  cache?: ExtractionCache;
  /** Called as each seed's first reading finishes. */
  onProgress?: (done: number, total: number) => void;
  /** How many seeds not in the cache make extraction run on worker threads too, one per other core (default `workersFrom`). */
  workersFrom?: number;
}

/** Two fields agree unless both are known and differ. */
const agree = (a: string | null, b: string | null) => a === null || b === null || a === b;

/**
 * A second copy of an article (the same text, with no date or source that
 * tells it apart: a seed saved twice, once without its front matter) would
 * count every event and quote twice; it is left out of the archive with a
 * warning naming the first copy, which keeps its place. The same text under
 * another date or source is a republication and stays an article of its own.
 */
function leaveOutCopies(results: ExtractResult[]): Set<string> {
  const earlier = new Map<string, ArticleRecord[]>();
  const copies = new Set<string>();
  for (const { record, file } of results) {
    const text = record?.body.replace(/\s+/g, ' ').trim();
    if (!record || !text) continue;
    const same = earlier.get(text) ?? [];
    const first = same.find((r) => agree(r.published, record.published) && agree(r.source, record.source));
    if (!first) {
      earlier.set(text, [...same, record]);
      continue;
    }
    copies.add(record.file);
    file.message(`Duplicate article: the same text as ${first.file}; this copy is left out of the site`, {
      place: { line: 1, column: 1 },
      ruleId: 'duplicate-article',
      source: 'archive',
    });
  }
  return copies;
}

/**
 * The events that placed an undated article, as the final story names them:
 * merging the article's own reports in can add people to an event and so
 * change its id. Looked up by id and by kind and day: a large archive places
 * hundreds of articles among tens of thousands of events.
 */
function rebased(inferred: InferredDate[], before: StoryEvent[], after: StoryEvent[]): InferredDate[] {
  const byId = bucketBy(before, (e) => e.id);
  const byDay = bucketBy(after, (e) => `${e.type}|${e.date}`);
  return inferred.map((placed) => ({
    ...placed,
    basis: placed.basis.flatMap((id) => {
      const old = byId.get(id)?.[0];
      const now = old && byDay.get(`${old.type}|${old.date}`)?.find((e) => old.participants.every((p) => e.participants.includes(p)));
      return now ? [now.id] : [];
    }),
  }));
}

/**
 * Extracts every seed once, dates undated articles from what the others
 * report (reading them again against that date), and merges the story.
 */
export async function buildArchive(paths: string[], registry: Registry, options: ArchiveOptions = {}): Promise<Archive> {
  const bytes = paths.map(readSeedBytes);
  const results = await extractSeeds(paths, bytes, registry, options);
  const copies = leaveOutCopies(results);
  const kept = () => results.flatMap((r) => (r.record && !copies.has(r.record.file) ? [r.record] : []));
  let records = kept();
  // The disagreements wait for the final records: undated articles read again change them.
  const placed = placeUndated(records);
  let story: Story;
  if (placed.inferredDates.length === 0) story = buildStory(records, placed);
  else {
    const extract = options.cache?.extract ?? extractText;
    // Reading a seed again against a date gives it a record again, so these stay right.
    const resultOf = bucketBy(results.keys(), (i) => results[i]!.record?.file ?? null);
    for (const inferred of placed.inferredDates) {
      const i = resultOf.get(inferred.article)![0]!;
      const assumedDate = {
        value: inferred.precision === 'week' ? thisWeek(inferred.from).value : inferred.precision === 'month' ? inferred.from.slice(0, 7) : inferred.from,
        precision: inferred.precision,
        reference: inferred.from,
      };
      results[i] = await extract(bytes[i] as Uint8Array, paths[i]!, registry, { assumedDate });
      results[i]!.file.info(`Undated article placed at ${inferred.from}${inferred.to !== inferred.from ? ` to ${inferred.to}` : ''} from what other articles report`, {
        ruleId: 'inferred-date',
        source: 'archive',
      });
    }
    records = kept();
    story = buildStory(records);
    story.inferredDates = rebased(placed.inferredDates, placed.events, story.events);
  }
  return {
    records,
    story,
    files: results.map((r) => r.file),
    failed: results.filter((r) => !r.record).map((r) => r.file.path),
  };
}
