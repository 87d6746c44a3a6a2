import type { Day } from 'date-fns';
import type { FuzzyDate } from '../types.ts';
import { lastWeek, monthDayNear, monthOf, nearestWeekday, nextWeek, relativeDay, thisWeek } from './calendar.ts';
import { tenseAt } from './tense.ts';
import { datelinePrefix } from '../text/dateline.ts';
import { writtenDays } from './written-days.ts';
import { matchesOf } from '../text/matches.ts';

/** A date expression found in a sentence, resolved against the article's date where it can be. */
export interface DateMention {
  text: string;
  index: number;
  /** Null when it cannot be resolved (no reference date), or when it points at another event ("earlier in the day"). */
  date: FuzzyDate | null;
  kind: 'absolute' | 'weekday' | 'relative' | 'same-day';
  /** Whether the sentence speaks of the date as past or to come. */
  tense: 'past' | 'future';
}

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const weekdayPattern = /\b(?:(last|next|this|this coming|coming)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const sameDayPattern = /\b(earlier|later) (in the day|that day|on the same day)|\bthe same day\b/gi;
const monthName = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\d{4}-\d{2}-\d{2}/;

type Relative = (ref: string) => FuzzyDate;
const relativePatterns: [RegExp, Relative][] = [
  [/\b(?:later |earlier )?this week\b/gi, thisWeek],
  [/\bnext week\b/gi, nextWeek],
  [/\blast week\b/gi, lastWeek],
  [/\b(?:later |earlier )?this month\b/gi, (r) => monthOf(r, 0)],
  [/\bnext month\b/gi, (r) => monthOf(r, 1)],
  [/\blast month\b/gi, (r) => monthOf(r, -1)],
  [/\byesterday\b/gi, (r) => relativeDay(r, -1)],
  [/\btoday\b/gi, (r) => relativeDay(r, 0)],
  [/\btomorrow\b/gi, (r) => relativeDay(r, 1)],
];

const monthNumbers: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
// "before July", "in September 2019": a month without a day. "May" alone is too often the verb.
const monthOnly =
  /\b(January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|(?<=\b(?:in|since|until|before|by|early|late|mid-|of|during|from|last|next|this)\s)May)(?:,?\s+(\d{4}))?\b(?!\s*\d{1,2}\b)/g;

function dated(year: number, month: number, dayOfMonth: number | null): FuzzyDate {
  const y = String(year).padStart(4, '0');
  const m = String(month).padStart(2, '0');
  return dayOfMonth === null ? { value: `${y}-${m}`, precision: 'month' } : { value: `${y}-${m}-${String(dayOfMonth).padStart(2, '0')}`, precision: 'day' };
}

function absoluteMentions(sentence: string, reference: string | null): DateMention[] {
  // Absolute dates always name a month or write an ISO date; most sentences do neither.
  if (!monthName.test(sentence)) return [];
  const withDay: DateMention[] = writtenDays(sentence).map((d) => {
    const tense = tenseAt(sentence, d.index);
    const date = d.year !== null ? dated(d.year, d.month, d.day) : reference ? monthDayNear(reference, d.month, d.day, tense) : null;
    return { text: d.text, index: d.index, date, kind: 'absolute', tense } satisfies DateMention;
  });
  const months: DateMention[] = matchesOf(monthOnly, sentence)
    .filter((m) => !withDay.some((d) => d.index <= m.index && m.index < d.index + d.text.length))
    .map((m) => {
      const tense = tenseAt(sentence, m.index);
      const month = monthNumbers[m[1]!.slice(0, 3).toLowerCase()]!;
      const date = m[2] ? dated(Number(m[2]), month, null) : reference ? monthDayNear(reference, month, null, tense) : null;
      return { text: m[0], index: m.index, date, kind: 'absolute', tense } satisfies DateMention;
    });
  return [...withDay, ...months];
}

function weekdayMentions(sentence: string, reference: string | null): DateMention[] {
  return matchesOf(weekdayPattern, sentence).map((m) => {
    const qualifier = m[1]?.toLowerCase();
    const until = /\b(until|till|by|before|ahead of|through|no later than)\s+$/i.test(sentence.slice(0, m.index));
    const tense = qualifier === 'last' ? 'past' : qualifier || until ? 'future' : tenseAt(sentence, m.index);
    const weekday = weekdays.indexOf(m[2]!.toLowerCase()) as Day;
    let date = reference ? nearestWeekday(reference, weekday, tense) : null;
    if (date && qualifier === 'next' && date.value === reference) date = relativeDay(reference!, 7);
    return { text: m[0], index: m.index, date, kind: 'weekday', tense } satisfies DateMention;
  });
}

// Each relative pattern holds one of these words whole; most sentences have none.
const relativeWords = /\b(?:(?:this|next|last) (?:week|month)|yesterday|today|tomorrow)\b/i;

function relativeMentions(sentence: string, reference: string | null): DateMention[] {
  const found: DateMention[] = [];
  for (const [pattern, resolve] of relativeWords.test(sentence) ? relativePatterns : []) {
    for (const m of matchesOf(pattern, sentence)) {
      found.push({ text: m[0], index: m.index, date: reference ? resolve(reference) : null, kind: 'relative', tense: tenseAt(sentence, m.index) });
    }
  }
  for (const m of matchesOf(sameDayPattern, sentence)) {
    found.push({ text: m[0], index: m.index, date: null, kind: 'same-day', tense: 'past' });
  }
  return found;
}

const overlaps = (a: DateMention, b: DateMention) => a.index < b.index + b.text.length && b.index < a.index + a.text.length;

// The deadline and event steps both read every sentence's dates; read them once. The
// sentence itself is the key (a string keeps its hash), not a new string joining it to the reference.
const recent = new Map<string, { reference: string | null; found: DateMention[] }>();

/** Every date expression in a sentence, in the order they appear. `reference` is the article's day (YYYY-MM-DD). */
export function findDateMentions(sentence: string, reference: string | null): DateMention[] {
  const known = recent.get(sentence);
  if (known?.reference === reference) return known.found;
  const found = readDateMentions(sentence, reference);
  // Starting over when full: evicting the oldest entry one at a time makes the Map scan its deleted slots each time.
  if (!known && recent.size >= 256) recent.clear();
  recent.set(sentence, { reference, found });
  return found;
}

function readDateMentions(sentence: string, reference: string | null): DateMention[] {
  const absolute = absoluteMentions(sentence, reference);
  const others = [...weekdayMentions(sentence, reference), ...relativeMentions(sentence, reference)].filter(
    (m) => !absolute.some((a) => overlaps(a, m)),
  );
  // A dateline's date ("TOKYO, May 23 (Reuters) -") is the day the story was filed, not the day of what it reports.
  const filedUntil = datelinePrefix.exec(sentence)?.[0].length ?? 0;
  return [...absolute, ...others].filter((m) => m.index >= filedUntil).sort((a, b) => a.index - b.index);
}
