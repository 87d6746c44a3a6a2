// Screenshots of every page type for a person to review: 360px and 1440px,
// light and dark, full page. Not a test and not committed output.
//   npx tsx tests/helpers/screenshots.ts [--site=DIR] [--out=/tmp/shots]
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from './browser.ts';
import { buildSite, type BuiltSite } from './build-site.ts';
import { pageTypes } from './site-facts.ts';
import { serveStatic } from './static-server.ts';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const out = option('out') ?? '/tmp/shots';
await mkdir(join(out, 'parts'), { recursive: true });

let built: BuiltSite | undefined;
const dir = option('site') ?? (built = await buildSite()).dir;
const server = await serveStatic(dir);
const browser = await launchBrowser();
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [360, 1440]) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      for (const type of pageTypes) {
        let url = type.path !== undefined ? server.url(type.path) : undefined;
        if (!url && type.firstLinkOn) {
          await page.goto(server.url(type.firstLinkOn.index));
          const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
          url = hrefs.find((h) => type.firstLinkOn!.pattern.test(new URL(h).pathname));
        }
        if (!url) {
          console.error(`skip ${type.type}: no page found`);
          continue;
        }
        await page.goto(url);
        if (type.type === 'search') {
          const input = page.locator('main input[type="search"], main input[type="text"]').first();
          await input.fill('Akazawa').catch(() => console.error('search: no input'));
          await page.waitForTimeout(1500);
        }
        const name = `${type.type.replace(/\s+/g, '-')}-${width}-${colorScheme}`;
        const file = join(out, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        // Image viewers shrink a 9000px-tall page to nothing: also cut it into screen-sized parts.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const tile = width < 600 ? 1400 : 1000;
        for (let y = 0, n = 1; height > tile && y < height; y += tile, n++) {
          const clip = { x: 0, y, width, height: Math.min(tile, height - y) };
          await page.screenshot({ path: join(out, 'parts', `${name}-${String(n).padStart(2, '0')}.png`), fullPage: true, clip });
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  await built?.remove();
}
