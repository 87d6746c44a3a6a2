import { matchesOf } from './matches.ts';

// The clause around a position in a sentence: the stretch between commas,
// semicolons and dashes. Facts in one clause belong together more often
// than facts in one sentence.

const separator = /\s*(?:[;,:]|\s[—–-]\s|—)\s*/g;

export function clauseAt(sentence: string, index: number): { text: string; start: number; end: number } {
  let start = 0;
  let end = sentence.length;
  for (const m of matchesOf(separator, sentence)) {
    if (m.index + m[0].length <= index) start = m.index + m[0].length;
    else if (m.index >= index) {
      end = m.index;
      break;
    }
  }
  return { text: sentence.slice(start, end), start, end };
}

/** The nearest match of any pattern to a position, by the distance between them. */
export function nearest<T>(text: string, index: number, patterns: [RegExp, T][]): { value: T; distance: number } | null {
  let best: { value: T; distance: number } | null = null;
  for (const [pattern, value] of patterns) {
    for (const m of matchesOf(pattern, text)) {
      const distance = m.index > index ? m.index - index : Math.max(0, index - (m.index + m[0].length));
      if (!best || distance < best.distance) best = { value, distance };
    }
  }
  return best;
}
