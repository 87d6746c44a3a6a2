import type { VFile } from 'vfile';
import { slugify } from './text/slug.ts';
import type { ArticleRecord } from './types.ts';

/** Gathers what the steps left in `file.data` into the article record. */
export function toArticleRecord(file: VFile, fileName: string): ArticleRecord {
  const d = file.data;
  const meta = d.meta!;
  const paragraphs = d.paragraphs ?? [];
  const stem = fileName.replace(/\.[^.]+$/, '');
  return {
    file: file.path,
    slug: slugify(meta.title ?? stem, 'article'),
    ...meta,
    body: paragraphs.map((p) => p.text).join('\n\n'),
    paragraphs,
    removed: d.removed ?? [],
    people: d.people ?? [],
    tariffs: d.tariffs ?? [],
    deadlines: d.deadlines ?? [],
    venues: d.venues ?? [],
    events: d.events ?? [],
    messages: file.messages.map((m) => ({
      line: m.line ?? null,
      column: m.column ?? null,
      reason: m.reason,
      ruleId: m.ruleId ?? null,
      fatal: m.fatal === true,
    })),
  };
}
