import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, launchBrowser, runAxe, watchProblems, type PageProblems } from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { articleLinks, linkedArticles, mainText, timelineSequence } from '../helpers/page-queries.ts';
import { articles, autoTariff, chronological, months, normaliseText, pageTypes, people, type ArticleKey } from '../helpers/site-facts.ts';
import { openFilterGroups, searchInput, settledResults, typeQuery } from '../helpers/search-ui.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  site = await buildSite();
  server = await serveStatic(site.dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

interface Tab {
  page: Page;
  problems: PageProblems;
}

async function open(options: BrowserContextOptions = {}): Promise<Tab> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const problems = await watchProblems(context, server.origin);
  const page = await context.newPage();
  // A missing element should fail the test quickly with its selector, not at the test timeout.
  page.setDefaultTimeout(10_000);
  return { page, problems };
}

async function closeAll(): Promise<void> {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
}

async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(server.url(path));
  expect(response?.status(), `status of ${path}`).toBe(status);
}

async function h1(page: Page): Promise<string> {
  return normaliseText(await page.locator('h1').first().innerText());
}

/** The absolute URL of one page of a type: fixed, or the first matching link on its index. */
async function urlOfType(page: Page, type: (typeof pageTypes)[number]): Promise<string> {
  if (type.path !== undefined) return server.url(type.path);
  const { index, pattern } = type.firstLinkOn!;
  await visit(page, index);
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const href = hrefs.find((h) => pattern.test(new URL(h).pathname));
  if (!href) throw new Error(`no link matching ${pattern} on /${index}`);
  return href;
}

function articleUrlsByKey(links: { href: string; text: string }[]): Map<ArticleKey, string> {
  const byKey = new Map<ArticleKey, string>();
  for (const key of chronological) {
    const link = links.find((l) => normaliseText(l.text).toLowerCase().includes(normaliseText(articles[key].title).toLowerCase()));
    if (link) byKey.set(key, link.href);
  }
  return byKey;
}

describe('timeline and navigation', () => {
  afterAll(closeAll);

  it('the timeline lists every article oldest first, under month headings', async () => {
    const { page } = await open();
    await visit(page, '');
    const expected = months.flatMap((m) => [m.name, ...m.articles]);
    expect(await timelineSequence(page)).toEqual(expected);
  });

  it('the timeline links to /newest/, which lists the articles newest first', async () => {
    const { page } = await open();
    await visit(page, '');
    await page.locator('a[href$="/newest/"]').first().click();
    await page.waitForURL(/\/newest\/$/);
    const order = (await articleLinks(page)).map((l) => normaliseText(l.text));
    const expected = [...chronological].reverse().map((k) => normaliseText(articles[k].title));
    expect(order.filter((t) => expected.some((e) => t.includes(e)))).toEqual(
      expected.map((e) => order.find((t) => t.includes(e)) ?? `missing: ${e}`),
    );
  });

  it('clicking a headline on the timeline opens that article', async () => {
    const { page } = await open();
    await visit(page, '');
    const facts = articles.deadline24;
    await page.getByRole('link', { name: titlePattern(facts.title) }).first().click();
    await page.waitForURL(/\/articles\/[^/]+\/$/);
    expect(await h1(page)).toContain(normaliseText(facts.title));
    const text = normaliseText(await mainText(page));
    expect(text).toContain(normaliseText(facts.bodyPhrase));
    expect(text).toContain('EconoTimes');
  });

  it('from an article, clicking a person opens their page with the articles they appear in', async () => {
    const { page } = await open();
    await visit(page, '');
    await page.getByRole('link', { name: titlePattern(articles.g7.title) }).first().click();
    await page.waitForURL(/\/articles\/[^/]+\/$/);
    const lutnick = people.lutnick!;
    const link = page.locator(`main a[href$="/people/${lutnick.id}/"]`).first();
    // The link must say who it leads to.
    expect(normaliseText(await link.innerText())).toContain('Lutnick');
    await link.click();
    await page.waitForURL(new RegExp(`/people/${lutnick.id}/$`));
    expect(await h1(page)).toContain(lutnick.name);
    expect(await linkedArticles(page)).toEqual([...lutnick.articles].sort());
  });

  it('from an article, clicking the 25% auto tariff opens its page with the articles that report it', async () => {
    const { page } = await open();
    await visit(page, '');
    await page.getByRole('link', { name: titlePattern(articles.g7.title) }).first().click();
    await page.waitForURL(/\/articles\/[^/]+\/$/);
    const link = page.locator(`main a[href$="/tariffs/${autoTariff.id}/"]`).first();
    const linkText = normaliseText(await link.innerText());
    expect(linkText).toMatch(/25\s?%/);
    await link.click();
    await page.waitForURL(new RegExp(`/tariffs/${autoTariff.id}/$`));
    const heading = await h1(page);
    expect(heading).toMatch(/25\s?%/);
    expect(heading).toMatch(/auto|car/i);
    expect(await linkedArticles(page)).toEqual([...autoTariff.articles].sort());
  });

  it('the people index names each negotiator and links to their page', async () => {
    const { page } = await open();
    await visit(page, 'people/');
    for (const person of Object.values(people)) {
      const link = page.locator(`main a[href$="/people/${person.id}/"]`).first();
      expect(normaliseText(await link.innerText()), person.id).toContain(person.name);
    }
    await page.locator(`main a[href$="/people/${people.akazawa!.id}/"]`).first().click();
    await page.waitForURL(/\/people\/ryosei-akazawa\/$/);
    expect(await h1(page)).toContain('Ryosei Akazawa');
    expect(await linkedArticles(page)).toEqual([...people.akazawa!.articles].sort());
  });

  it('each article page shows its headline and body without the source site’s boilerplate', async () => {
    const { page } = await open();
    await visit(page, '');
    const urls = articleUrlsByKey(await articleLinks(page));
    expect([...urls.keys()].sort()).toEqual([...chronological].sort());
    for (const key of chronological) {
      const facts = articles[key];
      const response = await page.goto(urls.get(key)!);
      expect(response?.status()).toBe(200);
      expect(await h1(page), key).toContain(normaliseText(facts.title));
      const text = normaliseText(await page.locator('body').innerText());
      expect(text, key).toContain(normaliseText(facts.bodyPhrase));
      for (const chrome of facts.boilerplate) expect(text, `${key} shows "${chrome}"`).not.toContain(normaliseText(chrome));
    }
  });
});

describe('search', () => {
  afterAll(closeAll);

  it('finds articles about Akazawa', async () => {
    const { page, problems } = await open();
    await visit(page, 'search/');
    await typeQuery(page, 'Akazawa');
    const { count, keys } = await settledResults(page);
    // Every seed article names him; pages about him may match too.
    expect(count).toBeGreaterThanOrEqual(5);
    expect(keys.filter((k) => !k.startsWith('other')).length).toBeGreaterThan(0);
    expect(problems.errors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
  });

  it('a person filter and then a tariff filter narrow the results', async () => {
    const { page } = await open();
    await visit(page, 'search/');
    await typeQuery(page, 'Akazawa');
    const all = await settledResults(page);
    await openFilterGroups(page);

    await page.getByRole('checkbox', { name: /Howard Lutnick/ }).first().check();
    await expect.poll(async () => (await settledResults(page)).count, { timeout: 15_000 }).toBeLessThan(all.count);
    const byPerson = await settledResults(page);
    expect(byPerson.keys.filter((k) => !k.startsWith('other'))).toEqual([...people.lutnick!.articles].sort());

    await page.getByRole('checkbox', { name: /25\s?%.*(auto|car)/i }).first().check();
    await expect.poll(async () => (await settledResults(page)).count, { timeout: 15_000 }).toBeLessThan(byPerson.count);
    const byBoth = await settledResults(page);
    const expected = people.lutnick!.articles.filter((k) => autoTariff.articles.includes(k));
    expect(byBoth.keys.filter((k) => !k.startsWith('other'))).toEqual(expected);
  });
});

describe('without JavaScript', () => {
  afterAll(closeAll);

  it('the timeline, an article and a person page show their content', async () => {
    const { page } = await open({ javaScriptEnabled: false });
    await visit(page, '');
    const hidden: string[] = [];
    for (const key of chronological) {
      if (!(await page.getByRole('link', { name: titlePattern(articles[key].title) }).first().isVisible())) hidden.push(key);
    }
    expect(hidden, 'headlines not visible without JavaScript').toEqual([]);
    const url = articleUrlsByKey(await articleLinks(page)).get('visit');
    expect(url).toBeDefined();
    await page.goto(url!);
    expect(await page.locator('h1').first().isVisible()).toBe(true);
    expect(await page.getByText(articles.visit.bodyPhrase, { exact: false }).first().isVisible()).toBe(true);

    await visit(page, `people/${people.bessent!.id}/`);
    expect(await h1(page)).toContain(people.bessent!.name);
    expect(await linkedArticles(page)).toEqual([...people.bessent!.articles].sort());
    const visibleLinks = await page.locator('main a[href*="/articles/"]').evaluateAll((as) =>
      as.filter((a) => (a as HTMLElement).offsetParent !== null).length,
    );
    expect(visibleLinks).toBeGreaterThanOrEqual(people.bessent!.articles.length);
  });

  it('the search page tells the reader that search needs JavaScript', async () => {
    const { page } = await open({ javaScriptEnabled: false });
    await visit(page, 'search/');
    expect(await mainText(page)).toMatch(/javascript/i);
  });
});

describe('layout and colour', () => {
  afterAll(closeAll);

  it('no page type scrolls sideways at 360px wide', async () => {
    const { page } = await open({ viewport: { width: 360, height: 800 } });
    const overflowing: string[] = [];
    for (const type of pageTypes) {
      const url = await urlOfType(page, type);
      await page.goto(url);
      if (type.type === 'search') {
        await page.locator(searchInput).first().fill('Akazawa');
        await settledResults(page);
      }
      const wide = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width) return null;
        const culprits = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > width + 1)
          .slice(0, 3)
          .map((el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}>`);
        return `${document.documentElement.scrollWidth}px wide: ${culprits.join(', ')}`;
      });
      if (wide) overflowing.push(`${type.type} (${new URL(url).pathname}): ${wide}`);
    }
    expect(overflowing).toEqual([]);
  });

  it('dark mode changes the page background and keeps text lighter than it', async () => {
    const colours = async (colorScheme: 'light' | 'dark', path: string) => {
      const { page } = await open({ colorScheme });
      await visit(page, path);
      return page.evaluate(() => {
        // Computed colours may come back as oklch() or color(); a canvas turns any of them into sRGB bytes.
        const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
        const rgba = (colour: string): number[] => {
          ctx.clearRect(0, 0, 1, 1);
          ctx.fillStyle = colour;
          ctx.fillRect(0, 0, 1, 1);
          return [...ctx.getImageData(0, 0, 1, 1).data];
        };
        const luminance = (colour: string): number => {
          const [r, g, b] = rgba(colour).slice(0, 3).map((c) => {
            const v = c / 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        // The colour behind an element: its own, or the nearest ancestor's that is not transparent.
        const background = (el: Element | null): string => {
          for (let e = el; e; e = e.parentElement) {
            const c = getComputedStyle(e).backgroundColor;
            if (rgba(c)[3] !== 0) return c;
          }
          return 'rgb(255, 255, 255)';
        };
        const main = document.querySelector('main') ?? document.body;
        return {
          page: rgba(background(document.body)).join(','),
          mainBackground: luminance(background(main)),
          text: luminance(getComputedStyle(main).color),
        };
      });
    };
    for (const path of ['', `people/${people.akazawa!.id}/`]) {
      const light = await colours('light', path);
      const dark = await colours('dark', path);
      expect(dark.page, `/${path} background`).not.toBe(light.page);
      expect(dark.mainBackground, `/${path} dark background is darker than light`).toBeLessThan(light.mainBackground);
      expect(dark.text, `/${path} dark-mode text is lighter than its background`).toBeGreaterThan(dark.mainBackground);
    }
  });
});

describe('accessibility (axe-core)', () => {
  afterAll(closeAll);

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const type of pageTypes) {
      it(`${type.type} page has no axe violations (${colorScheme})`, async () => {
        const { page } = await open({ colorScheme });
        const url = await urlOfType(page, type);
        const response = await page.goto(url);
        expect(response?.status()).toBe(type.type === '404' ? 404 : 200);
        // The search UI builds itself after load; check what the reader gets.
        if (type.type === 'search') await page.locator(searchInput).first().waitFor();
        const violations = await runAxe(page);
        expect(violations, describeViolations(`${type.type} ${new URL(url).pathname} (${colorScheme})`, violations)).toEqual([]);
      });
    }
  }

  it('no page type throws script errors, fails a request or reaches off the server', async () => {
    const { page, problems } = await open();
    for (const type of pageTypes) {
      const url = await urlOfType(page, type);
      await page.goto(url);
      await page.waitForLoadState('networkidle');
    }
    expect(problems.errors).toEqual([]);
    // The 404 page is expected to answer 404, once.
    expect(problems.failedRequests.filter((r) => !r.includes('/no-such-page/ (HTTP 404)'))).toEqual([]);
    expect(problems.external).toEqual([]);
  });
});

/** A link name matcher that accepts straight or curly apostrophes. */
function titlePattern(title: string): RegExp {
  return new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2019]"), 'i');
}
