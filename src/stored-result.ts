// An extraction result as plain data, for the cache on disk and for the
// threads that extract a large build: the record, and the messages as
// `vfile-reporter` reads them. The rest of the build reads nothing else of the
// file (what the steps left in `file.data` is already in the record).
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { ExtractResult } from './pipeline.ts';
import type { ArticleRecord } from './types.ts';

/** What `vfile-reporter` reads from a message. */
type StoredMessage = Pick<VFileMessage, 'reason' | 'place' | 'ruleId' | 'source' | 'fatal' | 'note' | 'url'>;

export interface StoredResult {
  record: ArticleRecord | null;
  messages: StoredMessage[];
}

export function toStored({ record, file }: ExtractResult): StoredResult {
  return {
    record,
    messages: file.messages.map((m) => ({ reason: m.reason, place: m.place, ruleId: m.ruleId, source: m.source, fatal: m.fatal, note: m.note, url: m.url })),
  };
}

export function fromStored(path: string, stored: StoredResult): ExtractResult {
  const file = new VFile({ path });
  for (const m of stored.messages) {
    const message = file.message(m.reason, { place: m.place, ruleId: m.ruleId, source: m.source });
    // `file.message` makes a warning; errors and notes get their own kind back.
    message.fatal = m.fatal;
    if (m.note !== undefined) message.note = m.note;
    if (m.url !== undefined) message.url = m.url;
  }
  return { record: stored.record, file };
}
