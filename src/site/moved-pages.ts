// A later page of an entity's list is named by the date its run starts from
// (src/site/split.ts), so an entry added at the start of a run renames its
// page, and a deployed site would lose the old address: bookmarks, links from
// elsewhere and search engines would find nothing there. Each build keeps
// where its run pages stood (`RunAnchor`), and later builds answer every
// address they no longer have a page at with one that points on to the page
// holding the entry that page started with.
import type { MovedPage, RunAnchor, RunName, SiteModel } from '../types.ts';
import { compareDates } from './dates.ts';

/** One page of a list as `movedPagesOfList` reads it: the first page has no run name. */
interface ListPage {
  url: string;
  run: RunName | null;
  items: unknown[];
}

const folderOf = (first: string, list: string) => `${first}${list}/`;

/** The page of a list, in reading order, whose run holds the first entry dated `from`, by dates alone. */
function byDate(pages: ListPage[], from: RunAnchor['from']): ListPage {
  const later = pages.slice(1);
  // Undated entries come last.
  if (from === null) return later.find((pg) => pg.run!.from === null) ?? pages.at(-1)!;
  const dated = later.filter((pg) => pg.run!.from !== null);
  return dated.find((pg) => compareDates(pg.run!.from!, from) === 0) ?? dated.findLast((pg) => compareDates(pg.run!.from!, from) < 0) ?? pages[0]!;
}

export interface MovedPagesOptions {
  /** The anchors earlier builds published under the entity's lists (`publishedAnchors`). */
  before?: [string, RunAnchor][];
  /** Whose lists they are, as a reader knows them: "Scott Bessent", "the 1 August 2025 deadline". */
  owner?: string;
}

/**
 * The moved pages of one list of an entity: its folder, while the list has
 * later pages or ever had, and every address of `before` (the anchors earlier
 * builds published under the folder) that is not a page now. Each leads to the
 * page that holds the entry its run started with (`tag`), or, when that entry
 * is gone, to the one that holds entries of its date.
 */
export function movedPagesOfList(
  first: string,
  list: string,
  pages: ListPage[],
  tag: (item: unknown) => string,
  { before = [], owner }: MovedPagesOptions,
): MovedPage[] {
  const folder = folderOf(first, list);
  if (pages.length < 2 && before.length === 0) return [];
  // "quotes of Scott Bessent": a reader who followed an old link learns whose list it is before going on.
  const whole = owner ? `${list} of ${owner}` : list;
  const moved: MovedPage[] = [{ url: folder, to: `${first}#${list}`, label: whole, kind: 'folder' }];
  const taken = new Set(pages.map((pg) => pg.url));
  let holder: Map<string, ListPage> | undefined;
  for (const [url, anchor] of before) {
    if (taken.has(url) || url === folder) continue;
    holder ??= new Map(pages.flatMap((pg) => pg.items.map((item) => [tag(item), pg] as const)));
    const target = holder.get(anchor.start) ?? byDate(pages, anchor.from);
    const run = target.run;
    moved.push({
      url,
      to: run ? target.url : `${first}#${list}`,
      label: run ? `${whole} ${run.from ? `from ${run.label}` : `with no date${run.continued ? ', continued' : ''}`}` : whole,
      kind: 'page',
    });
  }
  return moved;
}

/** What `publishedAnchors` reads of an entity's page. */
type EntityPageAddress = Pick<SiteModel['personPages'][number], 'url' | 'run'> & { list: string | null; pagers: Partial<Record<string, { first: string }>> };

/**
 * What later builds need to follow every address this one and the ones before
 * it published: the anchors they kept, and this build's later pages'. Those of
 * an entity missing from this build are kept too, for when it is back.
 */
export function publishedAnchors(before: Record<string, RunAnchor>, model: Record<'personPages' | 'tariffPages' | 'venuePages' | 'deadlinePages', readonly EntityPageAddress[]>): Record<string, RunAnchor> {
  const anchors = { ...before };
  for (const pg of [...model.personPages, ...model.tariffPages, ...model.venuePages, ...model.deadlinePages]) {
    if (pg.list === null) continue;
    const { from, start } = pg.run!;
    anchors[pg.url] = { first: pg.pagers[pg.list]!.first, list: pg.list, from: from && { value: from.value, precision: from.precision }, start };
  }
  return anchors;
}
