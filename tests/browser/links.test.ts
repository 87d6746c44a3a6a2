import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { crawl, describeLinks, type CrawlResult } from '../helpers/crawler.ts';
import { decodeEntities } from '../helpers/html-links.ts';
import { listHtmlPages, urlPathFor } from '../helpers/output-files.ts';
import { fixedUrls } from '../helpers/site-facts.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

// The same checks for a site served at the root and one served under a
// sub-path: the second catches every link written as if the site owned "/".
for (const prefix of ['/', '/archive/']) {
  describe(`site built and served at ${prefix}`, () => {
    let site: BuiltSite;
    let server: StaticServer;
    let result: CrawlResult;
    const missingPage = 'no/such/page/';

    beforeAll(async () => {
      site = await buildSite({ pathPrefix: prefix });
      server = await serveStatic(site.dir, { prefix });
      // Also start from a deep missing URL: the 404 page is served at any
      // depth, so only links that do not depend on its location work there.
      result = await crawl([server.url(), server.url(missingPage)], { scope: server.url() });
    });

    afterAll(async () => {
      await server?.close();
      await site?.remove();
    });

    it('crawls the whole site within the URL limit', () => {
      expect(result.truncated).toBe(false);
      // Five articles, five people, four tariffs and the index pages at least.
      expect(result.pages.length).toBeGreaterThanOrEqual(20);
    });

    it('every internal link and asset resolves with 200 (no redirects, no missing #fragments)', () => {
      expect(result.broken, `broken links:\n${describeLinks(result.broken)}`).toEqual([]);
    });

    it('no link escapes the path prefix', () => {
      expect(result.escaped, `links outside ${prefix}:\n${describeLinks(result.escaped)}`).toEqual([]);
    });

    it('every page in the output is reachable by following links from the home page', async () => {
      const crawled = new Set(result.pages.map((url) => url.slice(server.url().length)));
      const orphans = (await listHtmlPages(site.dir))
        .filter((file) => file !== '404.html')
        .filter((file) => !crawled.has(urlPathFor(file)));
      expect(orphans, `pages no link leads to:\n${orphans.join('\n')}`).toEqual([]);
    });

    it('serves every URL of the fixed scheme with 200 and the right content type', async () => {
      const wrong: string[] = [];
      for (const { path, type } of fixedUrls) {
        const response = await fetch(server.url(path), { redirect: 'manual' });
        await response.body?.cancel();
        const contentType = response.headers.get('content-type') ?? '';
        if (response.status !== 200 || !type.test(contentType)) {
          wrong.push(`${prefix}${path}: HTTP ${response.status} ${contentType}`);
        }
      }
      expect(wrong, wrong.join('\n')).toEqual([]);
    });

    it("answers a missing URL with status 404 and the site's 404 page", async () => {
      const response = await fetch(server.url(missingPage));
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(body).toBe(await readFile(join(site.dir, '404.html'), 'utf8'));
      expect(body).toMatch(/<h1[\s>]/);
    });

    it('sitemap.xml lists every page, with absolute URLs inside the prefix that resolve', async () => {
      const xml = await (await fetch(server.url('sitemap.xml'))).text();
      const locs = [...xml.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map((m) => decodeEntities(m[1] ?? ''));
      const problems = await checkAbsoluteUrls(locs, server);
      expect(problems, `sitemap <loc> problems:\n${problems.join('\n')}`).toEqual([]);
      const listed = new Set(locs.map((loc) => new URL(loc).pathname));
      const unlisted = result.pages.map((url) => new URL(url).pathname).filter((path) => !listed.has(path));
      expect(unlisted, `pages missing from the sitemap:\n${unlisted.join('\n')}`).toEqual([]);
    });

    it('feed.xml links to each article with absolute URLs inside the prefix that resolve', async () => {
      const xml = await (await fetch(server.url('feed.xml'))).text();
      // Atom writes <link href="…"/>, RSS writes <link>…</link>: accept either.
      const links = [
        ...[...xml.matchAll(/<link\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1] ?? ''),
        ...[...xml.matchAll(/<link>\s*([^<]*?)\s*<\/link>/g)].map((m) => m[1] ?? ''),
      ].map(decodeEntities);
      const problems = await checkAbsoluteUrls(links, server);
      expect(problems, `feed link problems:\n${problems.join('\n')}`).toEqual([]);
      const articleLinks = new Set(links.map((l) => new URL(l).pathname).filter((p) => p.startsWith(`${prefix}articles/`)));
      expect(articleLinks.size).toBe(5);
    });

    it('robots.txt names the sitemap inside the prefix', async () => {
      const robots = await (await fetch(server.url('robots.txt'))).text();
      const sitemaps = [...robots.matchAll(/^\s*sitemap:\s*(\S+)/gim)].map((m) => m[1] ?? '');
      expect(sitemaps.length).toBeGreaterThan(0);
      expect(await checkAbsoluteUrls(sitemaps, server)).toEqual([]);
      expect(sitemaps.map((s) => new URL(s).pathname)).toEqual([`${prefix}sitemap.xml`]);
    });
  });
}

/**
 * Sitemaps, feeds and robots.txt must carry absolute URLs (crawlers and feed
 * readers resolve nothing). Their host is the deployed site's, not this test
 * server's, so only the path is checked here: inside the prefix, and served.
 */
async function checkAbsoluteUrls(urls: string[], server: StaticServer): Promise<string[]> {
  const problems: string[] = [];
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      problems.push(`${raw}: not an absolute URL`);
      continue;
    }
    if (!url.pathname.startsWith(server.prefix)) {
      problems.push(`${raw}: outside ${server.prefix}`);
      continue;
    }
    const response = await fetch(`${server.origin}${url.pathname}${url.search}`, { redirect: 'manual' });
    await response.body?.cancel();
    if (response.status !== 200) problems.push(`${raw}: HTTP ${response.status}`);
  }
  return problems;
}
