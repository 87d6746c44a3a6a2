// New tariff rates: every whole percentage from 10 to 50 gets a new value in
// that range, the same old value always the same new one and the order kept,
// so "raised from 10% to 25%" still reads as a rise. Other percentages (growth
// rates, 100%, 2.5%) are left as they are.
import type { Random } from '../prng.ts';

const percent = /(?<![\d.])(\d{2})(?![\d.])(?=\s?%|\s?-?percent\b|\s?-?per cent\b)/g;

export function swapRates(text: string, random: Random): string {
  const olds = [...new Set([...text.matchAll(percent)].map((m) => Number(m[1])))].filter((n) => n >= 10 && n <= 50).sort((a, b) => a - b);
  if (olds.length === 0) return text;
  const news = new Set<number>();
  while (news.size < olds.length) news.add(random.int(10, 50));
  const sorted = [...news].sort((a, b) => a - b);
  const mapping = new Map(olds.map((old, i) => [old, sorted[i]!]));
  return text.replace(percent, (m) => String(mapping.get(Number(m)) ?? m));
}
