// An article taken out of the archive takes its page with it, and so does a
// person, tariff, venue or deadline that no article names any more. The
// deployed site had published those addresses: links from elsewhere and
// bookmarks would meet the host's bare "not found". Their slugs stay reserved
// (src/site/slugs.ts), so each address can still say what became of it.
import type { MovedPage, PublishedAddresses, SiteSlugs, SlugKind } from '../types.ts';
import { slugKinds } from './slugs.ts';

/** Where each kind's pages live, and the index a reader can go on to. */
const homes: Record<SlugKind, { folder: string; index: string }> = {
  articles: { folder: '/articles/', index: 'the article index' },
  people: { folder: '/people/', index: 'the people in the archive' },
  tariffs: { folder: '/tariffs/', index: 'the tariffs in the archive' },
  venues: { folder: '/venues/', index: 'the places in the archive' },
  deadlines: { folder: '/deadlines/', index: 'the deadlines in the archive' },
};

/**
 * A page for each address an earlier build published that this one has
 * nothing at, since its article or entity is gone: the entity's page, the
 * later pages of its lists and their folders. Each sends the reader to the
 * index of its kind, without moving them there: the index does not hold what
 * they came for. A slug now held by another key (a tariff's successor) is a
 * page of this build and left alone.
 */
export function gonePages(published: Pick<PublishedAddresses, 'slugs' | 'anchors'>, now: SiteSlugs): MovedPage[] {
  // The first page of each gone article or entity, and where its kind lives.
  const gone = new Map<string, (typeof homes)[SlugKind]>();
  for (const kind of slugKinds) {
    const held = new Set(Object.values(now[kind]));
    for (const [key, slug] of Object.entries(published.slugs[kind])) {
      if (!Object.hasOwn(now[kind], key) && !held.has(slug)) gone.set(`${homes[kind].folder}${slug}/`, homes[kind]);
    }
  }
  const pages = new Map<string, MovedPage>();
  const add = (url: string, first: string) => {
    const { folder, index } = gone.get(first)!;
    pages.set(url, { url, to: folder, label: index, kind: 'gone' });
  };
  for (const first of gone.keys()) add(first, first);
  for (const [url, anchor] of Object.entries(published.anchors)) {
    if (!gone.has(anchor.first)) continue;
    add(url, anchor.first);
    add(`${anchor.first}${anchor.list}/`, anchor.first);
  }
  return [...pages.values()];
}
