// Swaps people for others of the same country, by whole names: a full name
// becomes a full name, a surname a surname, "Akazawa Ryosei" keeps its
// surname-first order. Invented people only take the place of known ones, so
// each keeps the title and role the sentence gives ("Trade Minister …").
import type { Random } from '../prng.ts';

export interface PoolPerson {
  name: string;
  country: string;
  /** Other Latin spellings of the full name ("Ryōsei Akazawa", "Donald J. Trump"). */
  spellings?: string[];
  /** Names in Japanese script; a replacement without one drops them. */
  native?: string[];
}

// Every source names only men, and the sentences around the names say "he":
// the invented people are men too so that no swap leaves a wrong pronoun.
export const inventedPeople: PoolPerson[] = [
  { name: 'Kenji Sato', country: 'Japan' },
  { name: 'Takeshi Fujimoto', country: 'Japan' },
  { name: 'Hiroshi Nakamura', country: 'Japan' },
  { name: 'Daisuke Kobayashi', country: 'Japan' },
  { name: 'Masato Ogawa', country: 'Japan' },
  { name: 'Ichiro Takeda', country: 'Japan' },
  { name: 'Daniel Whitfield', country: 'United States' },
  { name: 'Robert Ashby', country: 'United States' },
  { name: 'Thomas Reyes', country: 'United States' },
  { name: 'Michael Corrigan', country: 'United States' },
  { name: 'Gregory Lang', country: 'United States' },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isNative = (s: string) => /[\u3000-\u9fff]/.test(s);

/** The registry's people as a pool: Latin aliases with a space are spellings, Japanese script is native. */
export function knownPeople(people: { name: string; aliases?: string[]; country?: string | null }[]): PoolPerson[] {
  return people
    .filter((p) => p.country)
    .map((p) => ({
      name: p.name,
      country: p.country!,
      spellings: (p.aliases ?? []).filter((a) => a.includes(' ') && !isNative(a)),
      native: (p.aliases ?? []).filter(isNative),
    }));
}

const parts = (name: string) => {
  const words = name.split(' ');
  return { given: words[0]!, surname: words.at(-1)! };
};

/** A random bijection within each country's pool, so no two people of an article end up with one name. */
export function choosePeople(pool: PoolPerson[], random: Random): Map<string, PoolPerson> {
  const mapping = new Map<string, PoolPerson>();
  for (const country of new Set(pool.map((p) => p.country))) {
    const members = pool.filter((p) => p.country === country);
    // Some articles keep the real cast, as most of an archive would.
    const targets = random.chance(0.25) ? members : random.shuffle(members);
    members.forEach((p, i) => mapping.set(p.name, targets[i]!));
  }
  return mapping;
}

export function swapPeople(text: string, pool: PoolPerson[], mapping: Map<string, PoolPerson>): string {
  const replacements = new Map<string, string>();
  const nativeDrops: string[] = [];
  for (const person of pool) {
    const target = mapping.get(person.name);
    if (!target || target.name === person.name) continue;
    const from = parts(person.name);
    const to = parts(target.name);
    replacements.set(person.name, target.name);
    for (const s of person.spellings ?? []) replacements.set(s, target.name);
    replacements.set(`${from.surname} ${from.given}`, `${to.surname} ${to.given}`);
    // A Latin spelling of the given name in surname-first order ("Akazawa Ryosei").
    replacements.set(from.surname, to.surname);
    for (const n of person.native ?? []) {
      if (target.native?.[0]) replacements.set(n, target.native[0]);
      else nativeDrops.push(n);
    }
  }
  let out = text;
  if (nativeDrops.length) {
    const alt = nativeDrops.map(escape).join('|');
    // "(「赤沢亮正」 in Japanese)" goes with its parentheses; a bare one becomes the Latin name.
    out = out.replace(new RegExp(`\\s*\\((?:「)?(?:${alt})(?:」)?[^)]*\\)`, 'g'), '');
    for (const n of nativeDrops) {
      const owner = pool.find((p) => p.native?.includes(n))!;
      replacements.set(n, mapping.get(owner.name)!.name);
    }
  }
  if (replacements.size === 0) return out;
  // One pass over the longest names first, so "Ryosei Akazawa" is not also rewritten as "Akazawa".
  const keys = [...replacements.keys()].sort((x, y) => y.length - x.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return out.replace(re, (m) => replacements.get(m) ?? m);
}
