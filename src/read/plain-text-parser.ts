import type { Paragraph, Root } from 'mdast';
import type { Plugin } from 'unified';

// Copied plain text is not Markdown: "1." starts no list, "#" no heading and
// "-----" no rule. Each non-blank line becomes a paragraph holding the line
// exactly as written, in the same tree shape remark-parse gives Markdown.
const plainTextParse: Plugin<[], string, Root> = function () {
  this.parser = (document: string): Root => {
    const children: Paragraph[] = [];
    let offset = 0;
    document.split('\n').forEach((value, index) => {
      const start = { line: index + 1, column: 1, offset };
      const end = { line: index + 1, column: value.length + 1, offset: offset + value.length };
      offset += value.length + 1;
      if (value.trim() === '' && !value.includes('\u00a0')) return;
      children.push({
        type: 'paragraph',
        children: [{ type: 'text', value, position: { start, end } }],
        position: { start, end },
      });
    });
    return {
      type: 'root',
      children,
      position: { start: { line: 1, column: 1, offset: 0 }, end: { line: children.length + 1, column: 1, offset } },
    };
  };
};

export default plainTextParse;
