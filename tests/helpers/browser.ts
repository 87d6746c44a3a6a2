import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

// The Debian package, never a downloaded browser: CI installs it with apt.
export const chromiumPath = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface PageProblems {
  /** Uncaught exceptions and console.error messages. */
  errors: string[];
  /** Same-origin requests that failed or answered 4xx/5xx. */
  failedRequests: string[];
  /** Requests to any other origin: the site must work offline. */
  external: string[];
}

/**
 * Collects what a user would not see but should not happen: script errors,
 * failing requests, and requests leaving the test server (blocked, so a CDN
 * dependency fails loudly instead of hanging on a machine with no network).
 */
export async function watchProblems(context: BrowserContext, origin: string): Promise<PageProblems> {
  const problems: PageProblems = { errors: [], failedRequests: [], external: [] };
  await context.route(
    (url) => url.origin !== origin && (url.protocol === 'http:' || url.protocol === 'https:'),
    async (route) => {
      problems.external.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  context.on('page', (page) => watchPage(page, problems));
  for (const page of context.pages()) watchPage(page, problems);
  context.on('requestfailed', (request) => {
    // ERR_ABORTED is a load the browser cancelled itself (a favicon still in
    // flight when the test navigates on); a missing file shows up as a 404 below.
    if (request.url().startsWith(origin) && request.failure()?.errorText !== 'net::ERR_ABORTED') {
      problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
    }
  });
  context.on('response', (response) => {
    if (response.url().startsWith(origin) && response.status() >= 400) {
      problems.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
    }
  });
  return problems;
}

function watchPage(page: Page, problems: PageProblems): void {
  page.on('pageerror', (error) => problems.errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every 4xx/5xx as a console error; the response listener reports those with their URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.errors.push(`${page.url()}: console.error: ${message.text()}`);
    }
  });
}

const require = createRequire(import.meta.url);
export const axePath = require.resolve('axe-core/axe.min.js');

declare global {
  interface Window {
    axe?: { run(context?: unknown, options?: unknown): Promise<AxeResults> };
  }
}

/** Runs axe-core's default rule set on the page as it is now. */
export async function runAxe(page: Page): Promise<Result[]> {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(async () => {
    if (!window.axe) throw new Error('axe-core did not load');
    return window.axe.run(document);
  });
  return results.violations;
}

export function describeViolations(where: string, violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
      return `${where}: [${v.impact ?? '?'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}
