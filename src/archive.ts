import type { VFile } from 'vfile';
import { thisWeek } from './dates/calendar.ts';
import { extractText, readSeedBytes } from './pipeline.ts';
import { buildStory } from './story/index.ts';
import type { ArticleRecord, InferredDate, Registry, Story, StoryEvent } from './types.ts';

export interface Archive {
  records: ArticleRecord[];
  story: Story;
  /** Every file's messages, the failed ones included. */
  files: VFile[];
  /** Files that could not be read as articles. */
  failed: string[];
}

/**
 * The events that placed an undated article, as the final story names them:
 * merging the article's own reports in can add people to an event and so
 * change its id.
 */
function rebased(inferred: InferredDate, before: StoryEvent[], after: StoryEvent[]): string[] {
  return inferred.basis.flatMap((id) => {
    const old = before.find((e) => e.id === id);
    const now = old && after.find((e) => e.type === old.type && e.date === old.date && old.participants.every((p) => e.participants.includes(p)));
    return now ? [now.id] : [];
  });
}

/**
 * Extracts every seed once, dates undated articles from what the others
 * report (reading them again against that date), and merges the story.
 */
export async function buildArchive(paths: string[], registry: Registry): Promise<Archive> {
  const bytes = await Promise.all(paths.map(readSeedBytes));
  const results = await Promise.all(paths.map((p, i) => (bytes[i] instanceof Uint8Array ? extractText(bytes[i], p, registry) : bytes[i]!)));
  let records = results.flatMap((r) => r.record ?? []);
  let story = buildStory(records);
  if (story.inferredDates.length) {
    for (const inferred of story.inferredDates) {
      const i = results.findIndex((r) => r.record?.file === inferred.article);
      const assumedDate = {
        value: inferred.precision === 'week' ? thisWeek(inferred.from).value : inferred.precision === 'month' ? inferred.from.slice(0, 7) : inferred.from,
        precision: inferred.precision,
        reference: inferred.from,
      };
      results[i] = await extractText(bytes[i] as Uint8Array, paths[i]!, registry, { assumedDate });
      results[i]!.file.info(`Undated article placed at ${inferred.from}${inferred.to !== inferred.from ? ` to ${inferred.to}` : ''} from what other articles report`, {
        ruleId: 'inferred-date',
        source: 'archive',
      });
    }
    records = results.flatMap((r) => r.record ?? []);
    const first = story;
    story = buildStory(records);
    story.inferredDates = first.inferredDates.map((inferred) => ({ ...inferred, basis: rebased(inferred, first.events, story.events) }));
  }
  return {
    records,
    story,
    files: results.map((r) => r.file),
    failed: results.filter((r) => !r.record).map((r) => r.file.path),
  };
}
