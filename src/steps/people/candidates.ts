import type { Registry } from '../../types.ts';
import { roleAfter, roleBefore, titleBefore } from './roles.ts';
import { matchesOf } from '../../text/matches.ts';

// Names of people nobody listed in advance, found from how news copy
// introduces people: a title before the name, an apposition, or a verb of
// saying after it. Capitalised phrases that are organisations, places or
// calendar words are not people.

export interface NameCandidate {
  name: string;
  /** The capitalised title words before the name, e.g. "U.S. Trade Representative". */
  title: string | null;
  index: number;
  end: number;
}

const token = "(?:\\p{Lu}\\.){2,}|\\p{Lu}[\\p{Ll}\\p{M}'’-]*\\p{Ll}[\\p{L}\\p{M}'’-]*|\\p{Lu}\\.|\\p{Lu}{2,}";
const sequence = new RegExp(`(?<![\\p{L}\\p{N}])(?:${token})(?:\\s+(?:${token}))*`, 'gu');

const calendarWords = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '),
);
const functionWords = new Set(
  'The A An This That These Those In On At By For From With And But Or As After Before During While When Where Under Over Its His Her Their Our Both Despite Although Though If Meanwhile However Instead Together Another Earlier Later Officials Experts Analysts Critics'.split(' '),
);
const speechVerbs = /^\s*(?:,[^,]{0,60},\s*)?(said|says|told|added|noted|stated|wrote|asked|explained|argued|warned|insisted|stressed|emphasized|emphasised|declined|predicted|acknowledged|confirmed|replied)\b/;

export function createCandidateFinder(registry: Registry) {
  const titles = new Set(registry.titles);
  const titleWords = new Set(registry.titles.flatMap((t) => t.split(/\s+/)));
  const organisation = new Set(registry.organisationWords);
  const placeWords = new Set(
    [...registry.countries, ...registry.venues].flatMap((e) => [e.name, ...e.aliases]).flatMap((n) => n.split(/\s+/)),
  );
  const countryWords = new Set(registry.countries.flatMap((c) => [c.name, ...c.aliases]).flatMap((n) => n.split(/\s+/)));
  // Words of a title phrase that are not themselves titles: "Commerce", "Trade", "Economic".
  const isTitleish = (w: string) => titleWords.has(w) || countryWords.has(w) || /['’]s$/.test(w);

  return (sentence: string): NameCandidate[] => {
    const found: NameCandidate[] = [];
    for (const m of matchesOf(sequence, sentence)) {
      // A name takes two words at least; most capitalised runs are one.
      if (!/\s/.test(m[0])) continue;
      let tokens = matchesOf(/\S+/g, m[0]).map((t) => ({ word: t[0], index: m.index + t.index }));
      // Drop sentence-initial function words, then everything up to the last title word.
      // Drop sentence-initial function words and places that end a title ("Ambassador to Japan George Glass").
      while (tokens.length && (functionWords.has(tokens[0]!.word) || calendarWords.has(tokens[0]!.word) || placeWords.has(tokens[0]!.word))) tokens = tokens.slice(1);
      const lastTitle = tokens.findLastIndex((t) => titles.has(t.word) || titles.has(t.word.replace(/\.$/, '')));
      const titleText = lastTitle >= 0 ? tokens.slice(0, lastTitle + 1).map((t) => t.word).join(' ') : null;
      const nameTokens = tokens.slice(lastTitle + 1);
      const nameWords = nameTokens.map((t) => t.word);
      if (nameWords.length < 2 || nameWords.length > 4) continue;
      if (nameWords.some((w) => organisation.has(w) || calendarWords.has(w) || placeWords.has(w) || functionWords.has(w))) continue;
      if (nameWords.some((w, i) => /^(?:\p{Lu}\.){2,}$/u.test(w) || (/['’]s$/.test(w) && i < nameWords.length - 1))) continue;
      if (nameWords.every((w) => isTitleish(w))) continue;
      const last = nameTokens.at(-1)!;
      const offset = nameTokens[0]!.index;
      let end = last.index + last.word.length;
      if (/['’]s$/.test(last.word)) end -= 2;
      const name = sentence.slice(offset, end);
      // The cues anchored at the name come first: they settle most names before the patterns that scan the whole sentence.
      const before = sentence.slice(0, offset);
      const after = sentence.slice(end);
      const introduced =
        titleText !== null ||
        /^\s*,\s*(?:who|the|a|an|\p{Lu}[\p{L}.]*['’]s)\b/u.test(after) ||
        speechVerbs.test(after) ||
        roleAfter(after) !== null ||
        roleBefore(before) !== null ||
        titleBefore(before, titles) !== null ||
        /\b(Mr|Ms|Mrs|Dr)\.?\s*$/.test(before) ||
        /\b(said|says|according to|told|wrote)\s+$/.test(before);
      if (!introduced) continue;
      found.push({ name, title: titleText, index: offset, end });
    }
    return found;
  };
}
