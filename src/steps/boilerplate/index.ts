import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { blocksOf, type Block } from '../../text/blocks.ts';
import type { RemovedBlock, RemovedKind } from '../../types.ts';
import {
  isAdvert,
  isBlankish,
  isByline,
  isCaption,
  isChromePhrase,
  isCredit,
  isStaffRole,
  isTimestamp,
  isComments,
  isCopyright,
  isClosingSentence,
  isDatelineLine,
  isEndMark,
  isHandle,
  isHeadlineLike,
  isMediaMarker,
  isNumberedItem,
  isPersonName,
  isProse,
  isPopularHeading,
  isPunctuationOnly,
  isRelatedHeading,
  isShare,
  speaksForPage,
  reporterInPlace,
  isSiteChrome,
  withoutListMarker,
} from './line-kinds.ts';

declare module 'vfile' {
  interface DataMap {
    removed: RemovedBlock[];
  }
}

type Kinds = (RemovedKind | null)[];

const wordsIn = (text: string) => text.split(/\s+/).length;
// Headlines run to a dozen words or so; a standfirst to two dozen.
const standfirstWords = 14;

/** A category label over a teaser: "world news", "Japan-U.S.". */
const shortLabel = (text: string) => wordsIn(withoutListMarker(text)) <= 4;

/** Junk that is junk wherever it stands. */
function classifyAnywhere(blocks: Block[], kinds: Kinds) {
  blocks.forEach(({ text }, i) => {
    if (isBlankish(text)) kinds[i] = 'blank';
    else if (isComments(text)) kinds[i] = 'comments';
    else if (isCopyright(text)) kinds[i] = 'copyright';
    else if (isShare(text)) kinds[i] = 'share';
    else if (isAdvert(text)) kinds[i] = 'advert';
    else if (isChromePhrase(text) || isPunctuationOnly(text)) kinds[i] = 'site-chrome';
    else if (isCaption(text)) kinds[i] = 'caption';
    else if (isDatelineLine(text)) kinds[i] = 'dateline';
    else if (isCredit(text)) kinds[i] = 'byline';
  });
}

/**
 * A short line the page repeats, word for word, three times or more: the
 * widget under every update of a live blog ("Copy link to this update"), an
 * advert's label. A story does not say the same thing thrice, and a line of
 * a few words that ends as a sentence ("He declined.") may recur.
 */
function classifyRepeated(blocks: Block[], kinds: Kinds) {
  const counts = new Map<string, number>();
  for (const { text } of blocks) counts.set(text.trim(), (counts.get(text.trim()) ?? 0) + 1);
  blocks.forEach(({ text }, i) => {
    const line = text.trim();
    if (!kinds[i] && counts.get(line)! >= 3 && wordsIn(line) <= 6 && !/[.!?"”’]$/.test(line)) kinds[i] = 'site-chrome';
  });
}

/**
 * An embedded player: its marker ("VIDEO02:41"), then the clip's title and
 * show name under it, up to the story's next sentence. Two lines at most: a
 * short line after them is the story's own (a subhead) or another block.
 */
function classifyMedia(blocks: Block[], kinds: Kinds) {
  for (let i = 0; i < blocks.length; i++) {
    if (kinds[i] || !isMediaMarker(blocks[i]!.text)) continue;
    kinds[i] = 'media';
    for (let j = i + 1, taken = 0; j < blocks.length && taken < 2; j++) {
      if (kinds[j] === 'blank') continue;
      const text = blocks[j]!.text;
      // A sentence, however short, is the story's.
      if (kinds[j] || /[.!?"”’]$/.test(text.trim()) || wordsIn(text) > standfirstWords) break;
      kinds[j] = 'media';
      taken += isMediaMarker(text) ? 0 : 1;
      i = j;
    }
  }
}

const isHeadMarker = (text: string) => isByline(text) || isDatelineLine(text);

/**
 * Where the article starts. Pages put a caption or a standfirst between the
 * headline and the byline or time stamp, so a byline or dateline a few lines
 * into what looks like prose still belongs to the head.
 */
function bodyStart(blocks: Block[], kinds: Kinds): number {
  const firstProse = blocks.findIndex((b, i) => !kinds[i] && isProse(b.text));
  if (firstProse === -1) return blocks.length;
  let start = firstProse;
  const proseAfter = (i: number) => blocks.some((b, j) => j > i && !kinds[j] && isProse(b.text));
  for (let i = firstProse; i < Math.min(blocks.length, firstProse + 4); i++) {
    // A wire credit closes a story; a byline or time stamp with the story still to come opens one.
    if (isCredit(blocks[i]!.text) || !proseAfter(i)) continue;
    if (kinds[i] === 'dateline' || kinds[i] === 'byline' || (!kinds[i] && isHeadMarker(blocks[i]!.text))) start = i + 1;
  }
  while (start < blocks.length && kinds[start]) start++;
  return start;
}

const looksLikeHeadline = (text: string) =>
  isHeadlineLike(text) && wordsIn(text) > 3 && text !== text.toUpperCase() && !isChromePhrase(text);

/** Above the article: site navigation, the headline, its standfirst, the byline. */
function classifyHead(blocks: Block[], kinds: Kinds, start: number) {
  const open = [...Array(start).keys()].filter((i) => !kinds[i]);
  for (const i of open) {
    const text = blocks[i]!.text;
    const next = blocks[i + 1]?.text ?? '';
    const underHeadline = i > 0 && !kinds[i - 1] && (isHeadlineLike(blocks[i - 1]!.text) || isProse(blocks[i - 1]!.text));
    const overStamp = kinds[i + 1] === 'dateline' || isTimestamp(next);
    // A bare name is a byline when a desk or a social handle under it says so ("Jane Doe" / "@JANEDOE").
    if (isByline(text) || isStaffRole(text) || (isPersonName(text) && (isStaffRole(next) || isHandle(next)))) kinds[i] = 'byline';
    else if (isHandle(text) && kinds[i - 1] === 'byline') kinds[i] = 'byline';
    else if (reporterInPlace(text) && underHeadline && overStamp) kinds[i] = 'byline';
    else if (isTimestamp(text)) kinds[i] = 'dateline';
  }
  const headline = chooseHeadline(blocks, kinds, open);
  for (const i of open) {
    if (kinds[i]) continue;
    const text = blocks[i]!.text;
    if (i === headline) kinds[i] = 'headline';
    // A sentence between the headline and the body is its standfirst or a photo caption.
    else if (headline !== undefined && i > headline && isProse(text)) kinds[i] = /\b(speaks|appears|attends|arrives|waves|poses|gestures|listens|is seen)\b/.test(text) ? 'caption' : 'headline';
    else kinds[i] = 'site-chrome';
  }
}

const isTitleCase = (text: string) => {
  const long = text.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.8;
};

/**
 * The headline sits just above the byline or time stamp, after the short
 * navigation labels and before any standfirst: in the run of longer lines
 * above the first byline or dateline, the first Title Case line, else the
 * line nearest the byline. A page with neither gives its longest headline-shaped line.
 */
function chooseHeadline(blocks: Block[], kinds: Kinds, open: number[]): number | undefined {
  const long = (i: number) => !kinds[i] && wordsIn(blocks[i]!.text) >= 4 && !isChromePhrase(blocks[i]!.text) && blocks[i]!.text !== blocks[i]!.text.toUpperCase();
  const marker = open.find((i) => kinds[i] === 'byline') ?? blocks.findIndex((_, i) => kinds[i] === 'byline' || kinds[i] === 'dateline');
  if (marker > 0) {
    let i = marker - 1;
    while (i >= 0 && !long(i) && (kinds[i] || wordsIn(blocks[i]!.text) < 4)) i--;
    const run: number[] = [];
    for (; i >= 0 && long(i); i--) run.unshift(i);
    const headlines = run.filter((r) => looksLikeHeadline(blocks[r]!.text) || isProse(blocks[r]!.text));
    // A long line under a headline-length one is the standfirst, even without a full stop. A label of a few words
    // over a long headline ("Japan-U.S. talks latest") is no headline.
    const headlineLength = (r: number) => wordsIn(blocks[r]!.text) >= 6 && wordsIn(blocks[r]!.text) <= standfirstWords;
    while (headlines.length > 1 && wordsIn(blocks[headlines.at(-1)!]!.text) > standfirstWords && headlineLength(headlines.at(-2)!)) headlines.pop();
    if (headlines.length) return headlines.find((r) => isTitleCase(blocks[r]!.text)) ?? headlines.at(-1);
  }
  return open.filter((i) => !kinds[i] && looksLikeHeadline(blocks[i]!.text)).sort((a, b) => blocks[b]!.text.length - blocks[a]!.text.length)[0];
}

/** Once a comments section opens, the rest of the page is readers' comments and footer. */
function classifyComments(blocks: Block[], kinds: Kinds, from: number) {
  const opener = blocks.findIndex((b, i) => i >= from && kinds[i] === 'comments');
  if (opener === -1) return;
  for (let i = opener + 1; i < blocks.length; i++) if (!kinds[i]) kinds[i] = 'comments';
}

/**
 * A "Read next" heading and the items under it: time stamps, category labels,
 * headlines, and a teaser sentence when a stamp or label introduced it.
 */
function classifyRelatedBlocks(blocks: Block[], kinds: Kinds, from: number) {
  for (let i = from; i < blocks.length; i++) {
    if (kinds[i] || !isRelatedHeading(blocks[i]!.text)) continue;
    // "Most read" and rankings list whatever is popular; "Related" and "Read next" point at kindred stories.
    const kind: RemovedKind = isPopularHeading(blocks[i]!.text) ? 'headline-list' : 'related';
    kinds[i] = kind;
    let teaserAllowed = false;
    for (let j = i + 1; j < blocks.length; j++) {
      if (kinds[j]) continue;
      const text = blocks[j]!.text;
      if (isTimestamp(text) || shortLabel(text)) teaserAllowed = true;
      else if (isHeadlineLike(text) || isNumberedItem(text) || blocks[j]!.node.type === 'list') teaserAllowed = false;
      else if (teaserAllowed) teaserAllowed = false;
      else break;
      kinds[j] = kind;
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
function classifyTail(blocks: Block[], kinds: Kinds, authors: string[]) {
  // A sentence in which the page speaks to the reader ("Get our newsletter in your inbox every morning.") can be as long as the
  // story's, and so can a credit in brackets ("(Japanese original by …)") or the footer's own blurb under the site's copyright
  // notice: no story goes on past "All rights reserved".
  const footer = blocks.findLastIndex((b, i) => kinds[i] === 'copyright' && /all rights reserved/i.test(b.text));
  // Nor past the mark a press release ends with: what follows is contacts and the site's footer.
  const endMark = blocks.findIndex((b) => isEndMark(b.text));
  const isStory = (i: number) => {
    const text = blocks[i]!.text.trim();
    return !kinds[i] && (endMark === -1 || i < endMark) && isProse(text) && !speaksForPage(text) && !/^\(.*\)$/.test(text);
  };
  let lastProse = -1;
  blocks.forEach((_, i) => {
    if (isStory(i) && (i < footer || !blocks.some((__, j) => j < footer && isStory(j)))) lastProse = i;
  });
  // "Jane Doe is a senior fellow at …": the note on the author that closes an opinion piece.
  for (let i = lastProse; i >= 0 && authors.length; i--) {
    if (kinds[i]) continue;
    if (!authors.some((a) => blocks[i]!.text.startsWith(`${a} is `) || blocks[i]!.text.startsWith(`${a} was `))) break;
    kinds[i] = 'byline';
    lastProse = i - 1;
  }
  // A story may end on sentences too short to be prose by length: they stay, up to the first line that is not one.
  let end = lastProse + 1;
  while (end < blocks.length && end !== endMark && (kinds[end] === 'blank' || (!kinds[end] && isClosingSentence(blocks[end]!.text)))) end++;
  for (let i = end; i < blocks.length; i++) {
    if (kinds[i]) continue;
    const text = blocks[i]!.text;
    // Past a press release's end mark there is no byline: "Press Contacts | Subscribe" is the page's.
    kinds[i] = isByline(text) && (endMark === -1 || i < endMark) ? 'byline' : 'site-chrome';
  }
}

/** The people a byline names: "By Jane Doe and John Roe" gives both. */
function bylineNames(blocks: Block[], kinds: Kinds): string[] {
  return blocks
    .filter((_, i) => kinds[i] === 'byline')
    .flatMap((b) => b.text.replace(/^by\s+/i, '').split(/\s*(?:,|\band\b|&|\/|\|)\s*/))
    .map((n) => n.trim())
    .filter((n) => isPersonName(n));
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
    classifyRepeated(blocks, kinds);
    classifyMedia(blocks, kinds);
    const start = bodyStart(blocks, kinds);
    classifyHead(blocks, kinds, start);
    classifyComments(blocks, kinds, start);
    classifyRelatedBlocks(blocks, kinds, start);
    classifyHeadlineLists(blocks, kinds, start);
    classifyTail(blocks, kinds, bylineNames(blocks, kinds));

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
