// The role an article gives a person next to their name: a title before it
// ("U.S. Commerce Secretary Howard Lutnick"), an apposition before it
// ("Japan's chief trade negotiator, Ryosei Akazawa") or after it
// ("Akazawa, who also serves as Japan's Economic Revitalization Minister").
import { datelinePrefix } from '../../text/dateline.ts';

/** Nouns that head a role phrase. */
const roleHeads = [
  'negotiator', 'minister', 'secretary', 'president', 'representative', 'premier', 'spokesperson', 'spokesman',
  'spokeswoman', 'official', 'envoy', 'ambassador', 'lawmaker', 'executive', 'economist', 'analyst', 'governor',
  'chairman', 'chairwoman', 'chair', 'ceo', 'chief', 'leader', 'adviser', 'advisor', 'director', 'commissioner',
  'counterpart', 'diplomat', 'senator', 'speaker', 'head', 'strategist', 'professor', 'fellow', 'mayor', 'general',
];
const heads = roleHeads.join('|');
const roleHeadSet = new Set(roleHeads);

const possessive = "(?:the country['’]s\\s+|(?:\\p{Lu}[\\p{L}.]*\\s+)?\\p{Lu}[\\p{L}.]*['’]s\\s+|the\\s+)?";
const modifiers = "(?:[\\p{L}.-]+\\s+){0,5}?";

const beforeName = new RegExp(`(${possessive}${modifiers}(?:${heads})s?(?:\\s+(?:of|for)\\s+[\\p{L} ]{2,40}?)?)\\s*,\\s*$`, 'iu');
// Without a comma only an owned role runs straight into the name: "Japan's top trade negotiator Ryosei Akazawa".
const ownedBeforeName = new RegExp(`((?:the country['’]s|\\p{Lu}[\\p{L}.]*['’]s)\\s+(?:[\\p{Ll}.-]+\\s+){0,4}?(?:${heads}))\\s+$`, 'u');
// Singular only: "Lutnick, officials in Tokyo said" is the sentence going on, not a role of his.
const afterName = new RegExp(
  `^\\s*,\\s*(?:who\\s+(?:also\\s+)?(?:serves|served|is|was)\\s+as\\s+)?(${possessive}${modifiers}(?:${heads})(?:\\s+(?:of|for|on)\\s+[\\p{L} ]{2,40}?)?)\\s*(?=[,.;]|$|\\s+(?:who|which|that|at|of|in|for|with|and)\\b)`,
  'iu',
);

const capitalisedRun = /((?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}'’.-]*)(?:\s+(?:of\s+|for\s+|to\s+)?(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}'’.-]*))*)\s+$/u;

/**
 * The word before the trailing white space, or null when the text does not
 * end in white space. The patterns below that end in `\s+$` are tried at
 * every position of the text; most names follow a word none of them could
 * end with, and this one look settles that.
 */
function lastWord(text: string): string | null {
  const trimmed = text.trimEnd();
  if (trimmed.length === text.length) return null;
  let start = trimmed.length;
  while (start > 0 && !/\s/.test(trimmed[start - 1]!)) start--;
  return trimmed.slice(start);
}

// The last word of a capitalised run, as `capitalisedRun` ends it.
const capitalisedEnd = /\p{Lu}[\p{L}'’.-]*$/u;

/** A capitalised title right before a name: "U.S. Commerce Secretary", "Ambassador to Japan". */
export function titleBefore(text: string, titles: Set<string>): string | null {
  const end = lastWord(text);
  if (end === null || !capitalisedEnd.test(end)) return null;
  const run = capitalisedRun.exec(text)?.[1];
  if (!run) return null;
  const words = run.split(/\s+/);
  const last = words.findLastIndex((w) => titles.has(w) || titles.has(w.replace(/\.$/, '')));
  if (last === -1 || /^(Mr|Ms|Mrs|Dr)\.?$/.test(words[last]!)) return null;
  // After the title only "to/of Place" may follow: "Ambassador to Japan".
  const rest = words.slice(last + 1);
  if (rest.length && !/^(to|of|for)$/.test(rest[0]!)) return null;
  return run.replace(/^(?:The|A|An|In|On|At|By|With|And|But|As|After|For|From)\s+/, '');
}

// At the start of a sentence a role needs no owner: "Economic revitalization minister Ryosei Akazawa".
const sentenceOpeningRole = new RegExp(`^((?:\\p{L}[\\p{L}.-]*\\s+){0,4}?(?:${heads}))\\s+$`, 'iu');

export const isRoleHead = (word: string) => roleHeads.includes(word.toLowerCase().replace(/s$/, ''));

/**
 * Whether the text ends the way `beforeName` needs: a comma after a role word
 * ("Japan's top negotiator,") or after what the role is of or for ("minister
 * for economic revitalization,"). Lower case with the long s spelled out is
 * the pattern's case folding for the ASCII role words.
 */
function endsInApposition(tail: string): boolean {
  const body = tail.trimEnd();
  if (!body.endsWith(',')) return false;
  const phrase = body.slice(0, -1);
  const end = phrase.trimEnd().toLowerCase().replace(/ſ/g, 's');
  return roleHeads.some((h) => end.endsWith(h) || end.endsWith(`${h}s`)) || /\s(?:of|for)\s/i.test(phrase);
}

/** An apposition role just before a name (`text` ends where the name starts). */
export function roleBefore(text: string): string | null {
  const tail = text.slice(-120);
  // Unless the text ends in a role word or an apposition, none of the three can match: skip trying them at every position.
  const last = lastWord(text);
  const endsInRole = last !== null && roleHeadSet.has(last.toLowerCase().replace(/ſ/g, 's'));
  // A wire story's sentence starts after its dateline: "Tokyo, June 14 (Jiji Press)--Japanese tariff negotiator Ryosei Akazawa".
  const m = (endsInApposition(tail) ? beforeName.exec(tail) : null) ?? (endsInRole ? ownedBeforeName.exec(tail) ?? sentenceOpeningRole.exec(text.replace(datelinePrefix, '')) : null);
  if (!m) return null;
  // "Trump said Japan's negotiator, X" — keep only the phrase, not a clause before it.
  const words = m[1]!.trim().split(/\s+/);
  const start = Math.max(0, words.findLastIndex((w, i) => i < words.length - 1 && /^(said|says|and|with|that|by|to|from|of)$/i.test(w)) + 1);
  return clean(words.slice(start).join(' '));
}

/** An apposition role just after a name (`text` starts where the name ends). */
export function roleAfter(text: string): string | null {
  const m = afterName.exec(text.slice(0, 160));
  return m ? clean(m[1]!) : null;
}

function clean(role: string): string | null {
  const r = role.replace(/^the\s+/i, '').trim();
  return r.split(/\s+/).length <= 9 ? r : null;
}
