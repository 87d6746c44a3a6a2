import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchProblems } from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { articles, normaliseText } from '../helpers/site-facts.ts';
import { resultHrefs, settledResults, typeQuery } from '../helpers/search-ui.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

// Search is the one part of the site a crawler cannot check: Pagefind finds its
// bundle and builds result links at run time, so a site built for /archive/
// is checked in a browser too.
const prefix = '/archive/';
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildSite({ pathPrefix: prefix });
  server = await serveStatic(site.dir, { prefix });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

describe(`site served under ${prefix}`, () => {
  it('search finds articles and its results open pages inside the prefix', async () => {
    const context = await browser.newContext();
    const problems = await watchProblems(context, server.origin);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    expect((await page.goto(server.url('search/')))?.status()).toBe(200);
    await typeQuery(page, 'Akazawa');
    const { count } = await settledResults(page);
    expect(count).toBeGreaterThanOrEqual(5);
    const hrefs = await resultHrefs(page);
    expect(hrefs.filter((h) => !new URL(h).pathname.startsWith(prefix)), 'result links outside the prefix').toEqual([]);
    await page.locator('.pagefind-ui__result-title .pagefind-ui__result-link').first().click();
    await page.waitForURL((url) => !url.pathname.endsWith('/search/'));
    expect(new URL(page.url()).pathname.startsWith(prefix)).toBe(true);
    expect(await page.locator('h1').count()).toBe(1);
    expect(problems.errors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.external).toEqual([]);
    await context.close();
  });

  it('a reader can go from the timeline to an article without leaving the prefix', async () => {
    const context = await browser.newContext();
    const problems = await watchProblems(context, server.origin);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const before = server.requests.length;
    await page.goto(server.url());
    await page.getByRole('link', { name: articles.g7.title }).first().click();
    await page.waitForURL((url) => /^\/archive\/articles\/[^/]+\/$/.test(url.pathname));
    expect(normaliseText(await page.locator('h1').first().innerText())).toContain(normaliseText(articles.g7.title));
    await page.waitForLoadState('networkidle');
    const outside = server.requests.slice(before).filter((path) => !path.startsWith(prefix));
    expect(outside, 'requests outside the prefix').toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await context.close();
  });
});
