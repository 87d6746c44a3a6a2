// Moves an article in time: every absolute date, month, year and weekday in
// the text moves by the same number of days, so "on Tuesday" still names the
// day before a Wednesday dateline and a deadline stays the same distance ahead.
const fullMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const day = 86_400_000;

// Full names first so that "March" is not read as "Mar" plus text.
const monthAlternation = [...fullMonths, 'Sept', ...shortMonths.filter((m) => m !== 'May')].join('|');
// A lone month name only where the words around it make it a date ("in July",
// "the August deadline"), so "May" the verb and "March" the noun stay put.
const monthContext = '(?<=\\b(?:[Ii]n|[Ss]ince|[Uu]ntil|by|[Ff]rom|through|to|[Bb]efore|[Aa]fter|of|on|[Ee]arly|[Ll]ate|mid|[Tt]he|a|an|[Tt]his|[Ll]ast|[Nn]ext|end)[\\s-])';

const pattern = new RegExp(
  [
    /\b(?<iso>(?<isoY>20\d\d)(?<isoSep>[-/])(?<isoM>\d\d)\k<isoSep>(?<isoD>\d\d))\b/.source,
    /\b(?<ym>(?<ymY>20\d\d)-(?<ymM>\d\d))\b(?![-/]\d)/.source,
    `\\b(?<md>(?<mdMonth>${monthAlternation})(?<mdDot>\\.?) (?<mdDay>\\d{1,2})(?<mdOrd>st|nd|rd|th)?\\b(?:(?<mdComma>,? )(?<mdYear>20\\d\\d)\\b)?)`,
    `\\b(?<dm>(?<dmDay>\\d{1,2}) (?<dmMonth>${monthAlternation})(?<dmDot>\\.?)(?: (?<dmYear>20\\d\\d))?)\\b`,
    `\\b(?<my>(?<myMonth>${fullMonths.join('|')}) (?<myYear>20\\d\\d))\\b`,
    `${monthContext}(?<m>${fullMonths.join('|')})\\b`,
    /(?<![\d/.-])\b(?<y>20[12]\d)\b(?![\d/-])/.source,
    `\\b(?<wd>${weekdays.join('|')})\\b`,
  ].join('|'),
  'g',
);

function monthIndex(name: string): number {
  const full = fullMonths.indexOf(name);
  if (full >= 0) return full;
  return shortMonths.indexOf(name === 'Sept' ? 'Sep' : name);
}

/** The month's name in the style the source used for it. */
function monthName(index: number, style: string, dot: string): string {
  if (fullMonths.includes(style)) return fullMonths[index]!;
  const short = style === 'Sept' && index === 8 ? 'Sept' : shortMonths[index]!;
  // AP style writes May, June and July out; an abbreviation with a dot would read oddly there.
  return short === 'May' ? 'May' : `${short}${dot}`;
}

function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

const utc = (y: number, m: number, d: number) => Date.UTC(y, m, d);
const pad = (n: number) => String(n).padStart(2, '0');

/** A date with no year is read in the year that puts it nearest the article's own date. */
function nearestYear(base: number, month: number, dayOfMonth: number): number {
  const y = new Date(base).getUTCFullYear();
  return [y - 1, y, y + 1].reduce((best, c) => (Math.abs(utc(c, month, dayOfMonth) - base) < Math.abs(utc(best, month, dayOfMonth) - base) ? c : best));
}

export interface DateShift {
  /** The article's own date before and after, as UTC midnight milliseconds. */
  from: number;
  to: number;
}

/** The date an article is pinned to: front matter, else its first full date; null when it has none. */
export function articleDate(text: string): number | null {
  const front = /^(?:\uFEFF)?---\r?\n[\s\S]*?^date:\s*"?(20\d\d)(?:-(\d\d))?(?:-(\d\d))?/m.exec(text);
  if (front) return utc(Number(front[1]), Number(front[2] ?? 1) - 1, Number(front[3] ?? 1));
  for (const m of text.matchAll(pattern)) {
    const g = m.groups!;
    if (g.iso) return utc(Number(g.isoY), Number(g.isoM) - 1, Number(g.isoD));
    if (g.md && g.mdYear) return utc(Number(g.mdYear), monthIndex(g.mdMonth!), Number(g.mdDay));
    if (g.dm && g.dmYear) return utc(Number(g.dmYear), monthIndex(g.dmMonth!), Number(g.dmDay));
  }
  return null;
}

export function shiftDates(text: string, { from, to }: DateShift): string {
  const delta = Math.round((to - from) / day);
  const a = new Date(from);
  const b = new Date(to);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  const years = b.getUTCFullYear() - a.getUTCFullYear();
  const moveDay = (y: number, m: number, d: number) => new Date(utc(y, m, d) + delta * day);
  const moveMonth = (y: number, m: number) => {
    const total = y * 12 + m + months;
    return { year: Math.floor(total / 12), month: ((total % 12) + 12) % 12 };
  };

  return text.replace(pattern, (whole, ...args) => {
    const g = args.at(-1) as Record<string, string | undefined>;
    if (g.iso) {
      const moved = moveDay(Number(g.isoY), Number(g.isoM) - 1, Number(g.isoD));
      const s = g.isoSep!;
      return `${moved.getUTCFullYear()}${s}${pad(moved.getUTCMonth() + 1)}${s}${pad(moved.getUTCDate())}`;
    }
    if (g.ym) {
      const moved = moveMonth(Number(g.ymY), Number(g.ymM) - 1);
      return `${moved.year}-${pad(moved.month + 1)}`;
    }
    if (g.md) {
      const month = monthIndex(g.mdMonth!);
      const dayOfMonth = Number(g.mdDay);
      if (dayOfMonth < 1 || dayOfMonth > 31) return whole;
      const moved = moveDay(g.mdYear ? Number(g.mdYear) : nearestYear(from, month, dayOfMonth), month, dayOfMonth);
      const d = moved.getUTCDate();
      let out = `${monthName(moved.getUTCMonth(), g.mdMonth!, g.mdDot!)} ${d}${g.mdOrd ? ordinal(d) : ''}`;
      if (g.mdYear) out += `${g.mdComma}${moved.getUTCFullYear()}`;
      return out;
    }
    if (g.dm) {
      const month = monthIndex(g.dmMonth!);
      const dayOfMonth = Number(g.dmDay);
      if (dayOfMonth < 1 || dayOfMonth > 31) return whole;
      const moved = moveDay(g.dmYear ? Number(g.dmYear) : nearestYear(from, month, dayOfMonth), month, dayOfMonth);
      let out = `${moved.getUTCDate()} ${monthName(moved.getUTCMonth(), g.dmMonth!, g.dmDot!)}`;
      if (g.dmYear) out += ` ${moved.getUTCFullYear()}`;
      return out;
    }
    if (g.my) {
      const moved = moveMonth(Number(g.myYear), monthIndex(g.myMonth!));
      return `${fullMonths[moved.month]} ${moved.year}`;
    }
    if (g.m) return fullMonths[moveMonth(a.getUTCFullYear(), monthIndex(g.m)).month]!;
    if (g.y) return String(Number(g.y) + years);
    if (g.wd) return weekdays[(((weekdays.indexOf(g.wd) + delta) % 7) + 7) % 7]!;
    return whole;
  });
}
