import type { ArticleRecord } from '../../src/types.ts';

// Hand-written expectations for one article (`expected.json` beside its
// input), turned into named checks so that a failure says which fact is wrong.

export interface ExpectedArticle {
  title?: string | null;
  published?: string | null;
  source?: string;
  author?: string;
  bodyIncludes?: string[];
  bodyExcludes?: string[];
  removedKinds?: string[];
  people?: { name: string; role?: string; country?: string | null }[];
  absentNames?: string[];
  quotes?: { name: string; includes: string }[];
  tariffs?: { rate: number; scope: string; status?: string; from?: number | null }[];
  notTariffRates?: number[];
  deadlines?: { date: string; precision?: string }[];
  venues?: string[];
  absentVenues?: string[];
  events?: { type: string; date: string | null; precision?: string | null; participants?: string[]; venue?: string | null; status?: string }[];
  /** Events a reader would not find: a type on a day the article gives for something else. */
  absentEvents?: { type: string; date: string }[];
}

export interface Check {
  name: string;
  /** Null when the fact holds; otherwise what was wrong. */
  problem: string | null;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const show = (v: unknown) => JSON.stringify(v);

export function checksFor(record: ArticleRecord, expected: ExpectedArticle): Check[] {
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, problem: () => string) => checks.push({ name, problem: ok ? null : problem() });
  const body = squash(record.body);

  if ('title' in expected) check('title', record.title === expected.title, () => `title is ${show(record.title)}`);
  if ('published' in expected) check('published', record.published === expected.published, () => `published is ${show(record.published)}`);
  if (expected.source) check('source', record.source?.toLowerCase() === expected.source.toLowerCase(), () => `source is ${show(record.source)}`);
  if (expected.author) check('author', record.author?.toLowerCase() === expected.author.toLowerCase(), () => `author is ${show(record.author)}`);
  for (const f of expected.bodyIncludes ?? []) check(`body keeps "${f}"`, body.includes(squash(f)), () => 'missing from the clean body');
  // A fragment of white space only ("\r") is looked for as it is.
  for (const f of expected.bodyExcludes ?? []) check(`body drops ${show(f)}`, !(squash(f) ? body.includes(squash(f)) : record.body.includes(f)), () => 'still in the clean body');
  const kinds = new Set(record.removed.map((r) => r.kind));
  for (const k of expected.removedKinds ?? []) check(`removed ${k}`, kinds.has(k as never), () => `removed kinds are ${show([...kinds])}`);

  if (expected.people) {
    const names = record.people.map((p) => p.name);
    for (const p of expected.people) {
      const found = record.people.find((x) => x.name === p.name);
      check(`person ${p.name}`, !!found, () => `people are ${show(names)}`);
      if (found && p.role) {
        const role = p.role.toLowerCase();
        check(`role of ${p.name}: ${p.role}`, found.roles.some((r) => r.toLowerCase().includes(role)), () => `roles are ${show(found.roles)}`);
      }
      if (found && p.country !== undefined) check(`country of ${p.name}`, found.country === p.country, () => `country is ${show(found.country)}`);
    }
    const extra = names.filter((n) => !expected.people!.some((p) => p.name === n));
    check('no other people', extra.length === 0, () => `unexpected people ${show(extra)}`);
  }
  const facts = squash(JSON.stringify({ body: record.body, people: record.people, events: record.events, venues: record.venues, tariffs: record.tariffs }));
  for (const n of expected.absentNames ?? []) check(`no trace of ${n}`, !facts.includes(n), () => 'found in the record');

  for (const q of expected.quotes ?? []) {
    const speaker = record.people.find((p) => p.name === q.name);
    check(`${q.name} quoted: "${q.includes}"`, !!speaker?.quotes.some((x) => x.text.includes(q.includes)), () => `quotes are ${show(speaker?.quotes.map((x) => x.text))}`);
  }

  if (expected.tariffs) {
    const ids = record.tariffs.map((t) => `${t.rate}% ${t.scope}`);
    for (const t of expected.tariffs) {
      const found = record.tariffs.find((x) => x.rate === t.rate && x.scope === t.scope);
      check(`tariff ${t.rate}% ${t.scope}`, !!found, () => `tariffs are ${show(ids)}`);
      if (found && t.status) check(`status of ${t.rate}% ${t.scope}`, found.status === t.status, () => `status is ${show(found.status)}`);
      if (found && t.from !== undefined) check(`previous rate of ${t.rate}% ${t.scope}`, found.from === t.from, () => `from is ${show(found.from)}`);
    }
    const extra = ids.filter((id) => !expected.tariffs!.some((t) => `${t.rate}% ${t.scope}` === id));
    check('no other tariffs', extra.length === 0, () => `unexpected tariffs ${show(extra)}`);
  }
  for (const rate of expected.notTariffRates ?? []) check(`${rate}% is not a tariff`, !record.tariffs.some((t) => t.rate === rate), () => 'read as a tariff');

  if (expected.deadlines) {
    const got = record.deadlines.map((d) => `${d.date}/${d.precision}`);
    for (const d of expected.deadlines) {
      check(`deadline ${d.date}`, record.deadlines.some((x) => x.date === d.date && (!d.precision || x.precision === d.precision)), () => `deadlines are ${show(got)}`);
    }
    if (expected.deadlines.length === 0) check('no deadlines', got.length === 0, () => `deadlines are ${show(got)}`);
  }
  const venues = record.venues.map((v) => v.name);
  for (const v of expected.venues ?? []) check(`venue ${v}`, venues.includes(v), () => `venues are ${show(venues)}`);
  for (const v of expected.absentVenues ?? []) check(`not a venue: ${v}`, !venues.includes(v), () => `venues are ${show(venues)}`);

  for (const e of expected.events ?? []) {
    const label = `${e.type} on ${e.date ?? 'no date'} with ${(e.participants ?? []).join(', ') || 'nobody named'}`;
    const found = record.events.find(
      (x) =>
        x.type === e.type &&
        x.date === e.date &&
        (e.precision === undefined || e.date === null || x.precision === e.precision) &&
        (e.participants ?? []).every((p) => x.participants.includes(p)) &&
        (e.venue == null || x.venue === e.venue) &&
        (e.status === undefined || x.status === e.status),
    );
    check(`event ${label}`, !!found, () =>
      `events are ${show(record.events.map((x) => `${x.type} ${x.date}/${x.precision} ${x.status} [${x.participants.join(', ')}] @${x.venue}`))}`,
    );
  }
  for (const e of expected.absentEvents ?? []) {
    check(`no ${e.type} on ${e.date}`, !record.events.some((x) => x.type === e.type && x.date === e.date), () => `events are ${show(record.events.map((x) => `${x.type} ${x.date}`))}`);
  }
  return checks;
}
