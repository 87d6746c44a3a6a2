import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { blocksOf, type Block } from '../../text/blocks.ts';
import type { RemovedBlock, RemovedKind } from '../../types.ts';
import {
  isAdvert,
  isBlankish,
  isByline,
  isComments,
  isCopyright,
  isDatelineLine,
  isHeadlineLike,
  isNumberedItem,
  isProse,
  isRelatedHeading,
  isShare,
  isSiteChrome,
  isTimestamp,
  withoutListMarker,
} from './line-kinds.ts';

declare module 'vfile' {
  interface DataMap {
    removed: RemovedBlock[];
  }
}

type Kinds = (RemovedKind | null)[];

/** A category label over a teaser: "world news", "Japan-U.S.". */
const shortLabel = (text: string) => withoutListMarker(text).split(/\s+/).length <= 4;

/** Junk that is junk wherever it stands. */
function classifyAnywhere(blocks: Block[], kinds: Kinds) {
  blocks.forEach(({ text }, i) => {
    if (isBlankish(text)) kinds[i] = 'blank';
    else if (isComments(text)) kinds[i] = 'comments';
    else if (isCopyright(text)) kinds[i] = 'copyright';
    else if (isShare(text)) kinds[i] = 'share';
    else if (isAdvert(text)) kinds[i] = 'advert';
    else if (isDatelineLine(text)) kinds[i] = 'dateline';
    else if (/^\(?(reporting|writing|editing|additional reporting) by\b/i.test(text.trim())) kinds[i] = 'byline';
  });
}

/** Above the first paragraph of prose: site navigation, the headline, the byline. */
function classifyHead(blocks: Block[], kinds: Kinds, firstProse: number) {
  let headline = false;
  for (let i = 0; i < firstProse; i++) {
    if (kinds[i]) continue;
    const text = blocks[i]!.text;
    if (isByline(text)) kinds[i] = 'byline';
    else if (!headline && isHeadlineLike(text) && text.split(/\s+/).length > 3) {
      kinds[i] = 'headline';
      headline = true;
    } else if (isSiteChrome(text)) kinds[i] = 'site-chrome';
  }
}

/**
 * A "Read next" heading and the items under it: time stamps, category labels,
 * headlines, and a teaser sentence when a stamp or label introduced it.
 */
function classifyRelatedBlocks(blocks: Block[], kinds: Kinds, from: number) {
  for (let i = from; i < blocks.length; i++) {
    if (kinds[i] || !isRelatedHeading(blocks[i]!.text)) continue;
    kinds[i] = 'related';
    let teaserAllowed = false;
    for (let j = i + 1; j < blocks.length; j++) {
      if (kinds[j]) continue;
      const text = blocks[j]!.text;
      if (isTimestamp(text) || shortLabel(text)) teaserAllowed = true;
      else if (isHeadlineLike(text) || isNumberedItem(text) || blocks[j]!.node.type === 'list') teaserAllowed = false;
      else if (teaserAllowed) teaserAllowed = false;
      else break;
      kinds[j] = 'related';
      i = j;
    }
  }
}

/** Runs of headlines with nothing around them: the "more news" lists pages end with. */
function classifyHeadlineLists(blocks: Block[], kinds: Kinds, from: number) {
  const isItem = (i: number) => {
    const text = blocks[i]!.text;
    return isHeadlineLike(text) || isNumberedItem(text);
  };
  let i = from;
  while (i < blocks.length) {
    if (kinds[i] || !isItem(i)) {
      i++;
      continue;
    }
    const run: number[] = [];
    let j = i;
    for (; j < blocks.length; j++) {
      if (kinds[j] === 'blank') continue;
      if (kinds[j] || !isItem(j)) break;
      run.push(j);
    }
    const atTail = blocks.slice(j).every((_, k) => kinds[j + k] !== null);
    if (run.length >= 3 || (run.length >= 2 && atTail)) for (const k of run) kinds[k] = 'headline-list';
    i = j;
  }
}

/** After the last paragraph of prose: bylines, credits and labels that close a page. */
function classifyTail(blocks: Block[], kinds: Kinds) {
  let lastProse = -1;
  blocks.forEach(({ text }, i) => {
    if (!kinds[i] && isProse(text)) lastProse = i;
  });
  for (let i = lastProse + 1; i < blocks.length; i++) {
    if (kinds[i]) continue;
    const text = blocks[i]!.text;
    if (isByline(text)) kinds[i] = 'byline';
    else if (!isProse(text)) kinds[i] = 'site-chrome';
  }
}

function toRemoved(blocks: Block[], kinds: Kinds): RemovedBlock[] {
  const removed: RemovedBlock[] = [];
  blocks.forEach((block, i) => {
    const kind = kinds[i];
    if (!kind) return;
    const last = removed.at(-1);
    if (last && last.kind === kind && kinds[i - 1] === kind) {
      last.lines[1] = block.end;
      last.text += `\n${block.text}`;
    } else {
      removed.push({ kind, lines: [block.start, block.end], text: block.text });
    }
  });
  return removed;
}

/** Takes out of the tree everything on a news page that is not the article, and keeps it on the record. */
export default function removeBoilerplate() {
  return (tree: Root, file: VFile) => {
    const blocks = blocksOf(tree);
    const kinds: Kinds = blocks.map(() => null);
    classifyAnywhere(blocks, kinds);
    const firstProse = blocks.findIndex((b, i) => !kinds[i] && isProse(b.text));
    const bodyStart = firstProse === -1 ? blocks.length : firstProse;
    classifyHead(blocks, kinds, bodyStart);
    classifyRelatedBlocks(blocks, kinds, bodyStart);
    classifyHeadlineLists(blocks, kinds, bodyStart);
    classifyTail(blocks, kinds);

    file.data.removed = toRemoved(blocks, kinds);
    tree.children = tree.children.filter((_, i) => !kinds[i]);
    if (tree.children.length === 0) {
      file.message('Unexpected page with no article text, expected at least one paragraph of prose', {
        place: tree.position,
        ruleId: 'no-article-text',
        source: 'archive',
      });
    }
  };
}
