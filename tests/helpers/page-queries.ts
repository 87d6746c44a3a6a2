import type { Page } from 'playwright-core';
import { articleKeyForTitle, type ArticleKey } from './site-facts.ts';

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

/** Which of the seed articles a page links to, as a sorted set of keys. */
export async function linkedArticles(page: Page, within = 'main'): Promise<ArticleKey[]> {
  const keys = new Set<ArticleKey>();
  const unknown: string[] = [];
  for (const link of await articleLinks(page, within)) {
    const key = articleKeyForTitle(link.text);
    if (key) keys.add(key);
    else unknown.push(link.text.trim());
  }
  // A link to an article whose text is not its headline is a finding in itself.
  if (unknown.some((text) => text.length > 0 && !/^(read|more|full|continue)/i.test(text))) {
    keys.add(`unrecognised link text: ${unknown.join(' | ')}` as ArticleKey);
  }
  return [...keys].sort();
}

/**
 * The timeline as a sequence of month headings and article keys in document
 * order, e.g. `['April', 'struggle', 'June', 'g7', …]`.
 */
export async function timelineSequence(page: Page): Promise<string[]> {
  const items = await page.locator('main').first().evaluate((root) =>
    [...root.querySelectorAll('h2, h3, h4, a[href]')].map((el) => ({
      heading: el.tagName !== 'A',
      text: el.textContent ?? '',
      path: el.tagName === 'A' ? new URL((el as HTMLAnchorElement).href).pathname : '',
    })),
  );
  const sequence: string[] = [];
  for (const item of items) {
    let token: string | undefined;
    if (item.heading) {
      // Short headings only: an article headline can name a month too ("August Tariff Deadline").
      const text = item.text.replace(/\s+/g, ' ').trim();
      token = text.length <= 30 ? monthNames.find((m) => new RegExp(`\\b${m}\\b`, 'i').test(text)) : undefined;
    } else if (/\/articles\/[^/]+\/$/.test(item.path)) {
      token = articleKeyForTitle(item.text);
    }
    if (token && sequence[sequence.length - 1] !== token) sequence.push(token);
  }
  return sequence;
}

/** Normalised visible text of the page's main landmark. */
export async function mainText(page: Page): Promise<string> {
  return page.locator('main').first().innerText();
}
