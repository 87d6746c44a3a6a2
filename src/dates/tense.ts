import { matchesOf } from '../text/matches.ts';

// Whether a date expression in a sentence speaks of the past or the future,
// from the verb nearest to it. News reports the past unless told otherwise.

const pastVerbs =
  /\b(held|met|had|was|were|said|says|told|spoke|hosted|visited|attended|signed|announced|agreed|talked|discussed|returned|did|didn[’']t|joined|followed|engaged|gifted|called|reached|made|took|gave|struck|concluded|ended|began|wrote|stated|confirmed|indicated|highlighted|acknowledged|traveled|travelled|arrived|flew|won|lost|resigned|imposed|raised|cut|unveiled|rejected|welcomed|urged|warned|added|noted|dialed|phoned|sat down|toured|delivered|finished|wrapped up|kicked off|opened)\b/gi;
const futureVerbs =
  /\b(will|would|shall|is set to|are set to|was set to|plans? to|planning|planned|expected to|is expected|are expected|scheduled|to be held|begins|starts|opens|upcoming|due to|is to|are to|aims? to|aiming|hopes? to|hoping|intends? to|ahead of|looming|next|coming|is|are)\b/gi;

// Participles that news copy uses as adjectives ("the proposed tariff") say nothing of tense.
const adjectivalParticiples = new Set(
  'proposed planned expected scheduled united based related concerned limited advanced detailed anticipated targeted rushed balanced unresolved prepared reported alleged so-called armed skilled listed noted'.split(' '),
);
const regularPast = /\b[a-z]{3,}ed\b/g;

export type Tense = 'past' | 'future';

// A verb on the far side of "after talks on Saturday" belongs to another clause.
const subordinator = /\b(after|following|since|when|because|while|before|although)\b/gi;

interface Verb {
  at: number;
  length: number;
  tense: Tense;
}

// Every date and event in a sentence asks its tense: find the sentence's verbs once.
let read: { sentence: string; verbs: Verb[] } = { sentence: '', verbs: [] };

function verbsOf(sentence: string): Verb[] {
  if (read.sentence !== sentence) {
    const verbs: Verb[] = [];
    for (const m of matchesOf(pastVerbs, sentence)) verbs.push({ at: m.index, length: m[0].length, tense: 'past' });
    for (const m of matchesOf(futureVerbs, sentence)) verbs.push({ at: m.index, length: m[0].length, tense: 'future' });
    for (const m of matchesOf(regularPast, sentence)) if (!adjectivalParticiples.has(m[0])) verbs.push({ at: m.index, length: m[0].length, tense: 'past' });
    read = { sentence, verbs };
  }
  return read.verbs;
}

export function tenseAt(sentence: string, index: number): Tense {
  const opener = matchesOf(subordinator, sentence.slice(0, index)).at(-1);
  const floor = opener ? opener.index : 0;
  let best: { distance: number; tense: Tense } | null = null;
  for (const { at, length, tense } of verbsOf(sentence)) {
    if (at < floor) continue;
    // A verb before the date governs it more often than one after it.
    const distance = at < index ? index - (at + length) : (at - index) * 1.5;
    if (!best || distance < best.distance) best = { distance, tense };
  }
  return best?.tense ?? 'past';
}
