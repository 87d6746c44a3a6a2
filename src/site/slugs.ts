import { slugify } from '../text/slug.ts';
import type { SiteSlugs, SlugKind } from '../types.ts';

export interface SlugClaim {
  /** What makes the thing itself: a canonical name, a file name … */
  key: string;
  /** Text to slug, e.g. the name. */
  base: string;
  /** Text that tells it apart from a namesake, e.g. a country. */
  qualifier?: string | null;
}

/**
 * Gives each key its own slug. A key keeps the slug it had (`kept`, what the
 * site published before) while no other key holds it, and the slug of a key
 * that is gone stays its own: a reader following that address must not find
 * another article or person there. Only a key that `succeeds` the gone one may
 * take it (a tariff reported without its country, then with it). The others
 * are served in order, so the first claimant of a slug gets it and namesakes
 * get the qualifier or a number. Order alone cannot keep slugs put: an article
 * from the past sorts before the ones it joins, and removing the first of two
 * namesakes would hand its slug to the second.
 */
export function uniqueSlugs(
  claims: Iterable<SlugClaim>,
  kept: Readonly<Record<string, string>> = {},
  succeeds: (key: string, gone: string) => boolean = () => false,
): Map<string, string> {
  const byKey = new Map<string, string>();
  const taken = new Set<string>();
  const all = [...claims];
  for (const { key } of all) {
    const slug = Object.hasOwn(kept, key) ? kept[key]! : undefined;
    if (slug === undefined || byKey.has(key) || taken.has(slug)) continue;
    taken.add(slug);
    byKey.set(key, slug);
  }
  const present = new Set(all.map((c) => c.key));
  const goneBySlug = new Map(Object.entries(kept).filter(([key, slug]) => !present.has(key) && !taken.has(slug)).map(([key, slug]) => [slug, key]));
  for (const { key, base, qualifier } of all) {
    if (byKey.has(key)) continue;
    let slug = goneBySlug.size ? [...goneBySlug].find(([, gone]) => succeeds(key, gone))?.[0] : undefined;
    if (slug === undefined) {
      const free = (s: string) => !taken.has(s) && !goneBySlug.has(s);
      const plain = slugify(base);
      slug = plain;
      if (!free(slug) && qualifier) slug = slugify(`${plain}-${qualifier}`);
      for (let n = 2; !free(slug); n++) slug = `${plain}-${n}`;
    }
    goneBySlug.delete(slug);
    taken.add(slug);
    byKey.set(key, slug);
  }
  return byKey;
}

export const slugKinds: SlugKind[] = ['articles', 'people', 'tariffs', 'venues', 'deadlines'];

export const noSlugs = (): SiteSlugs => Object.fromEntries(slugKinds.map((kind) => [kind, {}])) as SiteSlugs;

/**
 * The slugs later builds keep: this build's, and those of things it no longer
 * has (an article taken out, which gets its slug back if it returns) unless a
 * successor holds them now. In key order, so that the same slugs give the same file.
 */
export function publishedSlugs(before: SiteSlugs, now: SiteSlugs): SiteSlugs {
  const merged = (kind: SlugKind) => {
    const held = new Set(Object.values(now[kind]));
    const gone = Object.entries(before[kind]).filter(([key, slug]) => !Object.hasOwn(now[kind], key) && !held.has(slug));
    const entries = [...Object.entries(now[kind]), ...gone].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  };
  return Object.fromEntries(slugKinds.map((kind) => [kind, merged(kind)])) as SiteSlugs;
}
