import { matchesOf } from '../../text/matches.ts';

// Who said a quoted passage: the name or pronoun next to a verb of saying
// ("…,” Akazawa said; “…,” he stated), a pronoun standing for the subject of
// the sentence before. A quote of a few words is a scare quote, not speech.

const saying = '(?:said|says|stated|wrote|told|added|noted|insisted|argued|warned|explained|posted|asked)';
const quoted = /[“"]([^”"]{12,})[”"]/g;

export interface QuoteSpan {
  text: string;
  index: number;
}

export function quotesIn(sentence: string): QuoteSpan[] {
  return matchesOf(quoted, sentence)
    .filter((m) => m[1]!.trim().split(/\s+/).length >= 4)
    .map((m) => ({ text: m[1]!.trim().replace(/,$/, ''), index: m.index }));
}

const speakerAfter = new RegExp(`[”"]\\s*,?\\s*(he|she|[\\p{Lu}][\\p{L}.'’-]+(?:\\s+[\\p{Lu}][\\p{L}.'’-]+)*)\\s+${saying}\\b`, 'u');
const speakerInverted = new RegExp(`[”"]\\s*,?\\s*${saying}\\s+([\\p{Lu}][\\p{L}.'’-]+(?:\\s+[\\p{Lu}][\\p{L}.'’-]+)*)`, 'u');
const speakerBefore = new RegExp(`(he|she|[\\p{Lu}][\\p{L}.'’-]+)\\s+${saying}[^“"]{0,40}[:,]?\\s*[“"]`, 'u');

/** The speaker's words as written next to the quote: a name, or "he"/"she". */
export function attributionIn(sentence: string): { who: string; index: number } | null {
  const after = speakerAfter.exec(sentence);
  if (after) return { who: after[1]!, index: after.index + after[0].indexOf(after[1]!) };
  const inverted = speakerInverted.exec(sentence);
  if (inverted) return { who: inverted[1]!, index: inverted.index + inverted[0].lastIndexOf(inverted[1]!) };
  const before = speakerBefore.exec(sentence);
  if (before) return { who: before[1]!, index: before.index };
  return null;
}
