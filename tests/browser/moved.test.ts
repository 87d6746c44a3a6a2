import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { root, runBuild, tempDir } from '../site/support.ts';

// A later page of a list has an address of its own (`…/events/2025-07-19/`);
// a reader who shortens it to the list's folder, inside the site's path
// prefix, lands on the list on the first page. (A renamed page's old address,
// followed in a browser: tests/curator/backfill-rebuild.test.ts.)
const prefix = '/archive/';
const person = 'people/ryosei-akazawa/';
let dir: string;
let output: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dir = await tempDir('moved');
  output = join(dir, 'site');
  // A small page budget spreads the five seeds' events over several pages, as thousands of articles would.
  const run = await runBuild([`--output=${output}`, `--pathprefix=${prefix}`, '--page-budget=6'], { ARCHIVE_CACHE: join(dir, 'cache') });
  if (run.code !== 0) throw new Error(run.stderr);
  server = await serveStatic(output, { prefix });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a list’s folder, followed in a browser', () => {
  it('leads to the list on the first page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url(`${person}events/`));
    await page.waitForURL((url) => url.hash === '#events', { timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe(`${prefix}${person}`);
    await expect(page.locator('h2#events').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('is a valid page, kept out of search engines and the sitemap', async () => {
    const html = await readFile(join(output, person, 'events', 'index.html'), 'utf8');
    const validator = new HtmlValidate(new StaticConfigLoader(JSON.parse(await readFile(join(root, '.htmlvalidate.json'), 'utf8'))));
    const report = await validator.validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('data-pagefind-body');
    expect(await readFile(join(output, 'sitemap.xml'), 'utf8')).not.toContain(`${person}events/<`);
  });
});
