import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { blocksOf, paragraphsOf } from '../text/blocks.ts';
import { splitSentences } from '../text/sentences.ts';
import type { Paragraph, Sentence } from '../types.ts';

declare module 'vfile' {
  interface DataMap {
    paragraphs: Paragraph[];
    sentences: Sentence[];
  }
}

/** Reads the cleaned tree into paragraphs and sentences, each with its line in the seed file. */
export default function collectSentences() {
  return (tree: Root, file: VFile) => {
    const paragraphs: Paragraph[] = blocksOf(tree)
      .flatMap(paragraphsOf)
      .map(({ text, line }) => ({ line, text: text.replace(/[\u00a0\s]+$/u, '').replace(/^\s+/, '') }))
      .filter((p) => p.text !== '');
    const sentences: Sentence[] = paragraphs.flatMap((p, index) =>
      splitSentences(p.text).map((s) => ({
        text: s.text.replace(/\s+/g, ' '),
        line: p.line + (p.text.slice(0, s.start).match(/\n/g)?.length ?? 0),
        paragraph: index,
      })),
    );
    file.data.paragraphs = paragraphs.map((p) => ({ line: p.line, text: p.text.replace(/\s*\n\s*/g, ' ') }));
    file.data.sentences = sentences;
  };
}
