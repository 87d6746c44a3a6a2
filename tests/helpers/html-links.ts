// A small HTML scanner for the crawler: enough of the tokenizer rules to find
// every URL a browser would fetch or follow (attributes of real start tags),
// while ignoring look-alikes inside comments, scripts, styles and text.

export interface FoundLink {
  /** Attribute (or `css-url`) the URL came from. */
  attribute: string;
  tag: string;
  /** The raw value after entity decoding, before resolution. */
  value: string;
  /** 1-based line in the document, for failure messages. */
  line: number;
}

export interface ScannedPage {
  links: FoundLink[];
  /** `id`s and `<a name>`s that a `#fragment` can point at. */
  anchors: Set<string>;
  /** `<base href>`, when the page has one. */
  base: string | null;
}

const rawTextElements = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe']);
const linkAttributes = new Set(['href', 'src', 'poster', 'data', 'action', 'formaction', 'cite', 'background']);
const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}

/** URLs in a `srcset`: comma-separated candidates, each a URL and optional descriptors. */
export function srcsetUrls(value: string): string[] {
  // The HTML spec's algorithm, minus descriptor parsing: a URL runs to the next
  // whitespace (trailing commas end it), descriptors run to the next comma.
  const urls: string[] = [];
  let pos = 0;
  while (pos < value.length) {
    while (pos < value.length && /[\s,]/.test(value[pos]!)) pos++;
    const start = pos;
    while (pos < value.length && !/\s/.test(value[pos]!)) pos++;
    let url = value.slice(start, pos);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      while (pos < value.length && value[pos] !== ',') pos++;
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** `url(...)` and `@import "…"` targets in a stylesheet. */
export function cssUrls(css: string): { value: string; line: number }[] {
  const found: { value: string; line: number }[] = [];
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const pattern = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  for (const match of withoutComments.matchAll(pattern)) {
    const value = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';
    if (value && !value.startsWith('data:')) {
      found.push({ value, line: lineAt(withoutComments, match.index ?? 0) });
    }
  }
  return found;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function scanHtml(html: string): ScannedPage {
  const links: FoundLink[] = [];
  const anchors = new Set<string>();
  let base: string | null = null;
  const lineStarts = [0];
  for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (index: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };

  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open === -1) break;
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html[open + 1] === '!' || html[open + 1] === '?' || html[open + 1] === '/') {
      const end = html.indexOf('>', open);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const nameMatch = /^<([a-zA-Z][^\s/>]*)/.exec(html.slice(open, open + 64));
    if (!nameMatch) {
      i = open + 1;
      continue;
    }
    const tag = nameMatch[1]!.toLowerCase();
    // Attributes: name, optional = and a quoted or bare value, until > or />.
    const attrPattern = /\s*([^\s/>][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?|\s*\/(?!>)/y;
    let pos = open + nameMatch[0].length;
    const attributes: { name: string; value: string; index: number }[] = [];
    while (pos < html.length && !/^\s*\/?>/.test(html.slice(pos, pos + 64))) {
      attrPattern.lastIndex = pos;
      const attr = attrPattern.exec(html);
      if (!attr || attr[0].length === 0) break;
      if (attr[1]) {
        const index = pos + attr[0].indexOf(attr[1]);
        attributes.push({ name: attr[1].toLowerCase(), value: decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? ''), index });
      }
      pos += attr[0].length;
    }
    const close = html.indexOf('>', pos);
    const tagEnd = close === -1 ? html.length : close + 1;
    const get = (name: string) => attributes.find((a) => a.name === name);

    const id = get('id');
    if (id) anchors.add(id.value);
    if (tag === 'a' && get('name')) anchors.add(get('name')!.value);
    if (tag === 'base' && get('href') && base === null) base = get('href')!.value;

    for (const attr of attributes) {
      const line = lineOf(attr.index);
      if (linkAttributes.has(attr.name)) {
        // `data` is a URL only on <object>; elsewhere it is not an attribute that loads anything.
        if (attr.name === 'data' && tag !== 'object') continue;
        links.push({ attribute: attr.name, tag, value: attr.value, line });
      } else if (attr.name === 'srcset' || attr.name === 'imagesrcset') {
        for (const value of srcsetUrls(attr.value)) links.push({ attribute: attr.name, tag, value, line });
      } else if (attr.name === 'style') {
        for (const css of cssUrls(attr.value)) links.push({ attribute: 'css-url', tag, value: css.value, line });
      }
    }

    i = tagEnd;
    if (rawTextElements.has(tag)) {
      const endTag = new RegExp(`</${tag}[\\s/>]`, 'ig');
      endTag.lastIndex = tagEnd;
      const end = endTag.exec(html);
      const contentEnd = end ? end.index : html.length;
      if (tag === 'style') {
        const offset = lineOf(tagEnd) - 1;
        for (const css of cssUrls(html.slice(tagEnd, contentEnd))) {
          links.push({ attribute: 'css-url', tag, value: css.value, line: offset + css.line });
        }
      }
      i = contentEnd;
    }
  }
  return { links, anchors, base };
}
