import type { Page } from 'playwright-core';
import type { ArticleKey } from './site-facts.ts';

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Article links in document order as `{ href, text }`, repeats of the same href in a row folded. */
export async function articleLinks(page: Page, within = 'main'): Promise<{ href: string; text: string }[]> {
  const links = await page.locator(within).first().evaluate((root) =>
    [...root.querySelectorAll('a[href]')]
      .map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent ?? '' }))
      .filter((l) => /\/articles\/[^/]+\/$/.test(new URL(l.href).pathname)),
  );
  return links.filter((link, i) => i === 0 || links[i - 1]!.href !== link.href);
}

/**
 * Which of the seed articles a page links to, as a sorted set of keys. Links
 * are told apart by address (`paths`: article page path → key), since a link
 * may name the outlet and date rather than the headline.
 */
export async function linkedArticles(page: Page, paths: Map<string, ArticleKey>, within = 'main'): Promise<string[]> {
  const keys = new Set<string>();
  for (const link of await articleLinks(page, within)) {
    const path = new URL(link.href).pathname;
    keys.add(paths.get(path) ?? `unknown article ${path}`);
  }
  return [...keys].sort();
}

export interface TimelineMonth {
  /** The heading as shown, e.g. "April 2025". */
  heading: string;
  /** `YYYY-MM` read from the heading; null when it names no month and year. */
  month: string | null;
  entries: { date: string | null; links: { href: string; text: string }[] }[];
}

/**
 * The timeline as month sections, read from the markup a reader sees: each
 * heading naming a month and year, and the list items that follow it in its
 * section, each with the first `<time datetime>` in it (the entry's date).
 */
export async function timelineMonths(page: Page): Promise<TimelineMonth[]> {
  const raw = await page.locator('main').first().evaluate((root) =>
    [...root.querySelectorAll('h2, h3')]
      .filter((h) => h.textContent!.replace(/\s+/g, ' ').trim().length <= 30)
      .map((h) => ({
        heading: h.textContent!.replace(/\s+/g, ' ').trim(),
        entries: [...(h.parentElement?.querySelectorAll(':scope > ol > li, :scope > ul > li') ?? [])].map((li) => ({
          date: li.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
          links: [...li.querySelectorAll('a[href]')].map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent ?? '' })),
        })),
      })),
  );
  return raw
    .map((m) => ({ ...m, month: monthOf(m.heading) }))
    .filter((m) => m.month !== null);
}

function monthOf(heading: string): string | null {
  const index = monthNames.findIndex((m) => new RegExp(`\\b${m}\\b`, 'i').test(heading));
  const year = /\b(\d{4})\b/.exec(heading)?.[1];
  return index >= 0 && year ? `${year}-${String(index + 1).padStart(2, '0')}` : null;
}

/**
 * A `<time datetime>` value as a sortable key: `2025-07` sorts before any day
 * in July, and an ISO week (`2025-W28`) sorts as its Monday.
 */
export function sortableDate(datetime: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(datetime);
  if (week) {
    const year = Number(week[1]);
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (Number(week[2]) - 1) * 7 * 86_400_000);
    return monday.toISOString().slice(0, 10);
  }
  if (/^\d{4}-\d{2}$/.test(datetime)) return `${datetime}-00`;
  if (/^\d{4}$/.test(datetime)) return `${datetime}-00-00`;
  return datetime.slice(0, 10);
}

/** Normalised visible text of the page's main landmark. */
export async function mainText(page: Page): Promise<string> {
  return page.locator('main').first().innerText();
}
