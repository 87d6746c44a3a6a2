import { matchesOf } from '../../text/matches.ts';
import { slugify } from '../../text/slug.ts';
import type { PersonRecord, Registry, Sentence } from '../../types.ts';

// Role phrases that stand for a person: "the country's prime minister",
// "Tokyo's top trade negotiator".

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
export function resolveRoleReferences(
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
