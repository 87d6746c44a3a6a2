import type { ArticleRecord } from '../types.ts';

const precisionWords = { day: 'the day', week: 'the week', month: 'the month', year: 'the year' } as const;

/** What extraction found in a new article, and what is missing with how to fix it, for the curator. */
export function describeRecord(record: ArticleRecord, path: string): string[] {
  const lines: string[] = [];
  const list = (label: string, items: string[]) => lines.push(`${label}: ${items.length ? items.join('; ') : 'none found'}`);
  lines.push(`Title: ${record.title ?? '(none found)'}`);
  lines.push(
    record.published
      ? `Date: ${record.published} (known to ${precisionWords[record.publishedPrecision!]}, from ${record.publishedFrom})`
      : 'Date: none found',
  );
  if (record.source) lines.push(`Source: ${record.source}`);
  if (record.author) lines.push(`Author: ${record.author}`);
  list('People', record.people.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)));
  list('Tariffs', record.tariffs.map((t) => `${t.rate}% on ${t.scope}, ${t.status}${t.from !== null ? ` (from ${t.from}%)` : ''}`));
  list('Deadlines', record.deadlines.map((d) => `${d.date ?? 'undated'}: ${d.what}`));
  list('Events', record.events.map((e) => `${e.type} ${e.date ?? '(undated)'}${e.participants.length ? ` with ${e.participants.join(', ')}` : ''}${e.venue ? ` at ${e.venue}` : ''}`));

  const missing: string[] = [];
  if (!record.published) {
    missing.push(
      `No date found. The article will be placed on the timeline from the events it reports if other articles date them, otherwise with the undated articles at the end, and "on Saturday" or "next week" stay unresolved. Pin it with a line \`date: YYYY-MM-DD\` in the front matter of ${path}.`,
    );
  } else if (record.publishedPrecision !== 'day') {
    missing.push(`The date is known only to ${precisionWords[record.publishedPrecision!]}, so weekdays in the text stay unresolved. Give the day as \`date: YYYY-MM-DD\` in the front matter of ${path}.`);
  }
  if (!record.title) missing.push(`No headline found. Add \`title: "…"\` to the front matter of ${path}.`);
  if (!record.source) missing.push(`No outlet found. Add \`source: "…"\` to the front matter of ${path}.`);
  if (!record.body.trim()) missing.push(`No article text was left after removing the page's boilerplate: check ${path}.`);
  if (missing.length) lines.push('', 'Missing:', ...missing.map((m) => `- ${m}`));
  return lines;
}
