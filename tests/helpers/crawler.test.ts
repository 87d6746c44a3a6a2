import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, describeLinks } from './crawler.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

let root: string;
let server: StaticServer;

async function write(path: string, content: string) {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}

// A tiny site served under /archive/ with one defect of each kind the crawler
// must report, and links it must accept.
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crawler-test-'));
  await write(
    'index.html',
    `<!doctype html><link rel=stylesheet href="style.css">
<a href="people/">people</a> <a href="/archive/about/#team">team</a>
<a href="/people/">escapes the prefix</a>
<a href="missing/">missing</a>
<a href="people">needs a redirect</a>
<a href="about/#nowhere">bad fragment</a> <a href="#top">top</a>
<a href="https://example.com/">external</a> <a href="mailto:x@example.com">mail</a>
<img src="logo.png" alt="">`,
  );
  await write('style.css', 'body{background:url(bg.png)} h1{background:url(/archive/missing.png)}');
  await write('bg.png', 'png');
  await write('logo.png', 'png');
  await write('people/index.html', '<a href="../">home</a> <a href="someone/">someone</a>');
  await write('people/someone/index.html', '<a href="../../about/">about</a>');
  await write('about/index.html', '<h2 id="team">Team</h2>');
  await write('404.html', '<a href="#main">skip</a> <a href="#gone">gone</a> <a href="/archive/">home</a> <a href="relative-from-404/">relative</a><main id="main"></main>');
  server = await serveStatic(root, { prefix: '/archive/' });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('crawl', () => {
  it('visits every reachable page and asset under the prefix', async () => {
    const result = await crawl(server.url());
    expect(result.pages.map((p) => p.slice(server.origin.length))).toEqual([
      '/archive/',
      '/archive/about/',
      '/archive/people/',
      '/archive/people/someone/',
    ]);
    expect(result.statuses.get(server.url('bg.png'))).toBe(200);
    expect(result.statuses.get(server.url('logo.png'))).toBe(200);
    expect(result.truncated).toBe(false);
  });

  it('reports missing targets, redirects, missing fragments and broken CSS urls', async () => {
    const result = await crawl(server.url());
    const broken = result.broken.map((b) => [b.value, b.status, b.reason]).sort();
    expect(broken).toEqual([
      ['/archive/missing.png', 404, 'HTTP 404'],
      ['about/#nowhere', 200, 'no element with id "nowhere"'],
      ['missing/', 404, 'HTTP 404'],
      ['people', 301, 'redirects to /archive/people/'],
    ]);
    const message = describeLinks(result.broken);
    expect(message).toContain(`${server.url()}:4 <a href="missing/">`);
  });

  it('reports links that leave the prefix and does not fetch them', async () => {
    const result = await crawl(server.url());
    expect(result.escaped.map((e) => e.value)).toEqual(['/people/']);
    expect(result.statuses.has(`${server.origin}/people/`)).toBe(false);
    expect(result.external.map((e) => e.value)).toEqual(['https://example.com/']);
  });

  it('follows links from a start page that is itself a 404', async () => {
    const result = await crawl(server.url('deep/missing/page/'), { scope: server.url() });
    expect(result.statuses.get(server.url('deep/missing/page/'))).toBe(404);
    const fromMissing = result.broken.filter((b) => b.from === server.url('deep/missing/page/'));
    expect(fromMissing.map((b) => [b.value, b.reason]).sort()).toEqual([
      ['#gone', 'no element with id "gone"'],
      ['relative-from-404/', 'HTTP 404'],
    ]);
  });

  it('stops at the URL limit and says so', async () => {
    const result = await crawl(server.url(), { maxUrls: 2 });
    expect(result.truncated).toBe(true);
    expect(result.statuses.size).toBeLessThanOrEqual(2);
  });
});
