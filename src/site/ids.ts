import { basename } from 'node:path';
import type { ArticleRecord, DeadlineRecord, SiteDeadlineRef, SiteSlugs, SiteTariffRef, SiteVenueRef, TariffRecord } from '../types.ts';
import { fuzzyDate } from './dates.ts';
import { slugify } from '../text/slug.ts';
import { monthListUrls, partAddress } from './moved-parts.ts';
import { noSlugs, uniqueSlugs, type SlugClaim } from './slugs.ts';

/** The site's name for everything a record mentions. */
export interface SiteIds {
  article(record: ArticleRecord): string;
  person(name: string): string | null;
  tariff(tariff: TariffRecord): { ref: SiteTariffRef; target: string | null };
  venue(name: string): SiteVenueRef | null;
  deadline(deadline: DeadlineRecord): SiteDeadlineRef;
  /** Every slug handed out, by kind and key. */
  slugs: SiteSlugs;
}

/** "reciprocal tariff", "tariff on autos". */
export function tariffName(scope: string): string {
  return scope === 'reciprocal' ? 'reciprocal tariff' : `tariff on ${scope}`;
}

export function tariffLabel(rate: number, scope: string): string {
  return `${rate}% ${tariffName(scope)}`;
}

function deadlineKey(d: DeadlineRecord): string {
  return d.date && d.precision ? `${d.precision}:${d.date}` : `what:${d.what.toLowerCase()}`;
}

function deadlineBase(d: DeadlineRecord): string {
  if (!d.date) return d.what;
  return d.precision === 'week' ? `week-of-${d.date}` : d.date;
}

/**
 * A tariff is its rate and scope (the record id) and the country it hits. An
 * article that does not say the country is read as meaning the same tariff,
 * unless the archive knows it for several countries: then it stays apart.
 */
function tariffGrouping(records: ArticleRecord[]) {
  const targets = new Map<string, string[]>();
  for (const t of records.flatMap((r) => r.tariffs)) {
    const list = targets.get(t.id) ?? [];
    if (t.target && !list.includes(t.target)) list.push(t.target);
    targets.set(t.id, list);
  }
  const target = (t: TariffRecord) => {
    const known = targets.get(t.id)!;
    return known.length > 1 ? t.target : (known[0] ?? null);
  };
  // A report that names its country has the same key whether or not the archive knows other countries, so that its tariff keeps its slug as they come.
  const key = (t: TariffRecord) => `${t.id}|${target(t) ?? ''}`;
  return { key, target, split: (id: string) => targets.get(id)!.length > 1 };
}

// Articles are kept apart by their seed's name, which stays when the build runs from another folder.
const seedName = (r: ArticleRecord) => basename(r.file);

/** Records must come in seed-file order, and `kept` holds the slugs the site published: see `uniqueSlugs`. */
export function assignIds(records: ArticleRecord[], kept: SiteSlugs = noSlugs()): SiteIds {
  // Article pages share /articles/ with the index's month parts: a title like "Undated" or "2025-07" must not take a part's address.
  const articleBase = (slug: string) => (partAddress(`/articles/${slug}/`) ? `article-${slug}` : slug);
  const articleSlugs = uniqueSlugs(records.map((r) => ({ key: seedName(r), base: articleBase(r.slug), qualifier: r.published })), kept.articles);
  const people = records.flatMap((r) => r.people);
  const personSlugs = uniqueSlugs(people.map((p) => ({ key: p.name, base: p.name, qualifier: p.country })), kept.people);
  const venueSlugs = uniqueSlugs(records.flatMap((r) => r.venues).map((v) => ({ key: v.name, base: v.name })), kept.venues);

  const grouping = tariffGrouping(records);
  const tariffs = records.flatMap((r) => r.tariffs);
  // Countries claim before "target not given", so a new tariff's plain slug names a real one.
  const tariffClaims: SlugClaim[] = [...tariffs.filter((t) => t.target), ...tariffs.filter((t) => !t.target)].map((t) => ({
    key: grouping.key(t),
    base: t.id,
    qualifier: t.target ?? 'target-not-given',
  }));
  // A tariff first reported without its country, then with it, is the same tariff: its slug goes on to the country's.
  const tariffSlugs = uniqueSlugs(tariffClaims, kept.tariffs, (key, gone) => gone.endsWith('|') && key.startsWith(gone));

  // Nor may a deadline's wording take the folder of the deadlines index's month parts.
  const deadlineSlugBase = (base: string) => (`/deadlines/${slugify(base)}/` === monthListUrls.deadlines.rest ? `deadline-${base}` : base);
  const deadlineSlugs = uniqueSlugs(records.flatMap((r) => r.deadlines).map((d) => ({ key: deadlineKey(d), base: deadlineSlugBase(deadlineBase(d)) })), kept.deadlines);
  // The fullest wording says most about what is due ("tariff deadline" says little).
  const fullestWhat = new Map<string, string>();
  for (const d of records.flatMap((r) => r.deadlines)) {
    if (d.what.length > (fullestWhat.get(deadlineKey(d))?.length ?? -1)) fullestWhat.set(deadlineKey(d), d.what);
  }

  return {
    article: (record) => articleSlugs.get(seedName(record))!,
    person: (name) => personSlugs.get(name) ?? null,
    tariff(t) {
      const target = grouping.target(t);
      const label = tariffLabel(t.rate, t.scope);
      const ref = { id: tariffSlugs.get(grouping.key(t))!, label: grouping.split(t.id) ? `${label} (${target ?? 'country not given'})` : label };
      return { ref, target };
    },
    venue(name) {
      const id = venueSlugs.get(name);
      return id ? { id, name } : null;
    },
    deadline: (d) => ({
      id: deadlineSlugs.get(deadlineKey(d))!,
      date: fuzzyDate(d.date, d.precision),
      what: fullestWhat.get(deadlineKey(d))!,
    }),
    slugs: {
      articles: Object.fromEntries(articleSlugs),
      people: Object.fromEntries(personSlugs),
      tariffs: Object.fromEntries(tariffSlugs),
      venues: Object.fromEntries(venueSlugs),
      deadlines: Object.fromEntries(deadlineSlugs),
    },
  };
}
