import { slugify } from '../text/slug.ts';

export interface SlugClaim {
  /** What makes the thing itself: a canonical name, a file name … */
  key: string;
  /** Text to slug, e.g. the name. */
  base: string;
  /** Text that tells it apart from a namesake, e.g. a country. */
  qualifier?: string | null;
}

/**
 * Gives each key its own slug. Claims are served in order, so the first
 * claimant of a slug keeps it and namesakes get the qualifier or a number:
 * as long as callers pass things in the order they entered the archive (seed
 * file order), adding an article never renames a page that already exists.
 */
export function uniqueSlugs(claims: Iterable<SlugClaim>): Map<string, string> {
  const byKey = new Map<string, string>();
  const taken = new Set<string>();
  for (const { key, base, qualifier } of claims) {
    if (byKey.has(key)) continue;
    const plain = slugify(base);
    let slug = plain;
    if (taken.has(slug) && qualifier) slug = slugify(`${plain}-${qualifier}`);
    for (let n = 2; taken.has(slug); n++) slug = `${plain}-${n}`;
    taken.add(slug);
    byKey.set(key, slug);
  }
  return byKey;
}
