import type { SiteDeadline } from '../types.ts';
import type { ArticleContext } from './articles.ts';
import { byDate } from './dates.ts';
import type { SiteIds } from './ids.ts';

/** Deadlines by date (undated ones last), each with every article that names it. */
export function buildDeadlines(articles: ArticleContext[], ids: SiteIds): SiteDeadline[] {
  const deadlines = new Map<string, SiteDeadline>();
  for (const { record, cite } of articles) {
    for (const d of record.deadlines) {
      const ref = ids.deadline(d);
      const deadline = deadlines.get(ref.id) ?? { ...ref, mentions: [], tariffs: [], timelineUrl: null };
      const t = d.tariff ? record.tariffs.find((x) => x.id === d.tariff) : undefined;
      const tariff = t ? ids.tariff(t).ref : null;
      deadline.mentions.push({ what: d.what, tariff, citation: cite(d.evidence) });
      if (tariff && !deadline.tariffs.some((x) => x.id === tariff.id)) deadline.tariffs.push(tariff);
      deadlines.set(ref.id, deadline);
    }
  }
  return byDate(
    [...deadlines.values()].map((d) => ({ ...d, mentions: byDate(d.mentions, (m) => m.citation.article.published) })),
    (d) => d.date,
  );
}
