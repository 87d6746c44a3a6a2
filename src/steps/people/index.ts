import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { createMatcher, normalizeName } from '../../registry/matcher.ts';
import { slugify } from '../../text/slug.ts';
import type { Evidence, PersonRecord, Registry, Sentence } from '../../types.ts';
import { createCandidateFinder } from './candidates.ts';
import { attributionIn, quotesIn } from './quotes.ts';
import { resolveRoleReferences } from './role-references.ts';
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
