import type { ArticleRecord, EventRecord, Evidence, SiteArticle, SiteArticleRef, SiteCitation, SiteEvent, SitePlacement } from '../types.ts';
import { fuzzyDate } from './dates.ts';
import { markEvidence, type NumberedFact } from './evidence-marks.ts';
import type { SiteIds } from './ids.ts';

/** An article on its way to the site, with what the other pages need from it. */
export interface ArticleContext {
  record: ArticleRecord;
  ref: SiteArticleRef;
  cite(evidence: Evidence[]): SiteCitation;
  /**
   * The article's page. Its events are the story's, which cite every article
   * that reports them, so the page is built once every article can be cited.
   */
  page(eventOf: (report: EventRecord) => SiteEvent, placement: SitePlacement | null): SiteArticle;
}

/** Article URLs come from untrusted front matter: only web links become links. */
function webUrl(raw: string | null): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function uniqueEvidence(lists: Evidence[][]): Evidence[] {
  const seen = new Set<string>();
  return lists.flat().filter((e) => {
    const key = `${e.line}\u0000${e.text}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function buildArticle(record: ArticleRecord, ids: SiteIds): ArticleContext {
  const slug = ids.article(record);
  const ref: SiteArticleRef = {
    slug,
    title: record.title ?? record.file.replace(/^.*\//, ''),
    source: record.source,
    published: fuzzyDate(record.published, record.publishedPrecision),
    publishedInferred: record.publishedFrom === 'inferred',
  };

  // Facts are numbered in the order the page lists them.
  let n = 0;
  const numbered = <T>(items: T[], evidence: (item: T) => Evidence[]) =>
    items.map((item) => ({ item, n: ++n, evidence: evidence(item) }));
  const people = numbered(record.people, (p) => uniqueEvidence([p.evidence, p.quotes.map((q) => q.evidence)]));
  const tariffs = numbered(record.tariffs, (t) => t.evidence);
  const deadlines = numbered(record.deadlines, (d) => d.evidence);
  const venues = numbered(record.venues, (v) => v.evidence);
  const eventFacts = numbered(record.events, (e) => e.evidence);
  const all: NumberedFact[] = [...people, ...tariffs, ...deadlines, ...venues, ...eventFacts];

  const marked = markEvidence(record.paragraphs, all);
  const located = (evidence: Evidence[]) => evidence.map(marked.located);
  const cite = (evidence: Evidence[]): SiteCitation => ({ article: ref, evidence: located(evidence) });
  const tariffRef = (id: string | null) => {
    const t = id ? record.tariffs.find((x) => x.id === id) : undefined;
    return t ? ids.tariff(t).ref : null;
  };
  const url = webUrl(record.url);

  // The reference's fields spelled out: spread in, they gave each article's page a V8 shape of its own.
  const page = (eventOf: (report: EventRecord) => SiteEvent, placement: SitePlacement | null): SiteArticle => ({
    slug,
    title: ref.title,
    source: ref.source,
    published: ref.published,
    publishedInferred: ref.publishedInferred,
    file: record.file.replace(/^.*\//, ''),
    author: record.author,
    url: url?.href ?? null,
    urlHost: url?.hostname.replace(/^www\./, '') ?? null,
    paragraphs: marked.paragraphs,
    facts: {
      people: people.map(({ item: p, n, evidence }) => ({
        n,
        evidence: located(evidence),
        person: { id: ids.person(p.name), name: p.name },
        roles: p.roles,
        country: p.country,
      })),
      tariffs: tariffs.map(({ item: t, n, evidence }) => {
        const { ref: tariff, target } = ids.tariff(t);
        return { n, evidence: located(evidence), tariff, status: t.status, from: t.from, target };
      }),
      deadlines: deadlines.map(({ item: d, n, evidence }) => ({
        n,
        evidence: located(evidence),
        deadline: ids.deadline(d),
        what: d.what,
        tariff: tariffRef(d.tariff),
      })),
      venues: venues.flatMap(({ item: v, n, evidence }) => {
        const venue = ids.venue(v.name);
        return venue ? [{ n, evidence: located(evidence), venue }] : [];
      }),
      events: eventFacts.map(({ item, n, evidence }) => {
        const event = eventOf(item);
        const others = event.sources.map((s) => s.article).filter((a) => a.slug !== slug);
        return { n, evidence: located(evidence), event, others };
      }),
    },
    placement,
    removed: record.removed,
    messages: record.messages,
  });
  return { record, ref, cite, page };
}

/** Records in seed-file order; the result is in the same order. */
export function buildArticles(records: ArticleRecord[], ids: SiteIds): ArticleContext[] {
  return records.map((r) => buildArticle(r, ids));
}
