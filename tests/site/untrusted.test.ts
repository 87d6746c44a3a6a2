// Article text is untrusted: a seed full of markup and template syntax must
// come out as text. Built under --pathprefix=/archive/ at the same time, so
// one build also shows that every link stays inside the prefix.
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, attr, buildInto, files, hrefs, page, root, runBuild, tempDir, text } from './support.ts';

const hostile = `---
title: "<script>alert('title')</script> Akazawa talks {{ 7*7 }}"
date: 2025-07-24
source: "<b>Evil Times</b>"
url: "https://example.com/story?x=<script>&y=1"
---
Japan’s top trade negotiator Ryosei Akazawa said <script>alert("body")</script> was not on the agenda when he met U.S. Commerce Secretary Howard Lutnick on Thursday.

The separate 25% tariff on car imports, {{ 7*7 }} and {% include "base.njk" %} remain in place, Akazawa said.

“<img src=x onerror=alert(1)> is not a trade policy,” Akazawa said.
`;

let seeds: string;
let dir: string;
const hostileSlug = 'script-alert-title-script-akazawa-talks-7-7';

beforeAll(async () => {
  seeds = await tempDir('seeds');
  for (const name of await readdir(join(root, 'seeds'))) await copyFile(join(root, 'seeds', name), join(seeds, name));
  await writeFile(join(seeds, '005_hostile.txt'), hostile);
  // Same headline as 000, published later: it must not take 000's address.
  const races = await readFile(join(root, 'seeds', '000_50db3e95586136a1.txt'), 'utf8');
  await writeFile(join(seeds, '006_same-title.txt'), races.replace('date: 2025-07-23', 'date: 2025-07-25'));
  dir = await buildInto(['--pathprefix=/archive/'], { ARCHIVE_SEEDS: seeds });
});

afterAll(async () => {
  await rm(seeds, { recursive: true, force: true });
  if (dir) await rm(dirname(dir), { recursive: true, force: true });
});

async function htmlPages(): Promise<string[]> {
  return (await files(dir)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
}

describe('untrusted article text', () => {
  it('shows markup and template syntax from a seed as text, on every page', async () => {
    const article = await page(dir, `articles/${hostileSlug}/`);
    expect(text(article.querySelector('h1'))).toBe("<script>alert('title')</script> Akazawa talks {{ 7*7 }}");
    const body = text(article.querySelector('.article-text'));
    expect(body).toContain('Ryosei Akazawa said <script>alert("body")</script> was not on the agenda');
    expect(body).toContain('{{ 7*7 }} and {% include "base.njk" %} remain in place');
    expect(body).toContain('“<img src=x onerror=alert(1)> is not a trade policy,”');
    expect(text(article.querySelector('.meta'))).toContain('<b>Evil Times</b>');
    // The marked sentence is escaped inside the mark too.
    expect(all(article, '.article-text mark').map(text)).toContain(
      'Japan’s top trade negotiator Ryosei Akazawa said <script>alert("body")</script> was not on the agenda when he met U.S. Commerce Secretary Howard Lutnick on Thursday.',
    );

    for (const file of await htmlPages()) {
      const html = await readFile(join(dir, file), 'utf8');
      // Escaped text may say "onerror"; what must never appear is the markup itself.
      expect(html, file).not.toMatch(/<script>alert|<b>Evil|<img /);
      expect(html, file).not.toContain('talks 49');
      expect(all(await page(dir, file), 'script').every((s) => attr(s, 'src') !== null), file).toBe(true);
    }
  });

  it('escapes it in the feed, and keeps it verbatim in the data downloads', async () => {
    const feed = await readFile(join(dir, 'feed.xml'), 'utf8');
    expect(feed).not.toContain('<script>');
    expect(feed).toContain('&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Akazawa talks {{ 7*7 }}');
    const archive = JSON.parse(await readFile(join(dir, 'data/archive.json'), 'utf8')) as { articles: { title: string }[] };
    expect(archive.articles.map((a) => a.title)).toContain("<script>alert('title')</script> Akazawa talks {{ 7*7 }}");
  });

  it('links to the original only through an escaped web address', async () => {
    const article = await page(dir, `articles/${hostileSlug}/`);
    expect(hrefs(article, '.meta a')).toEqual(['https://example.com/story?x=%3Cscript%3E&y=1']);
  });

  it('puts only slugs in paths, and gives a second article with the same title its own', async () => {
    const articles = (await readdir(join(dir, 'articles'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    for (const name of articles) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const races = 'japan-races-to-seal-us-trade-deal-as-august-tariff-deadline-looms';
    expect(articles).toContain(races);
    expect(articles).toContain(`${races}-2025-07-25`);
    expect(attr((await page(dir, `articles/${races}/`)).querySelector('.meta time')!, 'datetime')).toBe('2025-07-23');
  });
});

describe('--pathprefix=/archive/', () => {
  it('sends every internal link, stylesheet and script through the prefix', async () => {
    for (const file of await htmlPages()) {
      const html = await page(dir, file);
      const targets = [...hrefs(html, 'a'), ...hrefs(html, 'link'), ...all(html, 'script').map((s) => attr(s, 'src')!)];
      for (const target of targets.filter((t) => t.startsWith('/'))) expect(target, file).toMatch(/^\/archive\//);
    }
    const search = await page(dir, 'search/');
    expect(attr(search.querySelector('#search')!, 'data-base-url')).toBe('/archive/');
  });

  it('writes the feed, sitemap and robots.txt with prefixed absolute addresses', async () => {
    const sitemap = await readFile(join(dir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(30);
    for (const loc of locs) expect(loc).toMatch(/^http:\/\/localhost:8080\/archive\//);
    expect(await readFile(join(dir, 'robots.txt'), 'utf8')).toContain('Sitemap: http://localhost:8080/archive/sitemap.xml');
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toContain(`<id>http://localhost:8080/archive/articles/${hostileSlug}/</id>`);
  });
});

describe('a seed that cannot be read', () => {
  it('fails the build with its file and line, and leaves the previous site alone', async () => {
    const broken = await tempDir('broken');
    const output = join(broken, 'site');
    await mkdir(output);
    await writeFile(join(output, 'index.html'), 'the site as it was');
    await copyFile(join(root, 'seeds', '000_50db3e95586136a1.txt'), join(broken, '000_good.txt'));
    await writeFile(join(broken, '001_binary.txt'), Buffer.from('title line\nsecond\u0000line\n'));

    const run = await runBuild([`--output=${output}`], { ARCHIVE_SEEDS: broken });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/001_binary\.txt/);
    expect(run.stderr).toMatch(/2:1\s+error\s+Unexpected binary data/);
    expect(await readdir(output)).toEqual(['index.html']);
    expect(await readFile(join(output, 'index.html'), 'utf8')).toBe('the site as it was');
    // No half-built folder is left beside it.
    expect((await readdir(broken)).sort()).toEqual(['000_good.txt', '001_binary.txt', 'site']);
    await rm(broken, { recursive: true, force: true });
  });
});
