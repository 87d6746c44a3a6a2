import type { DatePrecision, FuzzyDate, SiteArticleRef } from '../types.ts';

// Dates here are calendar dates, never instants: all arithmetic is on UTC
// midnights so the machine's time zone cannot shift a day.

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dayMs = 86_400_000;

export function fuzzyDate(value: string | null, precision: DatePrecision | null): FuzzyDate | null {
  return value && precision ? { value, precision } : null;
}

function parts(value: string): [number, number, number] {
  const [y, m = 1, d = 1] = value.split('-').map(Number) as [number, number?, number?];
  return [y, m, d];
}

// The same few thousand date strings are compared again and again while
// sorting and placing tens of thousands of entries.
const dayNumbers = new Map<string, number>();

function dayNumber(value: string): number {
  let day = dayNumbers.get(value);
  if (day === undefined) {
    const [y, m, d] = parts(value);
    day = Date.UTC(y, m - 1, d) / dayMs;
    dayNumbers.set(value, day);
  }
  return day;
}

function isoDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** First day the date can mean. */
export function firstDay(date: FuzzyDate): number {
  return dayNumber(date.value);
}

/** Last day the date can mean. */
export function lastDay(date: FuzzyDate): number {
  const [y, m] = parts(date.value);
  switch (date.precision) {
    case 'day':
      return firstDay(date);
    case 'week':
      return firstDay(date) + 6;
    case 'month':
      return Date.UTC(y, m, 1) / dayMs - 1;
    case 'year':
      return Date.UTC(y + 1, 0, 1) / dayMs - 1;
  }
}

/** Coarser dates sort first among those that start on the same day: "July 2025" heads July. */
const coarseness: Record<DatePrecision, number> = { year: 0, month: 1, week: 2, day: 3 };

export function compareDates(a: FuzzyDate, b: FuzzyDate): number {
  return firstDay(a) - firstDay(b) || coarseness[a.precision] - coarseness[b.precision];
}

/** Sorts dated things by date, undated ones last; ties keep their order. */
export function byDate<T>(items: T[], dateOf: (item: T) => FuzzyDate | null): T[] {
  // One number per item, in the order compareDates gives: the comparisons of a sort of tens of
  // thousands of entries then look up no date.
  const keyOf = (date: FuzzyDate | null) => (date ? firstDay(date) * 4 + coarseness[date.precision] : Infinity);
  return items
    .map((item, i) => ({ item, i, key: keyOf(dateOf(item)) }))
    .sort((a, b) => (a.key === b.key ? a.i - b.i : a.key < b.key ? -1 : 1))
    .map(({ item }) => item);
}

/** "22 July 2025", "week of 7 July 2025", "July 2025", "2025". */
export function formatDate(date: FuzzyDate): string {
  const [y, m, d] = parts(date.value);
  switch (date.precision) {
    case 'day':
      return `${d} ${months[m - 1]} ${y}`;
    case 'week':
      return `week of ${d} ${months[m - 1]} ${y}`;
    case 'month':
      return `${months[m - 1]} ${y}`;
    case 'year':
      return String(y);
  }
}

/** An article's date as text; one inferred from the events the article reports says so. */
export function publishedText(article: SiteArticleRef, fallback = 'date not known'): string {
  if (!article.published) return fallback;
  return `${formatDate(article.published)}${article.publishedInferred ? ' (inferred from the events it reports)' : ''}`;
}

/** The `datetime` attribute of a `<time>`: weeks as ISO weeks, `2025-W30`. */
export function datetimeAttribute(date: FuzzyDate): string {
  if (date.precision !== 'week') return date.value;
  // The ISO week belongs to the year of its Thursday.
  const thursday = firstDay(date) + 3;
  const year = Number(isoDay(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The timeline group a date falls in: its month, or its year when that is all it says. */
export function monthKey(date: FuzzyDate): string {
  return date.precision === 'year' ? date.value.slice(0, 4) : isoDay(firstDay(date)).slice(0, 7);
}

export function monthLabel(key: string): string {
  return key.length === 4 ? `${key}, month unknown` : formatDate({ value: key, precision: 'month' });
}

/** An Atom timestamp for the first moment of the date. */
export function atomTimestamp(date: FuzzyDate): string {
  return `${isoDay(firstDay(date))}T00:00:00Z`;
}
