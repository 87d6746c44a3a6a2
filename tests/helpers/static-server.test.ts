import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './static-server.ts';

let root: string;
const servers: StaticServer[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'static-server-test-'));
  await mkdir(join(root, 'people', 'someone'), { recursive: true });
  await mkdir(join(root, 'pagefind'), { recursive: true });
  await mkdir(join(root, 'empty'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<h1>home</h1>');
  await writeFile(join(root, '404.html'), '<h1>not here</h1>');
  await writeFile(join(root, 'people', 'someone', 'index.html'), '<h1>someone</h1>');
  await writeFile(join(root, 'pagefind', 'wasm.en.pagefind'), Buffer.from([0, 97, 115, 109]));
  await writeFile(join(root, 'pagefind', 'x.pf_fragment'), 'f');
  await writeFile(join(root, 'pagefind', 'pagefind.js'), 'export {}');
  await writeFile(join(root, 'feed.xml'), '<feed/>');
  await writeFile(join(root, 'people.csv'), 'a,b');
  await writeFile(join(root, 'a.wasm'), 'w');
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(root, { recursive: true, force: true });
});

async function serve(prefix?: string): Promise<StaticServer> {
  const server = await serveStatic(root, prefix ? { prefix } : {});
  servers.push(server);
  return server;
}

describe('serveStatic at the root', () => {
  it('listens on 127.0.0.1 and serves a folder as its index.html', async () => {
    const server = await serve();
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const home = await fetch(server.url('/'));
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<h1>home</h1>');
    expect(await (await fetch(server.url('people/someone/'))).text()).toBe('<h1>someone</h1>');
  });

  it('redirects a folder without its trailing slash rather than serving it', async () => {
    const server = await serve();
    const response = await fetch(server.url('people/someone'), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/people/someone/');
  });

  it('answers a missing path with the site 404 page and status 404, never a rewrite', async () => {
    const server = await serve();
    for (const path of ['nope/', 'people/someone/index', 'people/nobody/', 'empty/']) {
      const response = await fetch(server.url(path));
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe('<h1>not here</h1>');
    }
  });

  it('does not let a path climb out of the folder', async () => {
    const server = await serve();
    const response = await fetch(`${server.origin}/%2e%2e/%2e%2e/etc/passwd`);
    expect(response.status).toBe(404);
  });

  it('sends content types by extension, including wasm and pagefind files', async () => {
    const server = await serve();
    const types = async (path: string) => (await fetch(server.url(path))).headers.get('content-type');
    expect(await types('pagefind/wasm.en.pagefind')).toBe('application/octet-stream');
    expect(await types('pagefind/x.pf_fragment')).toBe('application/octet-stream');
    expect(await types('pagefind/pagefind.js')).toBe('text/javascript; charset=utf-8');
    expect(await types('feed.xml')).toBe('application/xml; charset=utf-8');
    expect(await types('people.csv')).toBe('text/csv; charset=utf-8');
    expect(await types('a.wasm')).toBe('application/wasm');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const server = await serve();
    const head = await fetch(server.url('/'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(server.url('/'), { method: 'POST' })).status).toBe(405);
  });
});

describe('serveStatic under a prefix', () => {
  it('serves the folder only under the prefix', async () => {
    const server = await serve('/archive/');
    expect(server.url('people/someone/')).toBe(`${server.origin}/archive/people/someone/`);
    expect(await (await fetch(server.url('people/someone/'))).text()).toBe('<h1>someone</h1>');
    const outside = await fetch(`${server.origin}/people/someone/`);
    expect(outside.status).toBe(404);
    expect(await outside.text()).toBe('<h1>not here</h1>');
  });

  it('redirects the bare prefix to the prefix with its slash', async () => {
    const server = await serve('archive');
    const response = await fetch(`${server.origin}/archive`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/archive/');
  });

  it('records the paths it was asked for', async () => {
    const server = await serve('/archive/');
    await fetch(server.url('feed.xml?x=1'));
    expect(server.requests).toEqual(['/archive/feed.xml?x=1']);
  });
});
