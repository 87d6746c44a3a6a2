import { UTCDate } from '@date-fns/utc';
// date-fns by function: its index imports all of its few hundred modules, a quarter of a second at every start.
import { addDays } from 'date-fns/addDays';
import { addWeeks } from 'date-fns/addWeeks';
import { nextDay } from 'date-fns/nextDay';
import { nextMonday } from 'date-fns/nextMonday';
import { previousDay } from 'date-fns/previousDay';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import type { Day } from 'date-fns';
import type { FuzzyDate } from '../types.ts';

// Calendar arithmetic on date-only values, always in UTC so that a date never
// shifts with the machine's time zone.

export function dayOf(iso: string): UTCDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new UTCDate(y, m - 1, d);
}

// What date-fns's `format` writes for "yyyy-MM" and "yyyy-MM-dd", without reading the pattern anew on every call.
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function yearOf(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value');
  const signed = date.getFullYear();
  return pad(signed > 0 ? signed : 1 - signed, 4);
}

export const isoMonth = (date: Date): string => `${yearOf(date)}-${pad(date.getMonth() + 1, 2)}`;
export const isoDay = (date: Date): string => `${isoMonth(date)}-${pad(date.getDate(), 2)}`;

export const day = (date: Date): FuzzyDate => ({ value: isoDay(date), precision: 'day' });

/** The weekday on or before (past) or on or after (future) the reference day. */
export function nearestWeekday(reference: string, weekday: Day, direction: 'past' | 'future'): FuzzyDate {
  const ref = dayOf(reference);
  if (ref.getDay() === weekday) return day(ref);
  return day(direction === 'past' ? previousDay(ref, weekday) : nextDay(ref, weekday));
}

/** The week after the reference day's week, as its Monday. */
export function nextWeek(reference: string): FuzzyDate {
  return { value: isoDay(nextMonday(dayOf(reference))), precision: 'week' };
}

export function thisWeek(reference: string): FuzzyDate {
  return { value: isoDay(startOfISOWeek(dayOf(reference))), precision: 'week' };
}

export function lastWeek(reference: string): FuzzyDate {
  return { value: isoDay(addWeeks(startOfISOWeek(dayOf(reference)), -1)), precision: 'week' };
}

export function relativeDay(reference: string, days: number): FuzzyDate {
  return day(addDays(dayOf(reference), days));
}

/** A month and day without a year: the year that puts it nearest the reference in the expected direction. */
export function monthDayNear(reference: string, month: number, dayOfMonth: number | null, direction: 'past' | 'future' | 'either'): FuzzyDate {
  const ref = dayOf(reference);
  const candidates = [-1, 0, 1].map((k) => new UTCDate(ref.getFullYear() + k, month - 1, dayOfMonth ?? 1));
  const distance = (d: Date) => {
    const diff = (d.getTime() - ref.getTime()) / 86_400_000;
    // Prefer the expected direction, but a date a few days the other way is
    // still more likely than one eleven months away.
    if (direction === 'past' && diff > 0) return diff * 4;
    if (direction === 'future' && diff < 0 && dayOfMonth !== null) return -diff * 4;
    if (direction === 'future' && dayOfMonth === null && diff < -31) return -diff * 4;
    return Math.abs(diff);
  };
  const best = candidates.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  return dayOfMonth === null ? { value: isoMonth(best), precision: 'month' } : day(best);
}

export function monthOf(reference: string, offset: number): FuzzyDate {
  const ref = dayOf(reference);
  return { value: isoMonth(new UTCDate(ref.getFullYear(), ref.getMonth() + offset, 1)), precision: 'month' };
}

/** Orders fuzzy dates by their first day, then the more precise first. */
export function compareFuzzy(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
