import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** What a saved web page holds of its article. */
export interface PageArticle {
  /** The article's text, one paragraph a line. */
  text: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** `YYYY-MM-DD` when the page states its publication time. */
  published: string | null;
}

const blocks = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td';

/** Takes the article out of a saved page with Readability; the page's scripts never run. */
export function articleFromHtml(html: string): PageArticle | null {
  const { document } = parseHTML(html);
  const heading = document.querySelector('h1')?.textContent?.trim() || null;
  const parsed = new Readability(document as unknown as Document).parse();
  if (!parsed?.content) return null;
  const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const lines: string[] = [];
  for (const el of content.querySelectorAll(blocks)) {
    // Nested blocks (a <p> inside an <li>) are read once, by the innermost.
    if (el.querySelector(blocks)) continue;
    const line = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
  }
  const text = lines.length ? lines.join('\n') : (parsed.textContent ?? '').trim();
  // A page title carries the site's name ("Headline - Site"); the article's own heading does not.
  const title = heading ?? parsed.title?.replace(/\s+[-|–—]\s+[^-|–—]+$/, '').trim() ?? null;
  const published = /^\d{4}-\d{2}-\d{2}/.exec(parsed.publishedTime ?? '')?.[0] ?? null;
  return { text, title: title || null, byline: parsed.byline?.replace(/^by\s+/i, '').trim() || null, siteName: parsed.siteName ?? null, published };
}
