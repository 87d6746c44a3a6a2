import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** A top-level piece of the article tree as text, with the lines it spans. */
export interface Block {
  node: RootContent;
  text: string;
  start: number;
  end: number;
}

export function blocksOf(tree: Root): Block[] {
  return tree.children.map((node) => ({
    node,
    text: toString(node, { includeHtml: false }),
    start: node.position?.start.line ?? 0,
    end: node.position?.end.line ?? 0,
  }));
}

/** The readable units of a block: one per list item, else the block itself. */
export function paragraphsOf(block: Block): { text: string; line: number }[] {
  const node = block.node;
  if (node.type === 'list') {
    return node.children.map((item) => ({ text: toString(item), line: item.position?.start.line ?? block.start }));
  }
  if (node.type === 'code' || node.type === 'html' || node.type === 'thematicBreak' || node.type === 'definition') {
    return [];
  }
  return [{ text: block.text, line: block.start }];
}
