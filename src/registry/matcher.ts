import { matchesOf } from '../text/matches.ts';
import { memo } from '../text/memo.ts';

// Finds any of a set of names in text: the registry's people, venues,
// countries and scopes. Names match whole words, with or without
// diacritics ("Ryōsei" finds "Ryosei" and back), in any case when asked.
// Names are looked up word by word from an index of their first words,
// which keeps the cost flat however many names the registry lists.

export interface NameMatch<K> {
  key: K;
  text: string;
  index: number;
  end: number;
}

interface Entry<K> {
  key: K;
  /** The name's words after the first, as compared. */
  rest: string[];
}

const word = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[.'’-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*\.?/gu;
// Scripts written without spaces have no words to index; their names are searched as they are.
const spaceless = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const stripMarks = (s: string) => (/[^\x00-\x7f]/.test(s) ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : s);
const fold = (s: string, ignoreCase: boolean) => {
  const plain = stripMarks(s).replace(/’/g, "'");
  return ignoreCase ? plain.toLowerCase() : plain;
};

interface Token {
  text: string;
  index: number;
  /** As compared by a case-sensitive matcher, whole and bare. */
  folded: string;
  bare: string;
  /** As compared by a matcher that ignores case: worked out the first time one asks. */
  lower?: string;
  lowerBare?: string;
}

const lowerOf = (t: Token) => (t.lower ??= t.folded.toLowerCase());
const lowerBareOf = (t: Token) => (t.lowerBare ??= bare(lowerOf(t)));

// A word may carry a sentence's full stop or a possessive: "Tokyo.", "Akazawa's".
function bare(folded: string): string {
  const w = folded.endsWith('.') ? folded.slice(0, -1) : folded;
  const n = w.length;
  return n >= 2 && (w[n - 2] === "'" || w[n - 2] === '’') && (w[n - 1] === 's' || w[n - 1] === 'S') ? w.slice(0, -2) : w;
}

// Every step looks the same sentences and clauses up in several matchers; split each text into words once.
const tokensOf = memo((text: string): Token[] => {
  // Plain ASCII has no marks to strip and no curly apostrophes: its words are their own folded form.
  const ascii = !/[^\x00-\x7f]/.test(text);
  return matchesOf(word, text).map((m) => {
    const folded = ascii ? m[0] : fold(m[0], false);
    return { text: m[0], index: m.index, folded, bare: bare(folded) };
  });
}, 256);

// Text of ASCII and typographic punctuation folds word by word as it folds whole.
const foldsWhole = /^[\x00-\x7f“”‘’—–…\u00a0]*$/;

/**
 * Whether a text may hold a word that starts a name. Most sentences name
 * nobody in a matcher's list; for text that folds whole, one look at it
 * settles that without splitting it into words.
 */
function mayHoldFirstWord(text: string, firstWords: string[], ignoreCase: boolean): boolean {
  if (!foldsWhole.test(text)) return true;
  const plain = text.replace(/’/g, "'");
  const folded = ignoreCase ? plain.toLowerCase() : plain;
  return firstWords.some((w) => folded.includes(w));
}

/** Whether two words follow one another, with at most a comma between them. */
const adjacent = (text: string, a: Token, b: Token) => /^,?\s+$/.test(text.slice(a.index + a.text.length, b.index));

export function createMatcher<K>(entries: { key: K; names: string[] }[], options: { ignoreCase?: boolean } = {}) {
  const ignoreCase = options.ignoreCase ?? false;
  const index = new Map<string, Entry<K>[]>();
  const literal: { key: K; name: string }[] = [];
  for (const { key, names } of entries) {
    for (const raw of names) {
      const name = raw.trim();
      if (!name) continue;
      if (spaceless.test(name)) {
        literal.push({ key, name });
        continue;
      }
      const words = (name.match(word) ?? []).map((w) => fold(w, ignoreCase));
      if (!words.length) continue;
      const list = index.get(words[0]!) ?? [];
      if (!list.some((e) => e.rest.join(' ') === words.slice(1).join(' '))) list.push({ key, rest: words.slice(1) });
      index.set(words[0]!, list);
    }
  }
  // Longest names first, so "World Expo in Osaka" wins over "Osaka".
  for (const list of index.values()) list.sort((a, b) => b.rest.length - a.rest.length);

  const firstWords = [...index.keys()];
  // Made once, not on each call: under tsx every function made in a call is also given its name.
  const folded = ignoreCase ? lowerOf : (t: Token) => t.folded;
  const foldedBare = ignoreCase ? lowerBareOf : (t: Token) => t.bare;
  const sameWord = (t: Token, w: string) => folded(t) === w || foldedBare(t) === w;
  const find = (text: string): NameMatch<K>[] => {
    const tokens = mayHoldFirstWord(text, firstWords, ignoreCase) ? tokensOf(text) : [];
    const found: NameMatch<K>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i]!;
      const whole = folded(first);
      const candidates = index.get(whole) ?? (foldedBare(first) === whole ? undefined : index.get(foldedBare(first)));
      const entry = candidates?.find((e) =>
        e.rest.every((w, k) => {
          const t = tokens[i + 1 + k];
          return t !== undefined && sameWord(t, w) && adjacent(text, tokens[i + k]!, t);
        }),
      );
      if (!entry) continue;
      const last = tokens[i + entry.rest.length]!;
      // A full stop after a name ends the sentence unless the name itself ends with one ("D.C.").
      const lastWord = entry.rest.at(-1) ?? (index.has(folded(first)) ? folded(first) : foldedBare(first));
      const end = last.index + (folded(last) === lastWord ? last.text.length : bare(last.text).length);
      found.push({ key: entry.key, text: text.slice(first.index, end), index: first.index, end });
      i += entry.rest.length;
    }
    for (const { key, name } of literal) {
      for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
        found.push({ key, text: name, index: at, end: at + name.length });
      }
    }
    return found.sort((a, b) => a.index - b.index);
  };
  // Steps ask about the same sentence and clause repeatedly; remember the latest answers.
  return memo(find, 128);
}

/**
 * The form two spellings of one name share: no diacritics, one space, lower
 * case, plain apostrophes. Remembered, since an article's people are compared
 * with each new name over and over.
 */
export const normalizeName = memo((name: string): string => stripMarks(name).replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase(), 256);
