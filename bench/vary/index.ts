import type { Random } from '../prng.ts';
import { articleDate, shiftDates } from './dates.ts';
import { swapPeople, type PoolPerson } from './people.ts';
import { swapRates } from './rates.ts';
import { swapVenues } from './venues.ts';

export interface Variation {
  /** Days every date in the article moves by. */
  days: number;
  people: Map<string, PoolPerson>;
  pool: PoolPerson[];
  random: Random;
}

const day = 86_400_000;
// An article that gives no date at all still has its weekdays moved; this only sets the year its months are read in.
const undatedReference = Date.UTC(2025, 6, 1);

export function varyText(text: string, v: Variation): string {
  const from = articleDate(text) ?? undatedReference;
  const to = from + v.days * day;
  let out = shiftDates(text, { from, to });
  out = swapPeople(out, v.pool, v.people);
  out = swapRates(out, v.random);
  return swapVenues(out, v.random, new Date(to).getUTCFullYear());
}
