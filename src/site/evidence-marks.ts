import type { Evidence, Paragraph, SiteEvidence } from '../types.ts';
import { escapeHtml } from './html.ts';

/** A fact as numbered on its article page, and the sentences it was read from. */
export interface NumberedFact {
  n: number;
  evidence: Evidence[];
}

export interface MarkedText {
  paragraphs: { html: string }[];
  /**
   * An evidence sentence with the id of its `<mark>` (null if the text does not
   * contain it): one object per sentence, however many facts cite it, so that
   * the model holds each sentence once.
   */
  located(evidence: Evidence): SiteEvidence;
}

interface Sentence {
  text: string;
  line: number;
  facts: Set<number>;
  paragraph?: number;
  start?: number;
  mark?: string;
  located?: SiteEvidence;
}

const keyOf = (e: Evidence) => `${e.line}\u0000${e.text}`;

/** The paragraph that holds the sentence: the last one starting at or before its line. */
function place(sentence: Sentence, paragraphs: Paragraph[], taken: [number, number][][]): void {
  // Paragraphs come in the order of their lines: the last one starting at or before the sentence's line
  // is the answer whenever it holds the sentence, as it nearly always does, with no search of the others.
  let last = -1;
  while (last + 1 < paragraphs.length && paragraphs[last + 1]!.line <= sentence.line) last++;
  const index = last >= 0 && paragraphs[last]!.text.includes(sentence.text) ? last : holderOf(sentence, paragraphs);
  if (index === undefined) return;
  const text = paragraphs[index]!.text;
  for (let at = text.indexOf(sentence.text); at !== -1; at = text.indexOf(sentence.text, at + 1)) {
    const end = at + sentence.text.length;
    if (taken[index]!.some(([s, e]) => at < e && s < end)) continue;
    taken[index]!.push([at, end]);
    sentence.paragraph = index;
    sentence.start = at;
    return;
  }
}

function holderOf(sentence: Sentence, paragraphs: Paragraph[]): number | undefined {
  const holders = paragraphs.map((p, i) => i).filter((i) => paragraphs[i]!.text.includes(sentence.text));
  const before = holders.filter((i) => paragraphs[i]!.line <= sentence.line);
  return before.at(-1) ?? holders[0];
}

function refs(facts: Set<number>): string {
  const links = [...facts]
    .sort((a, b) => a - b)
    .map((n) => `<a href="#fact-${n}"><span class="visually-hidden">fact </span>${n}</a>`);
  return `<sup class="refs" data-pagefind-ignore>${links.join(' ')}</sup>`;
}

/**
 * Builds the article text as HTML: every piece of article text is escaped
 * first, and only then wrapped in our own `<mark>` and links, so nothing in
 * an article can become markup.
 */
export function markEvidence(paragraphs: Paragraph[], facts: NumberedFact[]): MarkedText {
  const sentences = new Map<string, Sentence>();
  for (const fact of facts) {
    for (const e of fact.evidence) {
      const sentence = sentences.get(keyOf(e)) ?? { text: e.text, line: e.line, facts: new Set() };
      sentence.facts.add(fact.n);
      sentences.set(keyOf(e), sentence);
    }
  }
  const taken = paragraphs.map((): [number, number][] => []);
  for (const sentence of sentences.values()) if (sentence.text) place(sentence, paragraphs, taken);

  const placed = [...sentences.values()]
    .filter((s) => s.paragraph !== undefined)
    .sort((a, b) => a.paragraph! - b.paragraph! || a.start! - b.start!);
  placed.forEach((s, i) => (s.mark = `ev-${i + 1}`));

  const html = paragraphs.map((p, index) => {
    let out = '';
    let at = 0;
    for (const s of placed.filter((x) => x.paragraph === index)) {
      out += escapeHtml(p.text.slice(at, s.start));
      out += `<mark id="${s.mark}">${escapeHtml(s.text)}</mark>${refs(s.facts)}`;
      at = s.start! + s.text.length;
    }
    return { html: out + escapeHtml(p.text.slice(at)) };
  });

  const located = (e: Evidence): SiteEvidence => {
    const sentence = sentences.get(keyOf(e));
    // Spelled out: made as `{ ...e, mark }`, each of these had a V8 shape of its own (60,000 in a 2,000-article model).
    if (!sentence) return { text: e.text, line: e.line, mark: null };
    return (sentence.located ??= { text: sentence.text, line: sentence.line, mark: sentence.mark ?? null });
  };
  return { paragraphs: html, located };
}
