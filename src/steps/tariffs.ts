import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { createMatcher } from '../registry/matcher.ts';
import { clauseAt, nearest } from '../text/clauses.ts';
import { slugify } from '../text/slug.ts';
import type { Registry, TariffRecord, TariffStatus } from '../types.ts';
import { matchesOf } from '../text/matches.ts';

declare module 'vfile' {
  interface DataMap {
    tariffs: TariffRecord[];
    /** Which tariff each sentence states, by sentence index, for the steps after this one. */
    tariffMentions: { sentence: number; tariff: string }[];
  }
}

// "25%", "25 percent", "25-percent", "25 per cent", and the wire services' "25 pct".
const rate = String.raw`(\d+(?:\.\d+)?)\s?(?:%|-?percent\b|per cent\b|pct\b)`;
const percentage = new RegExp(rate, 'g');
const risesTo = new RegExp(String.raw`\bto\s+${rate}\s+from\s+${rate}`, 'gi');
const risesFrom = new RegExp(String.raw`\bfrom\s+${rate}\s+to\s+${rate}`, 'gi');
const upOrDownFrom = new RegExp(String.raw`${rate}[^;%]{0,60}?\b(?:up|down) from (?:the |a |its )?${rate}`, 'gi');
const anyRate = new RegExp(rate);
// Trade copy names the tariff of April 2 by its kind alone: "the 24% reciprocal rate", "a 10% baseline rate".
const tariffWord = /\b(tariffs?|duty|duties|levy|levies|import tax(?:es)?|customs|(?:reciprocal|baseline) rates?)\b/gi;
const otherMeasure =
  /\b(polls?|surveys?|approval|support(?:ed)?|growth|GDP|economy|inflation|stocks?|shares?|index|indices|yields?|unemployment|jobless|fell|rose|gained|dropped|slid|climbed|percentage points?|respondents|voters|turnout|margin|probability|chance|odds|stake|share of|rating)\b/gi;
const generalScope = 'all goods';

const statusCues: [RegExp, TariffStatus][] = [
  // Lifted only when it is done ("was lifted", "scrapped the"); "wants it removed" is a wish.
  [/\b((?:was|were|has been|have been|had been) (?:lifted|scrapped|removed|eliminated|repealed|abolished|waived)|(?:lifted|scrapped|removed|eliminated|repealed|abolished|waived) (?:the|its|their|a))\b/gi, 'lifted'],
  [/\b(set to (?:expire|lapse|end)|pause[ds]?|suspension|suspended|expir(?:e|es|ed|ing)|laps(?:e|es|ed)|reprieve|on hold|delay(?:ed)?)\b/gi, 'paused'],
  [/\b(set to|scheduled|slated|due to|takes? effect|will (?:take effect|rise|jump|increase|climb|go into effect|kick in|apply|face)|(?:from|starting|effective|beginning) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)/gi, 'scheduled'],
  [/\b(deadline|threat(?:en(?:ed|s|ing)?)?|propos(?:ed|es|al)|plans? to impose|planned|could|would|might|may|warned|vowed|looming|avert|avoid|head off|prevent|stave off)\b/gi, 'threatened'],
  [/\b(agreed|agreement|deal|accord|negotiated|settled)\b/gi, 'agreed'],
  [/\b(in effect|in place|in force|current(?:ly)?|existing|imposed|levied|is dealing|already|applie[sd]|stay(?:s|ed)? on|separate|now)\b/gi, 'in effect'],
];

/**
 * The status a relative clause gives the tariff it follows: "the 24% tariff
 * that Trump announced and paused", "the 10% duty that exporters pay now".
 * It speaks of that tariff, whatever the clause around it says of another.
 */
function relativeClauseAfter(afterRate: string): TariffStatus | null {
  // No other rate between: "a 25% tariff on cars and a 10% duty that …" speaks of the 10%.
  const relative = /^[^,;%\d]*?\b(?:tariffs?|levy|levies|duty|duties)\s+(?:that|which)\s+([^,;]+)/i.exec(afterRate);
  return relative ? (nearest(relative[1]!, 0, statusCues)?.value ?? null) : null;
}

const idOf = (rate: number, scope: string) => `${String(rate).replace('.', '-')}-percent-${slugify(scope)}`;

/** Scopes listed together with one ("steel and aluminum", "autos, auto parts"): a rate that covers each. */
function listedWith(clause: string, scopes: { key: string; index: number; end: number }[], first: { key: string; index: number; end: number }): string[] {
  const ordered = [...scopes].sort((a, b) => a.index - b.index);
  let k = ordered.indexOf(first);
  let lo = k;
  while (lo > 0 && /^\s*(,|and|or|, and|, or)\s*$/.test(clause.slice(ordered[lo - 1]!.end, ordered[lo]!.index))) lo--;
  let hi = k;
  while (hi < ordered.length - 1 && /^\s*(,|and|or|, and|, or)\s*$/.test(clause.slice(ordered[hi]!.end, ordered[hi + 1]!.index))) hi++;
  return [...new Set(ordered.slice(lo, hi + 1).map((s) => s.key))];
}

export default function findTariffs(options: { registry: Registry }) {
  const registry = options?.registry;
  if (!registry) throw new Error('findTariffs: expected a `registry` option with the tariff scopes');
  const findScope = createMatcher(registry.scopes.map((s) => ({ key: s.name, names: [s.name, ...s.aliases] })), { ignoreCase: true });
  const findCountry = createMatcher(registry.countries.map((c) => ({ key: c.name, names: [c.name, ...c.aliases] })));

  return (_tree: Root, file: VFile) => {
    const tariffs = new Map<string, TariffRecord>();
    const tariffMentions: { sentence: number; tariff: string }[] = [];

    const add = (rate: number, scope: string, target: string | null, status: TariffStatus, from: number | null, i: number, named = true) => {
      const s = file.data.sentences![i]!;
      // A later mention that names no scope at all ("the 24% levy") is the tariff already named at that rate.
      const sameRate = named ? undefined : [...tariffs.values()].find((t) => t.rate === rate);
      const id = sameRate ? sameRate.id : idOf(rate, scope);
      let tariff = tariffs.get(id);
      if (!tariff) {
        tariff = { id, rate, scope, target, status, from, evidence: [] };
        tariffs.set(id, tariff);
      }
      tariff.target ??= target;
      tariff.from ??= from;
      if (!tariff.evidence.some((e) => e.line === s.line && e.text === s.text)) tariff.evidence.push({ text: s.text, line: s.line });
      tariffMentions.push({ sentence: i, tariff: id });
    };

    (file.data.sentences ?? []).forEach((s, i) => {
      const text = s.text;
      const numbers = matchesOf(percentage, text);
      // Changes of rate only qualify the rates found; a sentence without one has nothing to read.
      if (!numbers.length) return;
      const changes = new Map<number, number>();
      for (const m of matchesOf(risesTo, text)) {
        changes.set(m.index + m[0].indexOf(m[1]!), Number(m[2]));
      }
      for (const m of matchesOf(risesFrom, text)) {
        changes.set(m.index + m[0].lastIndexOf(m[2]!), Number(m[1]));
      }
      // "a 25% tariff from Aug. 1, up from the 10% rate now in place"
      for (const m of matchesOf(upOrDownFrom, text)) {
        changes.set(m.index, Number(m[2]));
      }
      const previousRates = new Set(changes.values());
      for (const [k, m] of numbers.entries()) {
        // Beyond its own clause a rate takes a status from the sentence, but not from beside another rate.
        const window = { start: k > 0 ? numbers[k - 1]!.index + numbers[k - 1]![0].length : 0, end: numbers[k + 1]?.index ?? text.length };
        const rate = Number(m[1]);
        const clause = clauseAt(text, m.index);
        const at = m.index - clause.start;
        const cue = nearest(clause.text, at, [
          [tariffWord, 'tariff'],
          [otherMeasure, 'other'],
        ]);
        if (!cue || cue.value !== 'tariff') continue;
        const from = changes.get(m.index) ?? null;
        const previous = previousRates.has(rate) && from === null && /\bfrom\s+(?:the\s+|a\s+|its\s+)?$/i.test(text.slice(0, m.index));
        const scopes = findScope(clause.text);
        const product = scopes.filter((x) => x.key !== generalScope && x.key !== 'reciprocal');
        // "X% tariff on Y": the scope after the rate, before the next rate; else the nearest before it.
        const nextRate = clause.text.slice(at + m[0].length).search(anyRate);
        const limit = nextRate === -1 ? Infinity : at + m[0].length + nextRate;
        const nearestProduct =
          product.filter((x) => x.index > at && x.index < limit).sort((a, b) => a.index - b.index)[0] ??
          product.filter((x) => x.index < at).sort((a, b) => b.index - a.index)[0];
        const productScopes = nearestProduct ? listedWith(clause.text, product, nearestProduct) : [];
        const scopeNames = productScopes.length ? productScopes : [scopes.find((x) => x.key === 'reciprocal')?.key ?? generalScope];
        // "tariffs on Japanese goods" names its scope; "a 24% import duty" names none.
        const named = productScopes.length > 0 || scopes.length > 0 || /\b(goods|imports|exports|products|shipments)\b/i.test(clause.text);
        const target = findCountry(clause.text).find((c) => c.key !== 'United States')?.key ?? findCountry(text).find((c) => c.key !== 'United States')?.key ?? null;
        const status =
          relativeClauseAfter(clause.text.slice(at + m[0].length)) ??
          nearest(clause.text, at, statusCues)?.value ??
          nearest(text.slice(window.start, window.end), m.index - window.start, statusCues)?.value ??
          'in effect';
        // The old rate of a stated change is recorded with the new one.
        if (previous) continue;
        for (const scope of scopeNames) {
          add(rate, scope, target, status, from, i, named);
          if (from !== null) {
            const fromStatus: TariffStatus = ['scheduled', 'threatened', 'paused'].includes(status) ? 'in effect' : 'lifted';
            add(from, scope, target, fromStatus, null, i);
          }
        }
      }
    });
    file.data.tariffs = [...tariffs.values()];
    file.data.tariffMentions = tariffMentions;
  };
}
