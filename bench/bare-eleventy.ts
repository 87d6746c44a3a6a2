// The yardstick: the same article texts as plain Markdown pages in a bare
// Eleventy project (one Nunjucks layout, default configuration, no extraction,
// no search index), built with this repository's Eleventy CLI.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedArticle } from './generate.ts';

const layout = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>{{ content | safe }}</main></body>
</html>
`;

function split(text: string): { title: string; body: string } {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(clean);
  const body = front ? clean.slice(front[0].length) : clean;
  const fromFront = front && /^title:\s*"?(.*?)"?\s*$/m.exec(front[1]!)?.[1];
  const title = fromFront || body.split('\n').find((l) => l.trim().length > 20)?.trim() || 'Untitled';
  return { title, body };
}

export function writeBareProject(dir: string, articles: GeneratedArticle[]): void {
  mkdirSync(join(dir, '_includes'), { recursive: true });
  writeFileSync(join(dir, '_includes/article.njk'), layout);
  for (const a of articles) {
    const { title, body } = split(a.bytes.toString('utf8'));
    // JSON is YAML, so any title is safe in the front matter. Markdown is
    // otherwise run through Liquid first; article text is not a template.
    const front = `---\ntitle: ${JSON.stringify(title)}\nlayout: article.njk\ntemplateEngineOverride: md\n---\n`;
    writeFileSync(join(dir, `${a.name.replace(/\.\w+$/, '')}.md`), front + body);
  }
}
