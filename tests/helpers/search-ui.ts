import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { articles, chronological, normaliseText } from './site-facts.ts';

// Pagefind's default UI as a reader uses it: type a query, read the count line
// and the result headlines, tick filters.

export const searchInput = 'main input[type="search"], main input[type="text"]';

/** Pagefind's default UI, read the way a user reads it: the count line and the result headlines. */
export async function searchState(page: Page): Promise<{ count: number | null; titles: string[]; shown: number; loading: boolean }> {
  return page.evaluate(() => {
    const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
    const match = /(\d+)\s+results?/i.exec(message) ?? (/no results/i.test(message) ? ['', '0'] : null);
    return {
      count: match ? Number(match[1]) : null,
      // Sub-results (headings inside a page) are links too; only the page titles count as results.
      titles: [...document.querySelectorAll('.pagefind-ui__result-title .pagefind-ui__result-link')].map((a) => a.textContent ?? ''),
      shown: document.querySelectorAll('.pagefind-ui__result').length,
      loading: document.querySelector('.pagefind-ui__result .pagefind-ui__loading') !== null,
    };
  });
}

/**
 * Waits until the count line and every shown result have loaded (Pagefind
 * fills results in as their fragments arrive), then returns the count and
 * which seed articles the shown results are (`other: …` for other pages).
 */
export async function settledResults(page: Page): Promise<{ count: number; keys: string[] }> {
  let state = await searchState(page);
  await expect
    .poll(async () => {
      state = await searchState(page);
      return state.count !== null && !state.loading && state.titles.length === state.shown && state.shown <= state.count && (state.count === 0 || state.shown > 0);
    }, { timeout: 15_000 })
    .toBe(true);
  const keys = state.titles.map((t) => chronological.find((k) => normaliseText(t).includes(normaliseText(articles[k].title))) ?? `other: ${t}`);
  return { count: state.count!, keys: keys.sort() };
}

export async function typeQuery(page: Page, query: string): Promise<void> {
  await page.locator(searchInput).first().fill(query);
}

/** Filters sit in collapsed <details>: open them the way a user does, by clicking their summaries. */
export async function openFilterGroups(page: Page): Promise<void> {
  await page.locator('.pagefind-ui__filter-panel').first().waitFor();
  const closed = page.locator('main details:not([open]) > summary');
  // Each click changes which details are closed: always take the first one left.
  for (let n = await closed.count(); n > 0; n = await closed.count()) await closed.first().click();
}


/** Where the shown results lead, as absolute URLs. */
export async function resultHrefs(page: Page): Promise<string[]> {
  return page.locator('.pagefind-ui__result-title .pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
}
