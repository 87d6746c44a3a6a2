import { thisWeek } from '../dates/calendar.ts';
import type { ArticleRecord, TariffDisagreement, TariffStatus } from '../types.ts';

// Articles of one week that give one scope different rates with the same
// status ("set to take effect: 24%" against "set to take effect: 25%")
// disagree. A change an article states ("to 25% from 10%") is not a
// disagreement, and neither is a rate with another status.

export function findTariffDisagreements(records: ArticleRecord[]): TariffDisagreement[] {
  const groups = new Map<string, { scope: string; target: string | null; status: TariffStatus; rates: Map<number, Set<string>>; changes: Set<string> }>();
  for (const record of records) {
    if (record.publishedPrecision !== 'day' || !record.published) continue;
    const week = thisWeek(record.published).value;
    for (const t of record.tariffs) {
      const key = [week, t.scope, t.target ?? '', t.status].join('|');
      const group = groups.get(key) ?? { scope: t.scope, target: t.target, status: t.status, rates: new Map(), changes: new Set() };
      groups.set(key, group);
      // A set: one week can hold thousands of articles giving the same rate.
      const sources = group.rates.get(t.rate) ?? new Set();
      sources.add(record.file);
      group.rates.set(t.rate, sources);
      if (t.from !== null) group.changes.add([t.from, t.rate].sort().join('>'));
    }
  }
  const found: TariffDisagreement[] = [];
  for (const g of groups.values()) {
    if (g.rates.size < 2) continue;
    const rates = [...g.rates.keys()].sort((a, b) => a - b);
    const stated = rates.some((a) => rates.some((b) => g.changes.has([a, b].sort().join('>'))));
    if (stated) continue;
    found.push({ scope: g.scope, target: g.target, status: g.status, versions: rates.map((value) => ({ value, sources: [...g.rates.get(value)!] })) });
  }
  return found;
}
