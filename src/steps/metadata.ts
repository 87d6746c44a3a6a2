import * as chrono from 'chrono-node';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { FrontMatter } from '../read/front-matter.ts';
import type { DatePrecision, Provenance } from '../types.ts';

export interface ArticleMeta {
  title: string | null;
  titleFrom: Provenance | null;
  published: string | null;
  publishedPrecision: DatePrecision | null;
  publishedFrom: Provenance | null;
  source: string | null;
  sourceFrom: Provenance | null;
  author: string | null;
  authorFrom: Provenance | null;
  url: string | null;
}

declare module 'vfile' {
  interface DataMap {
    frontMatter: FrontMatter;
    meta: ArticleMeta;
  }
}

type Found<T> = { value: T; from: Provenance } | null;

const pad = (n: number) => String(n).padStart(2, '0');

// "TOKYO, July 5 (Reuters) -", "Tokyo, June 15 (Jiji Press)—", "WASHINGTON (AP) —"
const datelinePrefix =
  /^\s*([\p{Lu}][\p{L}.' -]{1,40}?(?:,\s*[\p{Lu}][\p{L}.]+)?)(?:,\s*([A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*\(([^)]{2,40})\)\s*[-–—]/u;

function dateFromText(text: string, yearHint: number | null): { value: string; precision: DatePrecision } | null {
  const result = chrono.en.casual.parse(text, { instant: new Date(Date.UTC(yearHint ?? 2000, 0, 1, 12)), timezone: 0 })[0];
  if (!result || !result.start.isCertain('month') || !result.start.isCertain('day')) return null;
  if (!result.start.isCertain('year') && yearHint === null) return null;
  const year = result.start.isCertain('year') ? result.start.get('year')! : yearHint!;
  return { value: `${year}-${pad(result.start.get('month')!)}-${pad(result.start.get('day')!)}`, precision: 'day' };
}

function precisionOf(date: string): DatePrecision {
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

function fromByline(text: string): { author: string | null; source: string | null } {
  const line = text.split('\n')[0]!.trim();
  const credit = /^\(?(?:reporting|writing) by ([^;)]+)/i.exec(line);
  if (credit) return { author: credit[1]!.replace(/\s+in\s+[\p{Lu}][\p{L}]+$/u, '').trim(), source: null };
  if (/^\(?(editing|additional reporting|compiled|edited) by/i.test(line)) return { author: null, source: null };
  const by = /^by\s+(.+?)(?:\s*[,|—–-]\s*(.+))?$/i.exec(line);
  if (by) return { author: by[1]!.trim(), source: by[2]?.trim() ?? null };
  const withOutlet = /^(.+?)\s*(?:,|\||—|–|-)\s*(.+?)(?:\s+on)?$/.exec(line);
  if (withOutlet) return { author: withOutlet[1]!.trim(), source: withOutlet[2]!.trim() };
  return { author: null, source: null };
}

/** Title, date, outlet and author: from front matter first, else from the page's own headline, dateline, byline and copyright line. */
export default function readMetadata() {
  return (_tree: Root, file: VFile) => {
    const front = file.data.frontMatter ?? {};
    const removed = file.data.removed ?? [];
    const firstParagraph = file.data.paragraphs?.[0]?.text ?? '';
    const ofKind = (kind: string) => removed.filter((r) => r.kind === kind);

    const copyright = ofKind('copyright').map((r) => /(?:©|\(c\)|copyright)\s*(\d{4})\s*([^.\n]*)/i.exec(r.text)).find(Boolean);
    const copyrightYear = copyright ? Number(copyright[1]) : null;
    const dateline = datelinePrefix.exec(firstParagraph);

    let title: Found<string> = front.title ? { value: front.title, from: 'front-matter' } : null;
    const headline = ofKind('headline')[0];
    if (!title && headline) title = { value: headline.text.trim(), from: 'headline' };

    let published: Found<{ value: string; precision: DatePrecision }> = front.date
      ? { value: { value: front.date, precision: precisionOf(front.date) }, from: 'front-matter' }
      : null;
    if (!published) {
      for (const r of ofKind('dateline')) {
        const date = dateFromText(r.text, copyrightYear);
        if (date) {
          published = { value: date, from: 'dateline' };
          break;
        }
      }
    }
    if (!published && dateline?.[2]) {
      const date = dateFromText(dateline[2], copyrightYear);
      if (date) published = { value: date, from: 'dateline' };
    }
    if (!published && copyrightYear) published = { value: { value: String(copyrightYear), precision: 'year' }, from: 'copyright' };

    let source: Found<string> = front.source ? { value: front.source, from: 'front-matter' } : null;
    let author: Found<string> = front.author ? { value: front.author, from: 'front-matter' } : null;
    if (!source && dateline) source = { value: dateline[3]!.trim(), from: 'dateline' };
    for (const r of ofKind('byline')) {
      const credit = fromByline(r.text);
      if (!author && credit.author) author = { value: credit.author, from: 'byline' };
      if (!source && credit.source) source = { value: credit.source, from: 'byline' };
    }
    const holder = copyright?.[2]?.replace(/\b(all rights reserved|visit .*)$/i, '').trim();
    if (!source && holder) source = { value: holder, from: 'copyright' };

    if (!published) {
      file.message('Unexpected article with no date, expected `date:` in front matter or a dateline in the text', {
        place: { line: 1, column: 1 },
        ruleId: 'missing-date',
        source: 'archive',
      });
    }

    file.data.meta = {
      title: title?.value ?? null,
      titleFrom: title?.from ?? null,
      published: published?.value.value ?? null,
      publishedPrecision: published?.value.precision ?? null,
      publishedFrom: published?.from ?? null,
      source: source?.value ?? null,
      sourceFrom: source?.from ?? null,
      author: author?.value ?? null,
      authorFrom: author?.from ?? null,
      url: front.url ?? null,
    };
  };
}
