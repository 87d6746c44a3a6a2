import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Config, Parser, type HtmlElement, type ResolvedConfig } from 'html-validate';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the build command as a user would, from the project folder. */
export function runBuild(args: string[], env: Record<string, string> = {}): Promise<BuildRun> {
  return new Promise((resolve) => {
    execFile(
      join(root, 'node_modules', '.bin', 'tsx'),
      ['src/cli/build.ts', ...args],
      { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export const tempDir = (name: string) => mkdtemp(join(tmpdir(), `site-test-${name}-`));

/** Builds into a fresh folder and fails loudly with the build's output if it did not work. */
export async function buildInto(args: string[] = [], env: Record<string, string> = {}): Promise<string> {
  const dir = join(await tempDir('build'), 'out');
  const run = await runBuild([`--output=${dir}`, ...args], env);
  if (run.code !== 0) throw new Error(`build failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return dir;
}

const parser = new Parser(Config.defaultConfig().resolve() as ResolvedConfig);

/** Parses an output page. `path` is the URL path without prefix, e.g. `people/` or `404.html`. */
export async function page(dir: string, path: string): Promise<HtmlElement> {
  const file = path === '' || path.endsWith('/') ? join(dir, path, 'index.html') : join(dir, path);
  return parser.parseHtml(await readFile(file, 'utf8'));
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** html-validate keeps character references as written; a reader sees them decoded. */
export function decode(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return named[ref] ?? whole;
  });
}

/** The text a reader sees in an element, spaces collapsed. */
export function text(element: HtmlElement | null): string {
  if (!element) throw new Error('expected an element, found none');
  return decode(element.textContent).replace(/\s+/g, ' ').trim();
}

export function all(rootElement: HtmlElement, selector: string): HtmlElement[] {
  return rootElement.querySelectorAll(selector);
}

export function attr(element: HtmlElement, name: string): string | null {
  const value = element.getAttribute(name)?.value;
  return typeof value === 'string' ? decode(value) : null;
}

/** Every link target on a page, in order. */
export function hrefs(rootElement: HtmlElement, selector = 'a'): string[] {
  return all(rootElement, selector).flatMap((a) => attr(a, 'href') ?? []);
}

/** Every file under `dir` as a `/`-separated relative path. */
export async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** A small RFC 4180 reader, so the downloads are checked by parsing, not by eye. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"', i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field || row.length) (row.push(field), rows.push(row));
  return rows;
}
