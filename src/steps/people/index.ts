import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { createMatcher, normalizeName } from '../../registry/matcher.ts';
import { matchesOf } from '../../text/matches.ts';
import { slugify } from '../../text/slug.ts';
import type { Evidence, PersonRecord, Registry, Sentence } from '../../types.ts';
import { createCandidateFinder } from './candidates.ts';
import { attributionIn, quotesIn } from './quotes.ts';
import { roleAfter, roleBefore, titleBefore } from './roles.ts';

/** Where in a sentence a person is named or referred to. */
export interface PersonMention {
  person: string;
  sentence: number;
  index: number;
  end: number;
}

declare module 'vfile' {
  interface DataMap {
    people: PersonRecord[];
    personMentions: PersonMention[];
  }
}

const evidenceOf = (s: Sentence): Evidence => ({ text: s.text, line: s.line });

function authorNames(author: string | null | undefined): Set<string> {
  return new Set((author ?? '').split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean).map(normalizeName));
}

export default function findPeople(options: { registry: Registry }) {
  const registry = options?.registry;
  if (!registry) throw new Error('findPeople: expected a `registry` option with the known people');
  const titles = new Set(registry.titles);
  // Japanese outlets often write family name first: "Ishiba Shigeru".
  const reversed = (name: string) => (/^\S+ \S+$/.test(name) ? [name.split(' ').reverse().join(' ')] : []);
  const findKnown = createMatcher(registry.people.map((p) => ({ key: p.name, names: [p.name, ...reversed(p.name), ...p.aliases] })));
  const findCountry = createMatcher(registry.countries.map((c) => ({ key: c.name, names: [c.name, ...c.aliases] })));
  const findCandidates = createCandidateFinder(registry);
  const knownByName = new Map(registry.people.map((p) => [p.name, p]));

  return (_tree: Root, file: VFile) => {
    const sentences = file.data.sentences ?? [];
    const authors = authorNames(file.data.meta?.author);
    const people = new Map<string, PersonRecord>();
    const mentions: PersonMention[] = [];

    const personFor = (name: string, known: boolean): PersonRecord => {
      let person = people.get(name);
      if (!person) {
        const entry = knownByName.get(name);
        person = { id: slugify(name, 'person'), name, role: null, roles: [], country: entry?.country ?? null, known, evidence: [], quotes: [] };
        people.set(name, person);
      }
      return person;
    };
    const addRole = (person: PersonRecord, role: string | null) => {
      if (!role) return;
      const r = role.replace(/\s+/g, ' ').trim();
      if (!person.roles.some((x) => x.toLowerCase().endsWith(r.toLowerCase()))) person.roles.push(r);
      person.role ??= r;
      person.country ??= findCountry(r)[0]?.key ?? null;
    };
    const mention = (person: PersonRecord, i: number, index: number, end: number) => {
      mentions.push({ person: person.name, sentence: i, index, end });
      const s = sentences[i]!;
      if (!person.evidence.some((e) => e.line === s.line && e.text === s.text)) person.evidence.push(evidenceOf(s));
    };
    const rolesAround = (text: string, index: number, end: number): (string | null)[] => [
      titleBefore(text.slice(0, index), titles),
      roleBefore(text.slice(0, index)),
      roleAfter(text.slice(end)),
    ];

    // Named people: the registry's, then people introduced the way news copy introduces them.
    const named: { i: number; index: number; end: number }[] = [];
    sentences.forEach((s, i) => {
      const known = findKnown(s.text);
      for (const k of known) {
        const person = personFor(k.key, true);
        mention(person, i, k.index, k.end);
        rolesAround(s.text, k.index, k.end).forEach((r) => addRole(person, r));
        named.push({ i, index: k.index, end: k.end });
      }
      for (const c of findCandidates(s.text)) {
        if (known.some((k) => k.index < c.end && c.index < k.end)) continue;
        if (authors.has(normalizeName(c.name))) continue;
        const existing = [...people.values()].find((p) => normalizeName(p.name) === normalizeName(c.name));
        const person = existing ?? personFor(c.name, false);
        mention(person, i, c.index, c.end);
        rolesAround(s.text, c.index, c.end).forEach((r) => addRole(person, r));
        named.push({ i, index: c.index, end: c.end });
      }
    });

    // Later mentions of a newly found person by surname.
    const findSurnames = createMatcher(
      [...people.values()].filter((p) => !p.known).map((p) => ({ key: p.name, names: [p.name.split(/\s+/).at(-1)!] })),
    );
    sentences.forEach((s, i) => {
      for (const m of findSurnames(s.text)) {
        if (named.some((n) => n.i === i && n.index <= m.index && m.end <= n.end)) continue;
        mention(people.get(m.key)!, i, m.index, m.end);
        named.push({ i, index: m.index, end: m.end });
      }
    });

    resolveRoleReferences(sentences, people, named, mention, registry, findCountry);
    attributeQuotes(sentences, people, mentions);

    file.data.personMentions = mentions.sort((a, b) => a.sentence - b.sentence || a.index - b.index);
    file.data.people = [...people.values()];
  };
}

const rolePatterns = new Map<string, RegExp>();

/** "(the country's|Japan's|the) (top)? trade negotiator": compiled once per set of roles, which rarely changes between articles. */
function rolePattern(roles: string[]): RegExp {
  const key = roles.join('|');
  let pattern = rolePatterns.get(key);
  if (!pattern) {
    const alternatives = roles.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    pattern = new RegExp(
      `(?<![\\p{L}])((?:the country['’]s|[\\p{Lu}][\\p{L}.]*['’]s|the|its|Japanese|American|U\\.S\\.)\\s+)((?:[\\p{Ll}-]+\\s+){0,2}?)(${alternatives})(?![\\p{L}])`,
      'giu',
    );
    rolePatterns.set(key, pattern);
  }
  return pattern;
}

/** Who holds each role, keyed by the role without its owner ("the", "Japan's"); a phrase of more than five words is no role. */
function holdersOf(people: Iterable<{ name: string; roles: string[] }>, holders = new Map<string, Set<string>>()) {
  for (const p of people) {
    for (const role of p.roles) {
      const key = role.toLowerCase().replace(/^(?:\S+['’]s|the|u\.s\.|japanese|american)\s+/i, '');
      if (key.split(/\s+/).length > 5) continue;
      if (!holders.has(key)) holders.set(key, new Set());
      holders.get(key)!.add(p.name);
    }
  }
  return holders;
}

// The registry's roles and countries are the same for every article: read them once.
const registryRoles = new WeakMap<Registry, { holders: Map<string, Set<string>>; country: Map<string, string | null> }>();

function knownRoles(registry: Registry) {
  let known = registryRoles.get(registry);
  if (!known) {
    known = { holders: holdersOf(registry.people), country: new Map(registry.people.map((p) => [p.name, p.country])) };
    registryRoles.set(registry, known);
  }
  return known;
}

/**
 * A test of whether a sentence can hold one of the roles as the role pattern
 * reads them, in any case. The pattern is slow to fail; most sentences name no role.
 * Lower case is the pattern's case folding for ASCII roles once the long s
 * (which folds to "s") is spelled as one; other roles are always looked for.
 */
function roleFinder(roles: string[]): (text: string) => boolean {
  if (roles.some((r) => /[^\x00-\x7f]/.test(r))) return () => true;
  return (text) => {
    const lower = text.toLowerCase().replace(/ſ/g, 's');
    return roles.some((r) => lower.includes(r));
  };
}

/**
 * "The country's prime minister", "Tokyo's top trade negotiator": a role
 * phrase stands for the one person who holds it, when the article names that
 * person or the phrase names the country.
 */
function resolveRoleReferences(
  sentences: Sentence[],
  people: Map<string, PersonRecord>,
  named: { i: number; index: number; end: number }[],
  mention: (p: PersonRecord, i: number, index: number, end: number) => void,
  registry: Registry,
  findCountry: (text: string) => { key: string; index: number; end: number }[],
) {
  const known = knownRoles(registry);
  const holders = holdersOf(people.values(), new Map([...known.holders].map(([role, names]) => [role, new Set(names)])));
  const roles = [...holders.keys()].sort((a, b) => b.length - a.length);
  if (!roles.length) return;
  const pattern = rolePattern(roles);
  const knownCountry = known.country;
  const mayNameRole = roleFinder(roles);
  sentences.forEach((s, i) => {
    if (!mayNameRole(s.text)) return;
    for (const m of matchesOf(pattern, s.text)) {
      const index = m.index;
      const end = index + m[0].length;
      if (named.some((n) => n.i === i && n.index < end + 3 && index < n.end)) continue;
      // A title directly before a name belongs to that name, not to a reference.
      if (/^\s*,?\s*\p{Lu}[\p{Ll}]/u.test(s.text.slice(end)) && /^\s+\p{Lu}/u.test(s.text.slice(end))) continue;
      const qualifier = m[1]!.trim();
      const country = findCountry(qualifier)[0]?.key ?? null;
      let candidates = [...(holders.get(m[3]!.toLowerCase()) ?? [])];
      if (country) candidates = candidates.filter((c) => (people.get(c)?.country ?? knownCountry.get(c)) === country);
      else candidates = candidates.filter((c) => people.has(c));
      if (candidates.length !== 1) continue;
      const name = candidates[0]!;
      const person =
        people.get(name) ??
        (() => {
          const entry = registry.people.find((p) => p.name === name)!;
          const created: PersonRecord = { id: slugify(name), name, role: null, roles: [], country: entry.country, known: true, evidence: [], quotes: [] };
          people.set(name, created);
          return created;
        })();
      mention(person, i, index, end);
      named.push({ i, index, end });
      const role = m[0].trim().replace(/^(the country['’]s|the|its)\s+/i, '');
      if (!person.roles.some((r) => r.toLowerCase().endsWith(role.toLowerCase()))) person.roles.push(role);
      person.role ??= role;
    }
  });
}

/** Quoted speech, given to the named speaker or to the subject a pronoun stands for. */
function attributeQuotes(sentences: Sentence[], people: Map<string, PersonRecord>, mentions: PersonMention[]) {
  const byPerson = [...people.values()];
  let lastSpeaker: PersonRecord | null = null;
  sentences.forEach((s, i) => {
    const quotes = quotesIn(s.text);
    if (!quotes.length) {
      lastSpeaker = null;
      return;
    }
    const who = attributionIn(s.text);
    let speaker: PersonRecord | null = null;
    if (who && /^(he|she)$/i.test(who.who)) {
      const subject = [...mentions]
        .filter((m) => m.sentence < i || (m.sentence === i && m.index < who.index))
        .sort((a, b) => b.sentence - a.sentence || a.index - b.index);
      const latest = subject[0]?.sentence;
      const first = subject.find((m) => m.sentence === latest);
      speaker = first ? people.get(first.person) ?? null : null;
    } else if (who) {
      const name = normalizeName(who.who);
      speaker = byPerson.find((p) => normalizeName(p.name) === name || normalizeName(p.name).endsWith(` ${name}`)) ?? null;
      if (!speaker) {
        const inSentence = mentions.find((m) => m.sentence === i && m.index <= who.index && who.index < m.end);
        speaker = inSentence ? people.get(inSentence.person) ?? null : null;
      }
    } else if (/^[“"]/.test(s.text) && /[”"]$/.test(s.text)) {
      speaker = lastSpeaker;
    }
    if (!speaker) return;
    for (const q of quotes) speaker.quotes.push({ text: q.text, evidence: evidenceOf(s) });
    if (!speaker.evidence.some((e) => e.line === s.line && e.text === s.text)) speaker.evidence.push(evidenceOf(s));
    lastSpeaker = speaker;
  });
}
