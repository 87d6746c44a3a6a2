// The dev server behind `npm start`: serves the built site from disk like a
// plain static host (a folder answers with its index.html, anything missing
// gets 404.html) and adds live reload to the HTML it sends. The files on disk
// stay exactly as a production build wrote them: the reload script and the
// CSP that lets it run exist only in the responses.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const devPrefix = '/__dev/';
const scriptPath = `${devPrefix}live-reload.js`;
const eventsPath = `${devPrefix}events`;
const script = new URL('./live-reload.js', import.meta.url);

// What the build writes; anything else is served as bytes.
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/**
 * A page's CSP meta forbids scripts (`script-src 'none'`) outside the search
 * page; in dev responses it allows the site's own, so the reload script runs,
 * and the script is added to the head.
 */
export function withLiveReload(html: string): string {
  const allowed = html.replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*\bscript-src )'none'/i, "$1'self'");
  const tag = `<script src="${scriptPath}" defer></script>\n`;
  return allowed.includes('</head>') ? allowed.replace('</head>', `${tag}</head>`) : tag + allowed;
}

export interface DevServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

export async function startDevServer({ root, prefix, port }: { root: string; prefix: string; port: number }): Promise<DevServer> {
  const base = resolve(root);
  const pages = new Set<ServerResponse>();

  function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
    res.end(head ? undefined : body);
  }

  async function sendFile(res: ServerResponse, file: string, status: number, head: boolean): Promise<void> {
    const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const body = await readFile(file);
    send(res, status, type, type.startsWith('text/html') ? withLiveReload(body.toString('utf8')) : body, head);
  }

  function redirect(res: ServerResponse, location: string): void {
    res.writeHead(302, { Location: location, 'Cache-Control': 'no-store' });
    res.end();
  }

  function openEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    // A restarted server is found again within a second.
    res.write('retry: 1000\n\n');
    pages.add(res);
    req.on('close', () => pages.delete(res));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    if (url.pathname === eventsPath) return openEvents(req, res);
    if (url.pathname === scriptPath) return send(res, 200, contentTypes['.js']!, await readFile(script), head);
    if (prefix !== '/' && (url.pathname === '/' || url.pathname === prefix.slice(0, -1))) return redirect(res, prefix);

    let pathname: string | null = null;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      // A malformed escape names no file: the site's 404 below.
    }
    const file = pathname?.startsWith(prefix) && !pathname.includes('\0') ? resolve(base, `.${sep}${pathname.slice(prefix.length)}`) : null;
    const inside = file !== null && (file === base || file.startsWith(base + sep));
    const info = inside ? await stat(file).catch(() => null) : null;
    if (info?.isDirectory() && !url.pathname.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`);
    const target = info?.isDirectory() ? join(file!, 'index.html') : file;
    if (inside && (await stat(target!).catch(() => null))?.isFile()) return sendFile(res, target!, 200, head);
    const notFound = join(base, '404.html');
    if ((await stat(notFound).catch(() => null))?.isFile()) return sendFile(res, notFound, 404, head);
    send(res, 404, contentTypes['.txt']!, 'Not found, and there is no built site yet: see the build messages.\n', head);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, contentTypes['.txt']!, `${String(error)}\n`, false);
      else res.destroy();
    });
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => listening());
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reload() {
      for (const page of pages) page.write(`event: reload\ndata: ${Date.now()}\n\n`);
    },
    close: () =>
      new Promise<void>((closed) => {
        // Open event streams never end by themselves.
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
