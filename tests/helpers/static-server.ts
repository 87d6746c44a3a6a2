import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { normalisePrefix } from './build-site.ts';

// By extension only, like a plain static host: a page that relies on content
// sniffing or server rewrites must fail here rather than in production.
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  // Pagefind's index, metadata, fragments and wasm are opaque binary blobs.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `/` or e.g. `/archive/` */
  prefix: string;
  /** Absolute URL of a site path, e.g. `url('people/')` → `http://…/archive/people/`. */
  url(sitePath?: string): string;
  /** Every path requested so far, in order, for tests that check what a page fetched. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `root` under `prefix` the way a plain static host does: a folder
 * answers with its index.html, a folder without a trailing slash redirects to
 * one, anything else missing gets the site's 404.html with status 404. There
 * are no rewrites, so a link that only works on a forgiving dev server fails.
 */
export async function serveStatic(root: string, options: { prefix?: string } = {}): Promise<StaticServer> {
  const base = resolve(root);
  const prefix = normalisePrefix(options.prefix);
  const requests: string[] = [];

  async function notFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = await readFile(join(base, '404.html')).catch(() => null);
    res.statusCode = 404;
    if (page) {
      res.setHeader('Content-Type', contentTypes['.html']!);
      res.setHeader('Content-Length', page.length);
      res.end(req.method === 'HEAD' ? undefined : page);
    } else {
      res.setHeader('Content-Type', contentTypes['.txt']!);
      res.end(req.method === 'HEAD' ? undefined : 'Not found (and the site has no 404.html)\n');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    // The bare prefix without its slash is how people type it; hosts redirect.
    if (prefix !== '/' && pathname === prefix.slice(0, -1)) {
      res.statusCode = 301;
      res.setHeader('Location', prefix + url.search);
      res.end();
      return;
    }
    if (!pathname.startsWith(prefix) || pathname.includes('\0')) return notFound(req, res);
    const file = resolve(base, `.${sep}${pathname.slice(prefix.length)}`);
    if (file !== base && !file.startsWith(base + sep)) return notFound(req, res);

    let target = file;
    let info = await stat(target).catch(() => null);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.statusCode = 301;
        res.setHeader('Location', `${url.pathname}/${url.search}`);
        res.end();
        return;
      }
      target = join(file, 'index.html');
      info = await stat(target).catch(() => null);
    }
    if (!info?.isFile()) return notFound(req, res);
    const body = await readFile(target);
    res.statusCode = 200;
    res.setHeader('Content-Type', contentTypeFor(target));
    res.setHeader('Content-Length', body.length);
    // Every test run serves a fresh build; a cached file would hide a change.
    res.setHeader('Cache-Control', 'no-store');
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    prefix,
    requests,
    url: (sitePath = '') => `${origin}${prefix}${sitePath.replace(/^\/+/, '')}`,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        // Browsers keep sockets alive; without this close() waits for them.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolveClose()));
      }),
  };
}
