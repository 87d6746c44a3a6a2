// A synthetic archive of N articles: each a variation of one hand-written
// source, with its boilerplate (headline lists, related blocks, comments) as
// the source has it. The same seed gives byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../src/registry/load-registry.ts';
import { createRandom } from './prng.ts';
import { loadSourceGroups, type Source } from './sources.ts';
import { articleDate } from './vary/dates.ts';
import { choosePeople, inventedPeople, knownPeople } from './vary/people.ts';
import { varyText } from './vary/index.ts';

export interface GeneratedArticle {
  name: string;
  bytes: Buffer;
}

const day = 86_400_000;
const earliest = Date.UTC(2024, 0, 1);
const latest = Date.UTC(2026, 11, 31);

export async function generateArticles(n: number, options: { root: string; seed?: number }): Promise<GeneratedArticle[]> {
  const random = createRandom(options.seed ?? 20250722);
  const registry = await loadRegistry(join(options.root, 'data/registry.yaml'));
  const pool = [...knownPeople(registry.people), ...inventedPeople];
  const groups = loadSourceGroups(options.root);
  const out: GeneratedArticle[] = [];
  while (out.length < n) {
    // Picking groups, not files, has every source appear equally often: a group gives each of its files once.
    const group: Source[] = random.pick(groups);
    // The whole story folder moves by one shift so its articles still report the same events.
    const base = group.map((s) => articleDate(s.text)).find((d) => d !== null) ?? Date.UTC(2025, 6, 1);
    const target = random.int(earliest / day, latest / day) * day;
    const variation = { days: Math.round((target - base) / day), people: choosePeople(pool, random), pool, random };
    for (const source of group) {
      if (out.length >= n) break;
      const text = varyText(source.text, variation);
      out.push({ name: `${String(out.length).padStart(5, '0')}-${source.slug}${source.ext}`, bytes: Buffer.from(text, 'utf8') });
    }
  }
  return out;
}

export function writeArticles(dir: string, articles: GeneratedArticle[]): void {
  mkdirSync(dir, { recursive: true });
  for (const a of articles) writeFileSync(join(dir, a.name), a.bytes);
}
