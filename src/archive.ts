import { readFile } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { thisWeek } from './dates/calendar.ts';
import { extractText } from './pipeline.ts';
import { buildStory } from './story/index.ts';
import type { ArticleRecord, Registry, Story } from './types.ts';

export interface Archive {
  records: ArticleRecord[];
  story: Story;
  /** Every file's messages, the failed ones included. */
  files: VFile[];
  /** Files that could not be read as articles. */
  failed: string[];
}

/**
 * Extracts every seed once, dates undated articles from what the others
 * report (reading them again against that date), and merges the story.
 */
export async function buildArchive(paths: string[], registry: Registry): Promise<Archive> {
  const bytes = await Promise.all(paths.map((p) => readFile(p)));
  const results = await Promise.all(paths.map((p, i) => extractText(bytes[i]!, p, registry)));
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
      results[i] = await extractText(bytes[i]!, paths[i]!, registry, { assumedDate });
      results[i]!.file.info(`Undated article placed at ${inferred.from}${inferred.to !== inferred.from ? ` to ${inferred.to}` : ''} from what other articles report`, {
        ruleId: 'inferred-date',
        source: 'archive',
      });
    }
    records = results.flatMap((r) => r.record ?? []);
    const inferredDates = story.inferredDates;
    story = { ...buildStory(records), inferredDates };
  }
  return {
    records,
    story,
    files: results.map((r) => r.file),
    failed: results.filter((r) => !r.record).map((r) => r.file.path),
  };
}
