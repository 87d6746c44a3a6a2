import { slugify } from '../text/slug.ts';
import { addTo } from './buckets.ts';
import type { ArticleRecord, EventRecord, StoryEvent, Version } from '../types.ts';

// The same meeting or call reported by several outlets is one event of the
// story. Two reports are of one event when they agree on its kind and day,
// name the same people (one may name fewer), and do not set it at different
// times of day. Each article contributes at most one report to an event, so
// two calls an article tells apart stay two.

const surname = (name: string) => name.split(/\s+/).at(-1)!;

function samePeople(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return false;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  return small.every((p) => large.includes(p));
}

function compatible(story: StoryEvent, report: EventRecord): boolean {
  if (story.type !== report.type) return false;
  if (!story.date || !report.date || story.date !== report.date || story.precision !== report.precision) return false;
  const times = story.details.filter((d) => /^(morning|afternoon|evening|night)$/.test(d.value)).map((d) => d.value);
  if (report.details.timeOfDay && times.length && !times.includes(report.details.timeOfDay)) return false;
  // Summits and elections are the same occasion whoever attends.
  if (story.type === 'summit' || story.type === 'election') return true;
  return samePeople(story.participants, report.participants);
}

function addVersion(versions: Version<string>[], value: string | null | undefined, article: string) {
  if (!value) return;
  const existing = versions.find((v) => v.value === value);
  if (existing) {
    if (!existing.sources.includes(article)) existing.sources.push(article);
  } else versions.push({ value, sources: [article] });
}

function absorb(story: StoryEvent, report: EventRecord, article: string) {
  story.reports.push({ article, event: report });
  for (const p of report.participants) if (!story.participants.includes(p)) story.participants.push(p);
  addVersion(story.venues, report.venue, article);
  addVersion(story.details, report.details.duration, article);
  addVersion(story.details, report.details.timeOfDay, article);
  if (report.status === 'happened') story.status = 'happened';
  story.venue = story.venues.length === 1 ? story.venues[0]!.value : null;
  story.disagreements = story.venues.length > 1 ? ['venue'] : [];
}

function fresh(report: EventRecord, article: string): StoryEvent {
  const story: StoryEvent = {
    id: '',
    type: report.type,
    date: report.date,
    precision: report.precision,
    dateInferred: report.dateInferred,
    participants: [],
    venue: null,
    venues: [],
    status: report.status,
    details: [],
    reports: [],
    disagreements: [],
  };
  absorb(story, report, article);
  return story;
}

/** Every event of every article, merged into the events of the story, oldest first; undated events last. */
export function mergeEvents(records: ArticleRecord[]): StoryEvent[] {
  const events: StoryEvent[] = [];
  // Only an event of the same kind, day and precision can be a report's twin:
  // looking in that bucket alone keeps the merge linear in the number of reports.
  const byDay = new Map<string, StoryEvent[]>();
  for (const record of records) {
    const claimed = new Set<StoryEvent>();
    for (const report of record.events) {
      const key = report.date && `${report.type}|${report.date}|${report.precision}`;
      const bucket = key ? byDay.get(key) : undefined;
      const twin = bucket?.find((e) => !claimed.has(e) && compatible(e, report));
      if (twin) {
        absorb(twin, report, record.file);
        claimed.add(twin);
      } else {
        const event = fresh(report, record.file);
        claimed.add(event);
        events.push(event);
        if (key) addTo(byDay, key, event);
      }
    }
  }
  events.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.type.localeCompare(b.type));
  const used = new Map<string, number>();
  for (const e of events) {
    const base = slugify(`${e.date ?? 'undated'} ${e.type} ${e.participants.map(surname).join(' ')}`, 'event');
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    e.id = n === 1 ? base : `${base}-${n}`;
  }
  return events;
}
