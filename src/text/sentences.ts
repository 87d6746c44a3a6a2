import { matchesOf } from './matches.ts';

// Splits a paragraph into sentences. News copy is full of periods that end
// nothing ("U.S. President", "Aug. 1", "Donald J. Trump", "2.5%"), so a
// period ends a sentence only when the word before it is not one of those.

const abbreviations = new Set(
  [
    'u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gov', 'sen', 'rep', 'gen', 'lt',
    'col', 'sgt', 'prof', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'etc', 'approx', 'dept', 'est', 'jan', 'feb',
    'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu',
    'thur', 'thurs', 'fri', 'sat', 'sun', 'a.m', 'p.m', 'l.p',
  ],
);

// After these abbreviations a capitalised sentence opener still starts a new sentence.
const mayEndSentence = new Set(['u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'a.m', 'p.m', 'etc', 'inc', 'corp', 'co', 'ltd', 'l.p']);
const sentenceOpeners = /^(The|This|That|These|Those|He|She|It|They|We|I|But|And|In|On|At|A|An|His|Her|Its|Their|Both|Officials)\b/;

export interface SentenceSpan {
  text: string;
  /** Offset of the sentence in the paragraph. */
  start: number;
}

const boundary = /([.!?]+)(["”’')\]]*)(\s+)(?=["“‘(\[]?[\p{Lu}\p{N}])/gu;

function quoteOpen(text: string): boolean {
  const curly = (text.match(/“/g)?.length ?? 0) - (text.match(/”/g)?.length ?? 0);
  const straight = text.match(/"/g)?.length ?? 0;
  return curly > 0 || straight % 2 === 1;
}

const wordChar = /[\p{L}.]/uy;

/** The letters and full stops that end a text, as `/[\p{L}.]+$/u` finds them, read from the end rather than tried at every position. */
function trailingWord(text: string): string {
  let start = text.length;
  while (start > 0) {
    const width = start >= 2 && /[\udc00-\udfff]/.test(text[start - 1]!) && /[\ud800-\udbff]/.test(text[start - 2]!) ? 2 : 1;
    wordChar.lastIndex = start - width;
    if (!wordChar.test(text)) break;
    start -= width;
  }
  return text.slice(start);
}

export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of matchesOf(boundary, paragraph)) {
    const end = match.index + match[1]!.length + match[2]!.length;
    const before = paragraph.slice(start, match.index);
    const written = trailingWord(before).replace(/^\.+/, '');
    const word = written.toLowerCase();
    const next = paragraph.slice(end + match[3]!.length);
    if (match[1] === '.' && match[2] === '') {
      // An initial ("Donald J. Trump"), tested as written: lower-cased, it would look like any one-letter word.
      if (/^\p{Lu}$/u.test(written)) continue;
      if (abbreviations.has(word) && !(mayEndSentence.has(word) && sentenceOpeners.test(next))) continue;
    }
    // Inside a quotation that closes later, a full stop does not end the sentence.
    if (quoteOpen(paragraph.slice(start, end)) && /[”"]/.test(paragraph.slice(end))) continue;
    const text = paragraph.slice(start, end).trim();
    if (text) spans.push({ text, start: start + (paragraph.slice(start).length - paragraph.slice(start).trimStart().length) });
    start = end + match[3]!.length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) spans.push({ text: rest, start: start + (paragraph.slice(start).length - paragraph.slice(start).trimStart().length) });
  return spans;
}
