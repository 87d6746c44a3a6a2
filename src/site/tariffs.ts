import type { SiteDeadlineRef, SiteTariff, SiteTariffDisagreement } from '../types.ts';
import type { ArticleContext } from './articles.ts';
import { byDate } from './dates.ts';
import type { SiteIds } from './ids.ts';

/** Tariffs across articles, each with what every article said of it, oldest first, and where they disagree on its rate. */
export function buildTariffs(articles: ArticleContext[], ids: SiteIds, disagreements: SiteTariffDisagreement[]): SiteTariff[] {
  const tariffs = new Map<string, SiteTariff>();
  for (const { record, cite } of articles) {
    for (const t of record.tariffs) {
      const { ref, target } = ids.tariff(t);
      let tariff = tariffs.get(ref.id);
      if (!tariff) {
        const disputed = disagreements.filter((d) => d.versions.some((v) => v.value.tariff.id === ref.id));
        tariff = { ...ref, rate: t.rate, scope: t.scope, target, history: [], deadlines: [], disagreements: disputed };
        tariffs.set(ref.id, tariff);
      }
      tariff.history.push({ status: t.status, from: t.from, citation: cite(t.evidence) });
    }
    for (const d of record.deadlines) {
      const t = d.tariff ? record.tariffs.find((x) => x.id === d.tariff) : undefined;
      if (!t) continue;
      const tariff = tariffs.get(ids.tariff(t).ref.id)!;
      const deadline: SiteDeadlineRef = ids.deadline(d);
      if (!tariff.deadlines.some((x) => x.id === deadline.id)) tariff.deadlines.push(deadline);
    }
  }
  return [...tariffs.values()]
    .map((t) => ({
      ...t,
      history: byDate(t.history, (h) => h.citation.article.published),
      deadlines: byDate(t.deadlines, (d) => d.date),
      disagreements: byDate(t.disagreements, (d) => d.firstReported),
    }))
    .sort((a, b) => a.scope.localeCompare(b.scope) || a.rate - b.rate || a.id.localeCompare(b.id));
}
