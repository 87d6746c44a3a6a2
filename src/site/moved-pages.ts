// A later page of an entity's list is named by the date its run starts from
// (src/site/split.ts), so an entry added at the start of a run renames its
// page, and a deployed site would lose the old address: bookmarks, links from
// elsewhere and search engines would find nothing there. Each build keeps
// where its run pages stood (`RunAnchor`), and the next one answers every
// address it no longer has a page at with one that points on to the page
// holding those entries now.
import { bucketBy } from '../story/buckets.ts';
import type { EntityPage, MovedPage, RunAnchor, SiteModel } from '../types.ts';
import { compareDates } from './dates.ts';

type AnyEntityPage = EntityPage<unknown, string, unknown>;

/** Every page of every person, tariff, venue and deadline. */
export const entityPagesOf = (lists: Pick<SiteModel, 'personPages' | 'tariffPages' | 'venuePages' | 'deadlinePages'>): AnyEntityPage[] => [
  ...lists.personPages,
  ...lists.tariffPages,
  ...lists.venuePages,
  ...lists.deadlinePages,
];

const folderOf = (first: string, list: string) => `${first}${list}/`;

/** The later page of a list, in reading order, whose run holds the first entry dated `from`; null for the first page. */
function runHolding(later: AnyEntityPage[], from: RunAnchor['from']): AnyEntityPage | null {
  // Undated entries come last.
  if (from === null) return later.find((pg) => pg.run!.from === null) ?? later.at(-1) ?? null;
  const dated = later.filter((pg) => pg.run!.from !== null);
  return dated.find((pg) => compareDates(pg.run!.from!, from) === 0) ?? dated.findLast((pg) => compareDates(pg.run!.from!, from) < 0) ?? null;
}

/**
 * The moved pages of this build: each list's folder, and every address of
 * `before` (what earlier builds published, `publishedAnchors`) that has no
 * page now, while its entity still has one. An address outside its anchor's
 * list folder is not one this code made, and is passed over.
 */
export function movedPages(pages: AnyEntityPage[], before: Record<string, RunAnchor>): MovedPage[] {
  const firsts = new Set(pages.flatMap((pg) => (pg.list === null ? [pg.url] : [])));
  const lists = bucketBy(pages, (pg) => (pg.list === null ? null : folderOf(pg.pagers[pg.list]!.first, pg.list)));
  const taken = new Set(pages.map((pg) => pg.url));
  const moved: MovedPage[] = [];
  for (const [folder, later] of lists) {
    const { list } = later[0]!;
    moved.push({ url: folder, to: `${later[0]!.pagers[list!]!.first}#${list}`, label: list!, anchor: null });
    taken.add(folder);
  }
  for (const [url, anchor] of Object.entries(before)) {
    const folder = folderOf(anchor.first, anchor.list);
    if (taken.has(url) || !firsts.has(anchor.first) || !url.startsWith(folder) || url === folder) continue;
    const target = runHolding(lists.get(folder) ?? [], anchor.from);
    moved.push(
      target
        ? { url, to: target.url, label: `${anchor.list} ${target.run!.from ? `from ${target.run!.label}` : `with no date${target.run!.continued ? ', continued' : ''}`}`, anchor }
        : { url, to: `${anchor.first}#${anchor.list}`, label: anchor.list, anchor },
    );
  }
  return moved;
}

/** What the next build needs to follow this one's addresses: every later page's anchor, and the moved pages' own. */
export function publishedAnchors(pages: AnyEntityPage[], moved: MovedPage[]): Record<string, RunAnchor> {
  const anchors: Record<string, RunAnchor> = {};
  for (const pg of pages)
    if (pg.list !== null) {
      const from = pg.run!.from;
      anchors[pg.url] = { first: pg.pagers[pg.list]!.first, list: pg.list, from: from && { value: from.value, precision: from.precision } };
    }
  for (const m of moved) if (m.anchor) anchors[m.url] = m.anchor;
  return anchors;
}
