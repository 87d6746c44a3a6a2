import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ArticleRecord, SiteArticleRef, SiteCitation, SiteModel, SiteVersion } from '../types.ts';
import { tsWorker } from '../workers/ts-worker.ts';
import { csvLines } from './csv.ts';

export interface Download {
  /** Path inside the output folder. */
  path: string;
  /** The text in pieces, in order: the files are too large to hold as one string. */
  content: Iterable<string>;
}

const evidenceText = (c: SiteCitation) => c.evidence.map((e) => e.text).join(' ');
/** The versions one article gives: an event's rows are one per report, each with what that report says. */
const givenBy = <T>(versions: SiteVersion<T>[], article: SiteArticleRef) => versions.filter((v) => v.sources.some((s) => s.slug === article.slug)).map((v) => v.value);

/**
 * A row of `archive.json`: the address of the record's page and the cache
 * file that holds the record, or, for a record the cache has no file of,
 * the row's finished text.
 */
export type ArchiveRow = { page: string | null; entry: string } | { line: string };

/**
 * The rows of `archive.json`, which holds the records the extract command
 * prints, each with the address of its page on this site. `entryOf` names
 * the cache file of a record (`ExtractionCache.entryOf`).
 */
export function archiveRows(model: SiteModel, records: ArticleRecord[], pathPrefix: string, entryOf: (record: ArticleRecord) => string | undefined): ArchiveRow[] {
  const pageOf = new Map(model.articles.map((a) => [a.file, `${pathPrefix}articles/${a.slug}/`]));
  return records.map((r) => {
    const page = pageOf.get(r.file.replace(/^.*\//, '')) ?? null;
    const entry = entryOf(r);
    return entry ? { page, entry } : { line: JSON.stringify({ page, ...r }) };
  });
}

/** A row's text: the record read back from its cache file, fields in the same order as the record's own. */
export function archiveLine(row: ArchiveRow): string {
  if ('line' in row) return row.line;
  const { record } = JSON.parse(readFileSync(row.entry, 'utf8')) as { record: ArticleRecord };
  return JSON.stringify({ page: row.page, ...record });
}

/** Writes `data/archive.json` from its rows (on the thread that calls it). */
export function writeArchiveJson(output: string, title: string, rows: ArchiveRow[]): void {
  const path = join(output, 'data/archive.json');
  mkdirSync(dirname(path), { recursive: true });
  writePieces(path, oneItemPerLine({ title, articles: rows }, 'articles', archiveLine));
}

export interface ArchiveWriting {
  /** Resolves once the file is whole; rejects with the thread's error. */
  written: Promise<void>;
  /** The build failed: the thread stops writing into a folder about to be thrown away. */
  stop(): Promise<void>;
}

/**
 * `writeArchiveJson` on a worker thread. Its rows name cache files, not
 * records, so the records can be let go as soon as this starts.
 */
export function startArchiveJson(output: string, title: string, rows: ArchiveRow[]): ArchiveWriting {
  const worker = tsWorker(new URL('../workers/archive-json-worker.ts', import.meta.url), { workerData: { output, title, rows } });
  const written = new Promise<void>((resolvePromise, reject) => {
    worker.once('message', () => resolvePromise());
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`archive.json: its thread stopped (exit code ${code}) before the file was whole`)));
  });
  // Awaited only after the pages are written; until then a failure must not end the process as an unhandled rejection.
  written.catch(() => {});
  return { written, stop: () => worker.terminate().then(() => {}) };
}

function* mapped<T, U>(items: T[], to: (item: T) => U): Generator<U> {
  for (const item of items) yield to(item);
}

function* flatMapped<T, U>(items: T[], to: (item: T) => U[]): Generator<U> {
  for (const item of items) yield* to(item);
}

/** The data behind the site as CSV, for readers who want to check or reuse it; `archive.json` is written apart (`writeArchiveJson`). */
export function buildDownloads(model: SiteModel, pathPrefix: string): Download[] {
  // Rows are made as the file is written, never all at once (see `csvLines`).
  const people = csvLines(
    ['id', 'name', 'country', 'role', 'roles', 'articles', 'first_appearance', 'last_appearance', 'page'],
    mapped(model.people, (p) => [
      p.id,
      p.name,
      p.country,
      p.role,
      p.roles.map((r) => r.text).join('; '),
      p.articles.length,
      p.first?.published?.value ?? null,
      p.last?.published?.value ?? null,
      `${pathPrefix}people/${p.id}/`,
    ]),
  );
  const tariffs = csvLines(
    ['tariff_id', 'label', 'rate_percent', 'scope', 'target', 'status', 'from_rate_percent', 'article', 'article_date', 'evidence', 'article_date_inferred'],
    flatMapped(model.tariffs, (t) =>
      t.history.map((h) => {
        const a = h.citation.article;
        return [t.id, t.label, t.rate, t.scope, t.target, h.status, h.from, a.slug, a.published?.value ?? null, evidenceText(h.citation), a.publishedInferred];
      }),
    ),
  );
  const events = csvLines(
    ['event_id', 'type', 'date', 'date_precision', 'date_inferred', 'status', 'participants', 'venue', 'details', 'article', 'article_date', 'evidence', 'article_date_inferred'],
    flatMapped(model.events, (e) =>
      e.sources.map((s) => [
        e.id,
        e.type,
        e.date?.value ?? null,
        e.date?.precision ?? null,
        e.dateInferred,
        e.status,
        e.participants.map((p) => p.name).join('; '),
        givenBy(e.venues, s.article).map((v) => v.name)[0] ?? null,
        givenBy(e.details, s.article).join('; '),
        s.article.slug,
        s.article.published?.value ?? null,
        evidenceText(s),
        s.article.publishedInferred,
      ]),
    ),
  );
  return [
    { path: 'data/people.csv', content: people },
    { path: 'data/tariffs.csv', content: tariffs },
    { path: 'data/events.csv', content: events },
  ];
}

/**
 * The text of `JSON.stringify(value)` with each item of the array under `key`
 * on a line of its own, piece by piece: one item at a time. A large
 * archive's JSON is a hundred megabytes, which as one string (and again as
 * the bytes written) was the build's highest point of memory. One item per
 * line lets a reader grep or stream the file, and costs a third less to
 * write than indented JSON, which was a third larger.
 */
export function* oneItemPerLine<T extends Record<string, unknown>, I>(
  value: T,
  key: keyof T & string,
  lineOf: (item: I) => string = JSON.stringify,
): Generator<string> {
  const items = value[key] as I[];
  const head = JSON.stringify({ ...value, [key]: [] });
  // A raw quote cannot occur inside a JSON string, so this finds the key itself, not a string that spells it.
  const at = head.indexOf(`${JSON.stringify(key)}:[]`) + JSON.stringify(key).length + 2;
  if (items.length === 0) {
    yield `${head}\n`;
    return;
  }
  yield `${head.slice(0, at)}\n`;
  for (const [i, item] of items.entries()) yield `${lineOf(item)}${i < items.length - 1 ? ',' : ''}\n`;
  yield `${head.slice(at)}\n`;
}

/** Pieces are gathered into writes of about a megabyte: one write per piece costs a system call each. */
function writePieces(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    let pending = '';
    for (const piece of pieces) {
      pending += piece;
      if (pending.length >= 1 << 20) {
        writeSync(fd, pending);
        pending = '';
      }
    }
    if (pending) writeSync(fd, pending);
  } finally {
    closeSync(fd);
  }
}

export async function writeDownloads(output: string, downloads: Download[]): Promise<void> {
  for (const d of downloads) {
    const path = join(output, d.path);
    await mkdir(dirname(path), { recursive: true });
    writePieces(path, d.content);
  }
}
