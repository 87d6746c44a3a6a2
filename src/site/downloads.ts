import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ArticleRecord, SiteArticleRef, SiteCitation, SiteModel, SiteVersion } from '../types.ts';
import { toCsv } from './csv.ts';

export interface Download {
  /** Path inside the output folder. */
  path: string;
  content: string;
}

const evidenceText = (c: SiteCitation) => c.evidence.map((e) => e.text).join(' ');
/** The versions one article gives: an event's rows are one per report, each with what that report says. */
const givenBy = <T>(versions: SiteVersion<T>[], article: SiteArticleRef) => versions.filter((v) => v.sources.some((s) => s.slug === article.slug)).map((v) => v.value);

/**
 * The data behind the site, for readers who want to check or reuse it.
 * `archive.json` holds the records exactly as the extract command prints
 * them, each with the address of its page on this site.
 */
export function buildDownloads(model: SiteModel, records: ArticleRecord[], pathPrefix: string): Download[] {
  const pageOf = new Map(model.articles.map((a) => [a.file, `${pathPrefix}articles/${a.slug}/`]));
  const archive = {
    title: model.title,
    articles: records.map((r) => ({ page: pageOf.get(r.file.replace(/^.*\//, '')) ?? null, ...r })),
  };
  const people = toCsv(
    ['id', 'name', 'country', 'role', 'roles', 'articles', 'first_appearance', 'last_appearance', 'page'],
    model.people.map((p) => [
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
  const tariffs = toCsv(
    ['tariff_id', 'label', 'rate_percent', 'scope', 'target', 'status', 'from_rate_percent', 'article', 'article_date', 'evidence', 'article_date_inferred'],
    model.tariffs.flatMap((t) =>
      t.history.map((h) => {
        const a = h.citation.article;
        return [t.id, t.label, t.rate, t.scope, t.target, h.status, h.from, a.slug, a.published?.value ?? null, evidenceText(h.citation), a.publishedInferred];
      }),
    ),
  );
  const events = toCsv(
    ['event_id', 'type', 'date', 'date_precision', 'date_inferred', 'status', 'participants', 'venue', 'details', 'article', 'article_date', 'evidence', 'article_date_inferred'],
    model.events.flatMap((e) =>
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
    { path: 'data/archive.json', content: `${JSON.stringify(archive, null, 2)}\n` },
    { path: 'data/people.csv', content: people },
    { path: 'data/tariffs.csv', content: tariffs },
    { path: 'data/events.csv', content: events },
  ];
}

export async function writeDownloads(output: string, downloads: Download[]): Promise<void> {
  for (const d of downloads) {
    const path = join(output, d.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, d.content);
  }
}
