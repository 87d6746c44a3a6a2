import { datelinePrefix } from '../text/dateline.ts';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { FrontMatter } from '../read/front-matter.ts';
import { writtenDays } from '../dates/written-days.ts';
import { isChromePhrase, isPersonName, isStaffRole, reporterInPlace } from './boilerplate/line-kinds.ts';
import type { ArticleMeta, DatePrecision, Provenance, RemovedBlock } from '../types.ts';

/** A date inferred for an undated article: as shown (`value`, `precision`) and the day its relative dates are read against. */
export interface AssumedDate {
  value: string;
  precision: DatePrecision;
  reference: string;
}


declare module 'vfile' {
  interface DataMap {
    frontMatter: FrontMatter;
    /** A date inferred for an undated article from what the rest of the archive reports. */
    assumedDate: AssumedDate;
    meta: ArticleMeta;
  }
}

type Found<T> = { value: T; from: Provenance } | null;


const pad = (n: number) => String(n).padStart(2, '0');


function dateFromText(text: string, yearHint: number | null): { value: string; precision: DatePrecision } | null {
  const written = writtenDays(text, { ignoreCase: true })[0];
  if (!written || (written.year === null && yearHint === null)) return null;
  return { value: `${written.year ?? yearHint}-${pad(written.month)}-${pad(written.day)}`, precision: 'day' };
}

function precisionOf(date: string): DatePrecision {
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

function fromByline(text: string): { author: string | null; source: string | null } {
  const line = text.split('\n')[0]!.trim();
  const credit = /^\(?(?:reporting|writing) by ([^;)]+)/i.exec(line);
  if (credit) return { author: credit[1]!.replace(/\s+in\s+[\p{Lu}][\p{L}]+$/u, '').trim(), source: null };
  if (/^\(?(editing|additional reporting|compiled|edited) by/i.test(line)) return { author: null, source: null };
  if (/^\p{Lu}[\p{L}'-]+(\s+\p{Lu}[\p{L}'-]+)+\s+(is|was)\s/u.test(line)) return { author: null, source: null };
  const by = /^by\s+(.+?)(?:(?:\s*,|\s+[|\/—–-])\s*(.+))?$/i.exec(line);
  if (by) return { author: by[1]!.trim(), source: by[2] && !/^(staff|senior|chief)?\s*(writer|reporter|correspondent|editor)$/i.test(by[2].trim()) ? by[2].trim() : null };
  const reporter = reporterInPlace(line);
  if (reporter) return { author: reporter, source: null };
  const withOutlet = /^(.+?)(?:\s*,|\s+[|/—–-])\s*(.+?)(?:\s+on)?$/.exec(line);
  // "Mariko Ito / Tokyo Desk": a desk is no outlet.
  if (withOutlet) return { author: withOutlet[1]!.trim(), source: isStaffRole(withOutlet[2]!.trim()) ? null : withOutlet[2]!.trim() };
  // A bare name is a byline only where the boilerplate step found a desk or a handle under it.
  if (isPersonName(line)) return { author: line, source: null };
  return { author: null, source: null };
}

const navigation = /^(home|menu|search|news|latest|top|sign in|log in|subscribe|register|skip to .*|skip nav(?:igation)?)$/i;

/**
 * The outlet's name as the page shows it: a short credit line right under
 * the headline ("Kyodo News", "The Japan News / Yomiuri Shimbun"), else the
 * masthead at the very top of the page.
 */
function mastheadOf(removed: RemovedBlock[], headlineLine: number | null): string | null {
  const lines = removed.filter((r) => r.kind === 'site-chrome').flatMap((r) => r.text.split('\n').map((text, k) => ({ text: text.trim(), line: r.lines[0] + k })));
  const short = (t: string, max: number) => t.split(/\s+/).length <= max && /^\p{Lu}/u.test(t) && !navigation.test(t) && !isChromePhrase(t) && !/[.!?]$/.test(t);
  const credit = headlineLine === null ? undefined : lines.find((l) => l.line === headlineLine + 1 && short(l.text, 6));
  if (credit) return credit.text.split(/\s+[/|]\s+/)[0]!;
  return lines.find((l) => l.line <= 3 && short(l.text, 4))?.text ?? null;
}

/** Title, date, outlet and author: from front matter first, else from the page's own headline, dateline, byline and copyright line. */
export default function readMetadata() {
  return (_tree: Root, file: VFile) => {
    const front = file.data.frontMatter ?? {};
    const removed = file.data.removed ?? [];
    const opening = (file.data.paragraphs ?? []).slice(0, 3).map((p) => p.text);
    const ofKind = (kind: string) => removed.filter((r) => r.kind === kind);

    const copyright = ofKind('copyright').map((r) => /(?:©|\(c\)|copyright)\s*(\d{4})\s*([^.\n]*)/i.exec(r.text)).find(Boolean);
    const copyrightYear = copyright ? Number(copyright[1]) : null;
    const dateline = opening.map((p) => datelinePrefix.exec(p)).find(Boolean) ?? null;

    let title: Found<string> = front.title ? { value: front.title, from: 'front-matter' } : null;
    const headline = ofKind('headline')[0];
    if (!title && headline) title = { value: headline.text.split('\n')[0]!.trim(), from: 'headline' };

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
    const datelineDate = dateline?.[1] ?? dateline?.[2] ?? dateline?.[4];
    if (!published && datelineDate) {
      const date = dateFromText(datelineDate, copyrightYear);
      if (date) published = { value: date, from: 'dateline' };
    }
    if (!published && copyrightYear) published = { value: { value: String(copyrightYear), precision: 'year' }, from: 'copyright' };

    let source: Found<string> = front.source ? { value: front.source, from: 'front-matter' } : null;
    let author: Found<string> = front.author ? { value: front.author, from: 'front-matter' } : null;
    if (!source && dateline?.[3]) source = { value: dateline[3].trim(), from: 'dateline' };
    for (const r of ofKind('byline')) {
      const credit = fromByline(r.text);
      if (!author && credit.author) author = { value: credit.author, from: 'byline' };
      if (!source && credit.source) source = { value: credit.source, from: 'byline' };
    }
    const masthead = mastheadOf(removed, headline?.lines[1] ?? null);
    if (!source && masthead) source = { value: masthead, from: 'masthead' };
    const holder = copyright?.[2]?.replace(/\s*(all rights reserved|visit |distributed by).*$/i, '').replace(/[.\s]+$/, '').trim();
    if (!source && holder) source = { value: holder, from: 'copyright' };

    const assumed = file.data.assumedDate;
    if (!published && assumed) published = { value: { value: assumed.value, precision: assumed.precision }, from: 'inferred' };
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
