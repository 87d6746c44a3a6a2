// The addresses a site has published, kept in the site itself: unlike the
// cache, it goes wherever the site goes and survives a cleared `.cache/`. It is
// read back from the folder it was written to, or from the deployed site
// (`--published-from`). Its anchors say where each later page of an entity's
// list stood, its parts which parts of the lists cut by month there were, so
// that later builds can answer those addresses (src/site/moved-pages.ts,
// src/site/moved-parts.ts), and its slugs which slug each article, person,
// tariff, venue and deadline had, so that each keeps it (src/site/slugs.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PublishedAddresses, RunAnchor, SiteModel, SiteSlugs } from '../types.ts';
import { isPagePath } from './keep-page.ts';
import { publishedAnchors } from './moved-pages.ts';
import { monthLists, partAddress, publishedParts } from './moved-parts.ts';
import { noSlugs, publishedSlugs, slugKinds } from './slugs.ts';

const fileIn = (site: string) => join(site, '.published-addresses.json');

const dateValue = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

// An address becomes a file's path: only the shapes the build writes pass,
// so an edited or garbled file cannot send a page outside the site.
function isAnchor(url: string, value: unknown): value is RunAnchor {
  const a = value as Partial<RunAnchor> | null;
  const from = a?.from as Partial<NonNullable<RunAnchor['from']>> | null | undefined;
  return (
    isPagePath(url) &&
    typeof a?.first === 'string' &&
    isPagePath(a.first) &&
    typeof a.list === 'string' &&
    /^[a-z]+$/.test(a.list) &&
    url.startsWith(`${a.first}${a.list}/`) &&
    typeof a.start === 'string' &&
    /^[0-9a-z]{6}$/.test(a.start) &&
    (from === null || (typeof from?.value === 'string' && dateValue.test(from.value) && ['day', 'week', 'month', 'year'].includes(from.precision as string)))
  );
}

// Only what `slugify` makes, with a number or a qualifier after it: a slug
// becomes a folder's name. Nor the address of a list's part (`/articles/2025-07/`,
// `/tariffs/reports/`), which new slugs avoid.
const slugShape = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isSlug = (kind: keyof SiteSlugs, slug: unknown): slug is string =>
  typeof slug === 'string' && slug.length <= 100 && slugShape.test(slug) && !partAddress(`/${kind}/${slug}/`);

function readSlugs(stored: unknown): SiteSlugs {
  const slugs = noSlugs();
  if (!stored || typeof stored !== 'object') return slugs;
  for (const kind of slugKinds) {
    const held = (stored as Record<string, unknown>)[kind];
    if (held && typeof held === 'object') slugs[kind] = Object.fromEntries(Object.entries(held).filter(([, slug]) => isSlug(kind, slug)));
  }
  return slugs;
}

const none = (): PublishedAddresses => ({ anchors: {}, parts: [], slugs: noSlugs() });

/** The addresses in a file as `writePublished` writes it; none when it does not parse. */
function parsePublished(text: string): PublishedAddresses {
  try {
    const stored = JSON.parse(text) as { anchors?: unknown; parts?: unknown; slugs?: unknown };
    const anchors = stored.anchors && typeof stored.anchors === 'object' ? Object.entries(stored.anchors) : [];
    const parts = Array.isArray(stored.parts) ? stored.parts : [];
    return {
      anchors: Object.fromEntries(anchors.filter(([url, anchor]) => isAnchor(url, anchor))),
      parts: parts.filter((url): url is string => typeof url === 'string' && partAddress(url) !== null),
      slugs: readSlugs(stored.slugs),
    };
  } catch {
    return none();
  }
}

/** The addresses the site in `site` published; none when it has no such file, or one that does not parse. */
export async function readPublished(site: string): Promise<PublishedAddresses> {
  try {
    return parsePublished(await readFile(fileIn(site), 'utf8'));
  } catch {
    return none();
  }
}

/**
 * The addresses the deployed site at `url` published, for a build that starts
 * from a clean checkout (a CI job, a host's build): none when the site answers
 * 404, as one built before this file existed or never built does. Any other
 * failure is thrown: building on as if nothing had been published would move
 * the addresses the site has.
 */
export async function fetchPublished(url: string): Promise<PublishedAddresses> {
  const address = new URL('.published-addresses.json', url.endsWith('/') ? url : `${url}/`);
  let response: Response;
  try {
    response = await fetch(address, { signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    // fetch says only "fetch failed"; what failed (a refused connection, an unknown host) is its cause.
    const { cause, message } = error as Error;
    throw new Error(`${address}: ${cause instanceof Error ? cause.message : message}`);
  }
  if (response.status === 404) return none();
  if (!response.ok) throw new Error(`${address}: HTTP ${response.status} ${response.statusText}`);
  return parsePublished(await response.text());
}

/** What later builds need to follow every address this one and the ones before it published. */
export const publishedAddresses = (
  before: PublishedAddresses,
  model: Parameters<typeof publishedAnchors>[1] & Parameters<typeof monthLists>[0] & Pick<SiteModel, 'slugs'>,
): PublishedAddresses => ({
  anchors: publishedAnchors(before.anchors, model),
  parts: publishedParts(before.parts, monthLists(model)),
  slugs: publishedSlugs(before.slugs, model.slugs),
});

/**
 * Written into the new site before it is swapped in, so that the two go
 * together; in address order, so that the same addresses give the same file
 * however many builds they took to gather.
 */
export async function writePublished(site: string, { anchors, parts, slugs }: PublishedAddresses): Promise<void> {
  const sorted = Object.keys(anchors).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await writeFile(fileIn(site), JSON.stringify({ anchors: Object.fromEntries(sorted.map((url) => [url, anchors[url]])), parts, slugs }));
}
