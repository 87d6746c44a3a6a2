// Venues: a meeting building becomes another in the same city (never moving a
// Washington meeting to Tokyo), and the G7 summit is the one of the article's
// new year, with its host country, town and host leader.
import type { Random } from '../prng.ts';

const buildings: Record<string, string[]> = {
  Washington: ['the White House', 'Blair House', 'the Eisenhower Executive Office Building'],
  Tokyo: ["the Prime Minister's Office", 'Akasaka Palace', 'the Iikura Guest House'],
};

// Longest first within each list: "Kananaskis, Alta." before "Kananaskis".
const g7Hosts: Record<number, [string, string][]> = {
  2024: [
    ['Prime Minister Mark Carney', 'Prime Minister Giorgia Meloni'],
    ['Mark Carney', 'Giorgia Meloni'],
    ['Carney', 'Meloni'],
    ['Kananaskis, Alta.', 'Borgo Egnazia'],
    ['Kananaskis, Canada', 'Borgo Egnazia, Italy'],
    ['Kananaskis', 'Borgo Egnazia'],
    ['Canadian Rockies', 'Italian region of Apulia'],
    ['Canadian', 'Italian'],
    ['Canada', 'Italy'],
  ],
  2026: [
    ['Prime Minister Mark Carney', 'President Emmanuel Macron'],
    ['Mark Carney', 'Emmanuel Macron'],
    ['Carney', 'Macron'],
    ['Kananaskis, Alta.', 'Evian-les-Bains'],
    ['Kananaskis, Canada', 'Evian-les-Bains, France'],
    ['Kananaskis', 'Evian-les-Bains'],
    ['Canadian Rockies', 'French Alps'],
    ['Canadian', 'French'],
    ['Canada', 'France'],
  ],
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function replaceAll(text: string, pairs: [string, string][]): string {
  if (pairs.length === 0) return text;
  const map = new Map(pairs);
  const keys = [...map.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return text.replace(re, (m) => map.get(m) ?? m);
}

export function swapVenues(text: string, random: Random, year: number): string {
  let out = text;
  for (const options of Object.values(buildings)) {
    const [home] = options;
    const target = random.pick(options);
    if (target === home) continue;
    const bare = (s: string) => s.replace(/^the /, '');
    // Only where the building is a place ("at the White House"), not where it speaks for a government ("the White House said").
    const re = new RegExp(`\\b(at|in|to|outside|from|inside|into|near) the (${escape(bare(home!)).replace("'", "['’]")})\\b`, 'g');
    out = out.replace(re, (_, prep: string) => `${prep} ${target}`);
  }
  // The 2025 summit was in Canada; an article moved to 2024 or 2026 attends that year's.
  const hosts = g7Hosts[year];
  if (hosts && /\bG-?7\b|Group of Seven|Kananaskis/.test(out)) out = replaceAll(out, hosts);
  return out;
}
