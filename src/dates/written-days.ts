import { matchesOf } from '../text/matches.ts';

// Days written with a month's name ("July 9", "Aug. 1, 2025", "9 July",
// "Wednesday, July 9th") or as ISO dates ("2025-07-09"). News copy writes
// the days it reports in these few forms; one pass of one pattern reads them
// all, where a general date parser tries a dozen parsers at every position.

export interface WrittenDay {
  text: string;
  index: number;
  month: number;
  day: number;
  /** Null when the text gives no year. */
  year: number | null;
}

const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// Capitalised unless asked otherwise: in running text "may 5" is a verb and a number.
const month = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const weekday = '(?:(?:Sun|Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?)(?:day)?\\.?,?\\s+)?';
// A day is one or two digits not run into other digits, a decimal point, a time or a percentage.
const dayEnd = '(?:st|nd|rd|th)?(?![\\d%:]|\\.\\d|\\s*(?:[ap]\\.?m\\b|percent\\b|per cent\\b|pct\\b))';
const day = `(\\d{1,2})${dayEnd}`;
const dayFirst = `(?<![\\d.,$])(\\d{1,2})${dayEnd}`;
// "June 15 to 17", "15-17 June": the span's first day is the date, and the text quotes all of it.
// Before the month only a dash: "from 10 to 25 July" is more likely a change of rate than a span of days.
const untilDay = (words: string) => `(?:\\s*(?:-|–${words})\\s*\\d{1,2}${dayEnd})?`;
const year = '(?:,?\\s+(\\d{4})(?![\\d%]))?';
const pattern = [
  `\\b${weekday}${month}\\s+${day}${untilDay('|to|through|until')}${year}`,
  `\\b${weekday}${dayFirst}${untilDay('')}\\s+(?:of\\s+)?${month}(?![\\p{L}])${year}`,
  '\\b(\\d{4})-(\\d{2})-(\\d{2})\\b',
].join('|');
const writtenDay = { cased: new RegExp(pattern, 'gu'), anyCase: new RegExp(pattern, 'giu') };

const daysIn = (m: number, y: number | null) => (m === 2 ? (y === null || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/**
 * Every day written in the text, in order. Impossible days ("February 30")
 * are left out. `ignoreCase` reads lines set in capitals ("JULY 6, 2025").
 */
export function writtenDays(text: string, options: { ignoreCase?: boolean } = {}): WrittenDay[] {
  const found: WrittenDay[] = [];
  const pattern = options.ignoreCase ? writtenDay.anyCase : writtenDay.cased;
  for (const m of matchesOf(pattern, text)) {
    const [name, dayText, yearText] = m[1] ? [m[1], m[2]!, m[3]] : m[5] ? [m[5], m[4]!, m[6]] : [null, m[9]!, m[7]];
    const monthNumber = name ? months[name.slice(0, 3).toLowerCase()]! : Number(m[8]);
    const dayNumber = Number(dayText);
    const yearNumber = yearText ? Number(yearText) : null;
    if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1 || dayNumber > daysIn(monthNumber, yearNumber)) continue;
    found.push({ text: m[0], index: m.index, month: monthNumber, day: dayNumber, year: yearNumber });
  }
  return found;
}
