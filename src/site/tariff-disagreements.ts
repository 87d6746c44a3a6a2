import type { SiteTariffDisagreement, Story } from '../types.ts';
import type { ArticleContext } from './articles.ts';
import { byDate } from './dates.ts';
import { tariffName, type SiteIds } from './ids.ts';

/** The story's tariff disagreements, each rate linked to its tariff page and cited by its articles. */
export function buildTariffDisagreements(story: Story, articles: ArticleContext[], ids: SiteIds): SiteTariffDisagreement[] {
  const byFile = new Map(articles.map((a) => [a.record.file, a]));
  return story.tariffDisagreements.map((d) => {
    const versions = d.versions.map((v) => {
      // The rate as the first of its articles records it, for the page it is on.
      const record = byFile.get(v.sources[0]!)!.record;
      const t = record.tariffs.find((x) => x.rate === v.value && x.scope === d.scope && x.target === d.target && x.status === d.status)!;
      const sources = byDate(
        v.sources.map((f) => byFile.get(f)!.ref),
        (a) => a.published,
      );
      return { value: { rate: v.value, tariff: ids.tariff(t).ref }, sources };
    });
    // Each version's sources are in date order, undated last.
    const first = byDate(versions.map((v) => v.sources[0]!), (a) => a.published)[0]!;
    return { what: `${tariffName(d.scope)}${d.target ? ` on goods from ${d.target}` : ''}`, status: d.status, firstReported: first.published, versions };
  });
}
