import { basename } from 'node:path';
import type { Archive } from '../../src/archive.ts';

// Hand-written expectations for a story told by several articles
// (`tests/fixtures/story/<scenario>/expected.json`), as named checks.

export interface ExpectedStory {
  events?: {
    type: string;
    date: string;
    participants?: string[];
    sources: string[];
    details?: string[];
    venues?: { venue: string; sources: string[] }[];
    disagreement?: string;
  }[];
  distinctEvents?: [string, string, number][];
  people?: { name: string; articles: string[]; roles?: { role: string }[] }[];
  tariffDisagreements?: { scope: string; rates: number[]; sources: string[] }[];
  inferredDates?: { file: string; from: string; to: string }[];
}

export interface Check {
  name: string;
  problem: string | null;
}

const show = (v: unknown) => JSON.stringify(v);
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function storyChecks(archive: Archive, expected: ExpectedStory): Check[] {
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, problem: () => string) => checks.push({ name, problem: ok ? null : problem() });
  const files = (paths: string[]) => [...new Set(paths.map((p) => basename(p)))].sort();
  const events = archive.story.events;
  const describe = () => show(events.map((e) => `${e.type} ${e.date} [${e.participants.join(', ')}] from ${files(e.reports.map((r) => r.article)).join(', ')}`));

  for (const e of expected.events ?? []) {
    const label = `${e.type} on ${e.date} with ${(e.participants ?? []).join(', ')}`;
    const candidates = events.filter((x) => x.type === e.type && x.date === e.date && (e.participants ?? []).every((p) => x.participants.includes(p)));
    const found = candidates.find((x) => sameSet(files(x.reports.map((r) => r.article)), [...e.sources].sort())) ?? candidates[0];
    check(`one event: ${label}`, !!found, describe);
    if (!found) continue;
    const sources = files(found.reports.map((r) => r.article));
    check(`${label} cites ${e.sources.join(', ')}`, sameSet(sources, [...e.sources].sort()), () => `cites ${show(sources)}`);
    for (const d of e.details ?? []) {
      const number = /\d+/.exec(d)?.[0] ?? d;
      check(`${label} keeps the detail "${d}"`, found.details.some((x) => x.value.includes(number)), () => `details are ${show(found.details.map((x) => x.value))}`);
    }
    for (const v of e.venues ?? []) {
      const version = found.venues.find((x) => x.value === v.venue);
      check(`${label} at ${v.venue} according to ${v.sources.join(', ')}`, !!version && sameSet(files(version.sources), [...v.sources].sort()), () => `venues are ${show(found.venues.map((x) => ({ venue: x.value, sources: files(x.sources) })))}`);
    }
    if (e.disagreement) check(`${label} shows the disagreement on ${e.disagreement}`, found.disagreements.includes(e.disagreement as never), () => `disagreements are ${show(found.disagreements)}`);
  }
  for (const [type, date, n] of expected.distinctEvents ?? []) {
    const count = events.filter((e) => e.type === type && e.date === date).length;
    check(`${n} distinct ${type} events on ${date}`, count === n, () => `found ${count}: ${describe()}`);
  }
  for (const p of expected.people ?? []) {
    const articles = archive.records.filter((r) => r.people.some((x) => x.name === p.name)).map((r) => basename(r.file));
    check(`${p.name} is one person in ${p.articles.join(', ')}`, p.articles.every((a) => articles.includes(a)), () => `found in ${show(articles)}`);
    const roles = archive.records.flatMap((r) => r.people.filter((x) => x.name === p.name).flatMap((x) => x.roles.map((role) => role.toLowerCase())));
    for (const r of p.roles ?? []) check(`${p.name} as ${r.role}`, roles.some((x) => x.includes(r.role.toLowerCase())), () => `roles are ${show([...new Set(roles)])}`);
  }
  for (const t of expected.tariffDisagreements ?? []) {
    const found = archive.story.tariffDisagreements.find((d) => d.scope === t.scope && sameSet(d.versions.map((v) => String(v.value)), t.rates.map(String)));
    check(`disagreement on the ${t.scope} rate: ${t.rates.join(' or ')}`, !!found, () => `disagreements are ${show(archive.story.tariffDisagreements)}`);
    if (found) check(`that disagreement cites ${t.sources.join(', ')}`, sameSet(files(found.versions.flatMap((v) => v.sources)), [...t.sources].sort()), () => `cites ${show(files(found.versions.flatMap((v) => v.sources)))}`);
  }
  for (const d of expected.inferredDates ?? []) {
    const record = archive.records.find((r) => basename(r.file) === d.file)!;
    const inferred = archive.story.inferredDates.find((x) => x.article === record.file);
    check(`${d.file} is dated from what it reports`, !!inferred && inferred.from >= d.from && inferred.to <= d.to, () => `inferred ${show(inferred)}`);
    check(`${d.file} is marked as inferred`, record.publishedFrom === 'inferred', () => `published ${show(record.published)} from ${show(record.publishedFrom)}`);
  }
  return checks;
}
