import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { isDeadlineMention } from '../dates/deadline-context.ts';
import { findDateMentions } from '../dates/mentions.ts';
import { clauseAt } from '../text/clauses.ts';
import type { DeadlineRecord } from '../types.ts';
import { matchesOf } from '../text/matches.ts';

declare module 'vfile' {
  interface DataMap {
    deadlines: DeadlineRecord[];
  }
}

/** The article's own day, when it is known that precisely: relative dates resolve against it. */
export function referenceDay(file: VFile): string | null {
  const meta = file.data.meta;
  if (meta?.publishedFrom === 'inferred') return file.data.assumedDate?.reference ?? null;
  return meta?.publishedPrecision === 'day' ? meta.published : null;
}

/** What must happen by the date, in the article's words. */
function describe(sentence: string, index: number, length: number): string {
  const after = sentence.slice(index + length);
  const when = /^,?\s*when\s+([^;]+?)[.;]?$/i.exec(after);
  if (when) return when[1]!.trim();
  const clause = clauseAt(sentence, index);
  let text = clause.text;
  // "met Trump … in a bid to finalize a deal before the August 1 deadline": what is due starts at the aim.
  const by = /\b(before|by|until|ahead of)\b/i.exec(sentence.slice(clause.start, index));
  if (by) {
    const aims = matchesOf(/\bto\s+\p{L}+/gu, text.slice(0, by.index));
    if (aims.length) text = text.slice(aims.at(-1)!.index);
  }
  return text.replace(/^(and|but|as|while)\s+/i, '').replace(/[.;]$/, '').trim();
}

/** Dates by which something must happen, resolved against the article's date. */
export default function findDeadlines() {
  return (_tree: Root, file: VFile) => {
    const reference = referenceDay(file);
    const deadlines: DeadlineRecord[] = [];
    (file.data.sentences ?? []).forEach((s, i) => {
      for (const mention of findDateMentions(s.text, reference)) {
        if (!isDeadlineMention(s.text, mention)) continue;
        const tariff = file.data.tariffMentions?.find((t) => t.sentence === i)?.tariff ?? null;
        const existing = deadlines.find((d) => d.date === mention.date!.value && d.precision === mention.date!.precision);
        if (existing) {
          existing.tariff ??= tariff;
          if (!existing.evidence.some((e) => e.line === s.line && e.text === s.text)) existing.evidence.push({ text: s.text, line: s.line });
          continue;
        }
        deadlines.push({
          date: mention.date!.value,
          precision: mention.date!.precision,
          what: describe(s.text, mention.index, mention.text.length),
          tariff,
          evidence: [{ text: s.text, line: s.line }],
        });
      }
    });
    file.data.deadlines = deadlines;
  };
}
