import { cssUrls, scanHtml } from './html-links.ts';

export interface LinkRef {
  /** The page or stylesheet the link is on. */
  from: string;
  line: number;
  tag: string;
  attribute: string;
  /** As written in the source. */
  value: string;
  /** Resolved absolute URL. */
  url: string;
}

export interface BrokenLink extends LinkRef {
  /** HTTP status, or 0 when the request itself failed. */
  status: number;
  reason: string;
}

export interface CrawlResult {
  /** Every same-origin URL fetched (fragment stripped) and its status. */
  statuses: Map<string, number>;
  /** Same-origin URLs that answered text/html with status 200. */
  pages: string[];
  /** Links whose target did not answer 200, or whose #fragment is missing. */
  broken: BrokenLink[];
  /** Same-origin links outside the scope (the path prefix): not fetched. */
  escaped: LinkRef[];
  /** Links to other origins: never fetched (the tests run offline). */
  external: LinkRef[];
  /** True when the page limit stopped the crawl before it ran out of links. */
  truncated: boolean;
}

export interface CrawlOptions {
  /** Links outside this URL prefix count as escaping. Defaults to the first start URL's folder. */
  scope?: string;
  /** Stop after fetching this many URLs; the result says it was truncated. */
  maxUrls?: number;
  concurrency?: number;
}

// Schemes that never hit the server: nothing to check.
const ignoredSchemes = /^(mailto|tel|javascript|data|blob|about|sms):/i;

/**
 * Fetches the start URLs, then every same-origin URL linked from any HTML page
 * or stylesheet it reaches (href, src, srcset, CSS url()). Redirects are not
 * followed: a link that needs one is reported, as is any status but 200. The
 * start URLs themselves may answer anything (e.g. a deliberate 404 page); their
 * links are still followed.
 */
export async function crawl(start: string | string[], options: CrawlOptions = {}): Promise<CrawlResult> {
  const starts = (Array.isArray(start) ? start : [start]).map((u) => new URL(u));
  const first = starts[0];
  if (!first) throw new Error('crawl needs a start URL');
  const origin = first.origin;
  const scope = options.scope ?? new URL('./', first).href;
  const maxUrls = options.maxUrls ?? 2000;
  const concurrency = options.concurrency ?? 4;

  const statuses = new Map<string, number>();
  const anchorsByUrl = new Map<string, Set<string>>();
  const referrers = new Map<string, LinkRef[]>();
  const fragmentRefs: (LinkRef & { fragment: string; target: string })[] = [];
  const escaped: LinkRef[] = [];
  const external: LinkRef[] = [];
  const pages: string[] = [];
  const failures = new Map<string, string>();
  const queue: string[] = [];
  const queued = new Set<string>();
  let truncated = false;

  const enqueue = (url: string) => {
    if (queued.has(url)) return;
    if (queued.size >= maxUrls) {
      truncated = true;
      return;
    }
    queued.add(url);
    queue.push(url);
  };

  const record = (from: string, found: { value: string; line: number; tag: string; attribute: string }, base: string) => {
    const raw = found.value.trim();
    if (ignoredSchemes.test(raw)) return;
    let resolved: URL;
    try {
      resolved = new URL(raw, base);
    } catch {
      // An unparseable URL is broken; record it against an impossible target.
      const ref = { from, ...found, url: raw };
      failures.set(`invalid:${raw}`, 'invalid URL');
      referrers.set(`invalid:${raw}`, [...(referrers.get(`invalid:${raw}`) ?? []), ref]);
      return;
    }
    const ref: LinkRef = { from, ...found, url: resolved.href };
    if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return;
    if (resolved.origin !== origin) {
      external.push(ref);
      return;
    }
    if (!resolved.href.startsWith(scope)) {
      escaped.push(ref);
      return;
    }
    const fragment = safeDecode(resolved.hash.slice(1));
    resolved.hash = '';
    const target = resolved.href;
    // "#main" on a page points into that same document, whatever its status
    // (the 404 page's skip link): only the fragment needs checking.
    if (target === from) {
      if (fragment) fragmentRefs.push({ ...ref, fragment, target });
      return;
    }
    referrers.set(target, [...(referrers.get(target) ?? []), ref]);
    if (fragment) fragmentRefs.push({ ...ref, fragment, target });
    enqueue(target);
  };

  const visit = async (url: string) => {
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual' });
    } catch (error) {
      statuses.set(url, 0);
      failures.set(url, String(error));
      return;
    }
    statuses.set(url, response.status);
    const type = response.headers.get('content-type') ?? '';
    const isStart = starts.some((s) => s.href === url);
    if (response.status !== 200 && !isStart) {
      await response.body?.cancel();
      if (response.status >= 300 && response.status < 400) {
        failures.set(url, `redirects to ${response.headers.get('location') ?? '?'}`);
      }
      return;
    }
    if (type.startsWith('text/html')) {
      const html = await response.text();
      const scanned = scanHtml(html);
      anchorsByUrl.set(url, scanned.anchors);
      if (response.status === 200) pages.push(url);
      const base = scanned.base ? new URL(scanned.base, url).href : url;
      for (const link of scanned.links) record(url, link, base);
    } else if (type.startsWith('text/css')) {
      for (const css of cssUrls(await response.text())) {
        record(url, { ...css, tag: 'css', attribute: 'url()' }, url);
      }
    } else {
      await response.body?.cancel();
    }
  };

  for (const s of starts) {
    s.hash = '';
    enqueue(s.href);
  }
  // Workers stop when the queue is momentarily empty even though a page still
  // being read may add to it: go round until a pass ends with nothing queued.
  while (queue.length > 0) {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let url = queue.shift(); url !== undefined; url = queue.shift()) await visit(url);
      }),
    );
  }

  const broken: BrokenLink[] = [];
  for (const [target, refs] of referrers) {
    const status = statuses.get(target) ?? 0;
    if (status === 200 && !failures.has(target)) continue;
    const reason = failures.get(target) ?? `HTTP ${status}`;
    for (const ref of refs) broken.push({ ...ref, status, reason });
  }
  for (const ref of fragmentRefs) {
    const anchors = anchorsByUrl.get(ref.target);
    // Only HTML pages that loaded have anchors to check; others are reported above.
    if ((ref.target !== ref.from && statuses.get(ref.target) !== 200) || !anchors) continue;
    // "#top" scrolls to the top of any page, by the HTML spec.
    if (!anchors.has(ref.fragment) && ref.fragment.toLowerCase() !== 'top') {
      broken.push({ ...ref, status: 200, reason: `no element with id "${ref.fragment}"` });
    }
  }
  return { statuses, pages: pages.sort(), broken, escaped, external, truncated };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** One line per problem, for assertion messages a person can act on. */
export function describeLinks(refs: (LinkRef & { reason?: string })[]): string {
  return refs
    .map((r) => `${r.from}:${r.line} <${r.tag} ${r.attribute}="${r.value}"> → ${r.url}${r.reason ? ` (${r.reason})` : ''}`)
    .join('\n');
}
