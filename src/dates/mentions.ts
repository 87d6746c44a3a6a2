import * as chrono from 'chrono-node';
import type { Day } from 'date-fns';
import type { FuzzyDate } from '../types.ts';
import { lastWeek, monthDayNear, monthOf, nearestWeekday, nextWeek, relativeDay, thisWeek } from './calendar.ts';
import { tenseAt } from './tense.ts';

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

function absoluteMentions(sentence: string, reference: string | null): DateMention[] {
  const instant = reference ? new Date(`${reference}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  return chrono.en.casual
    .parse(sentence, { instant, timezone: 0 })
    .filter((r) => r.start.isCertain('month') && monthName.test(r.text))
    .map((r) => {
      const text = r.text.replace(/[\s,]+$/, '');
      const tense = tenseAt(sentence, r.index);
      const month = r.start.get('month')!;
      const dayOfMonth = r.start.isCertain('day') ? r.start.get('day')! : null;
      let date: FuzzyDate | null = null;
      if (r.start.isCertain('year')) {
        const y = String(r.start.get('year')).padStart(4, '0');
        const m = String(month).padStart(2, '0');
        date = dayOfMonth === null ? { value: `${y}-${m}`, precision: 'month' } : { value: `${y}-${m}-${String(dayOfMonth).padStart(2, '0')}`, precision: 'day' };
      } else if (reference) {
        date = monthDayNear(reference, month, dayOfMonth, tense);
      }
      return { text, index: r.index, date, kind: 'absolute', tense } satisfies DateMention;
    });
}

function weekdayMentions(sentence: string, reference: string | null): DateMention[] {
  return [...sentence.matchAll(weekdayPattern)].map((m) => {
    const qualifier = m[1]?.toLowerCase();
    const until = /\b(until|till|by|before|ahead of|through|no later than)\s+$/i.test(sentence.slice(0, m.index));
    const tense = qualifier === 'last' ? 'past' : qualifier || until ? 'future' : tenseAt(sentence, m.index);
    const weekday = weekdays.indexOf(m[2]!.toLowerCase()) as Day;
    let date = reference ? nearestWeekday(reference, weekday, tense) : null;
    if (date && qualifier === 'next' && date.value === reference) date = relativeDay(reference!, 7);
    return { text: m[0], index: m.index, date, kind: 'weekday', tense } satisfies DateMention;
  });
}

function relativeMentions(sentence: string, reference: string | null): DateMention[] {
  const found: DateMention[] = [];
  for (const [pattern, resolve] of relativePatterns) {
    for (const m of sentence.matchAll(pattern)) {
      found.push({ text: m[0], index: m.index, date: reference ? resolve(reference) : null, kind: 'relative', tense: tenseAt(sentence, m.index) });
    }
  }
  for (const m of sentence.matchAll(sameDayPattern)) {
    found.push({ text: m[0], index: m.index, date: null, kind: 'same-day', tense: 'past' });
  }
  return found;
}

const overlaps = (a: DateMention, b: DateMention) => a.index < b.index + b.text.length && b.index < a.index + a.text.length;

/** Every date expression in a sentence, in the order they appear. `reference` is the article's day (YYYY-MM-DD). */
export function findDateMentions(sentence: string, reference: string | null): DateMention[] {
  const absolute = absoluteMentions(sentence, reference);
  const others = [...weekdayMentions(sentence, reference), ...relativeMentions(sentence, reference)].filter(
    (m) => !absolute.some((a) => overlaps(a, m)),
  );
  return [...absolute, ...others].sort((a, b) => a.index - b.index);
}
