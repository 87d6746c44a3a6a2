// What a curator can drop into seeds/ by mistake, one case at a time: each
// starts from a built site, adds one file, rebuilds, and checks the message
// (file and line) and the outcome. A build that stops must leave the previous
// output byte-for-byte as it was.
import { readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, page, root, runBuild, text, type BuildRun } from '../site/support.ts';
import { articleSlugs, scratchProject, treeHash, type Scratch } from './support.ts';

let project: Scratch;
/** The articles built from the project's own seeds. */
let seedSlugs: string[];

beforeAll(async () => {
  project = await scratchProject();
  const first = await runBuild([`--output=${project.output}`], project.env);
  if (first.code !== 0) throw new Error(first.stderr);
  seedSlugs = await articleSlugs(project.output);
});

afterAll(() => rm(project.dir, { recursive: true, force: true }));

interface Rebuild extends BuildRun {
  /** Whether the output folder holds exactly what it held before the rebuild. */
  unchanged: boolean;
}

/** Adds `seeds` (name → content) to the scratch seeds, rebuilds, and takes them away again. */
async function rebuildWith(seeds: Record<string, string | Uint8Array>, args: string[] = [], env: Record<string, string> = {}): Promise<Rebuild> {
  const before = await treeHash(project.output);
  for (const [name, content] of Object.entries(seeds)) await writeFile(join(project.seeds, name), content);
  try {
    const run = await runBuild([`--output=${project.output}`, ...args], { ...project.env, ...env });
    return { ...run, unchanged: (await treeHash(project.output)) === before };
  } finally {
    for (const name of Object.keys(seeds)) await unlink(join(project.seeds, name));
  }
}

/** The build stopped on `name`, said so at `place` with `reason`, and left the site and its folder as they were. */
async function expectRefused(run: Rebuild, name: string, place: string | null, reason: RegExp): Promise<void> {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(name);
  // vfile-reporter: the file, then `line:column  error  message  rule`.
  const line = run.stderr.split('\n').find((l) => reason.test(l));
  expect(line, run.stderr).toBeDefined();
  if (place) expect(line).toMatch(new RegExp(`^\\s*${place}\\s+error\\s`));
  expect(run.stderr).toMatch(/was not changed/);
  expect(run.unchanged).toBe(true);
  // No half-built folder is left beside the site.
  expect(await readdir(dirname(project.output))).toEqual(expect.not.arrayContaining([expect.stringMatching(/-build-/)]));
}

const prose = (sentence: string) =>
  `${sentence}\nThe two governments said they would keep talking before the August 1 deadline, officials in Tokyo said on Friday.\n`;

describe('a seed that cannot be an article stops the build and keeps the old site', () => {
  it('malformed front matter: the line of the YAML mistake', async () => {
    const run = await rebuildWith({ 'broken-front-matter.txt': `---\ntitle: "Akazawa in Washington\ndate: 2025-07-10\n---\n${prose('Akazawa met Lutnick.')}` });
    await expectRefused(run, 'broken-front-matter.txt', '\\d+:1', /Malformed front matter/);
  });

  it('a date that is not a date: the line of `date:`', async () => {
    const run = await rebuildWith({ 'bad-date.txt': `---\ntitle: "Talks resume"\ndate: 2025-02-30\n---\n${prose('Akazawa met Lutnick.')}` });
    await expectRefused(run, 'bad-date.txt', '3:1', /Unexpected front matter `date`: expected a date as YYYY-MM-DD/);
  });

  it('an empty file', async () => {
    const run = await rebuildWith({ 'empty.txt': '' });
    await expectRefused(run, 'empty.txt', null, /Unexpected empty file/);
  });

  it('a binary file: the line of the first NUL byte', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const run = await rebuildWith({ 'photo.txt': png });
    // The PNG signature holds two line feeds before its first NUL.
    await expectRefused(run, 'photo.txt', '3:1', /Unexpected binary data/);
  });

  it('a file that is not UTF-8: the line of the first bad byte', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('Trade talks\nTokyo, July 10\nAkazawa said the caf'), 0xe9, ...new TextEncoder().encode(' was closed.\n')]);
    const run = await rebuildWith({ 'latin1.txt': latin1 });
    await expectRefused(run, 'latin1.txt', '3:1', /not UTF-8/);
  });

  it('a 10 MB file: refused with the limit', async () => {
    const line = new TextEncoder().encode(prose('Akazawa met Lutnick in Washington on Thursday.'));
    const huge = new Uint8Array(10 * 1024 * 1024).map((_, i) => line[i % line.length]!);
    const run = await rebuildWith({ 'huge.txt': huge });
    await expectRefused(run, 'huge.txt', null, /Unexpected file of 10\.0 MB, expected the text of one article \(the limit is 1 MB\)/);
  });

  it('a registry with a mistake: its file and line', async () => {
    const registry = join(project.dir, 'registry.yaml');
    const good = await readFile(join(root, 'data/registry.yaml'), 'utf8');
    // A field the registry does not know, in the first person's entry.
    const broken = good.replace('  - name: Ryosei Akazawa\n', '  - name: Ryosei Akazawa\n    nickname: Ryo\n');
    expect(broken).not.toBe(good);
    await writeFile(registry, broken);
    const run = await rebuildWith({}, [], { ARCHIVE_REGISTRY: registry });
    const line = broken.split('\n').indexOf('  - name: Ryosei Akazawa') + 1;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${registry}:${line}: Unexpected value at \`people.0\`: Unrecognized key(s) in object: 'nickname'`);
    expect(run.unchanged).toBe(true);
  });
});

describe('input that is odd but fine', () => {
  it('CRLF line endings and a byte-order mark just work', async () => {
    const seed = `\uFEFF---\r\ntitle: "Akazawa and Lutnick speak by phone"\r\ndate: 2025-07-12\r\n---\r\n${prose("Japan's top trade negotiator Ryosei Akazawa spoke with U.S. Commerce Secretary Howard Lutnick by phone on Saturday.").replace(/\n/g, '\r\n')}`;
    const run = await rebuildWith({ 'windows.txt': seed });
    expect(run.code, run.stderr).toBe(0);
    const article = await page(project.output, 'articles/akazawa-and-lutnick-speak-by-phone/');
    expect(text(article.querySelector('h1'))).toBe('Akazawa and Lutnick speak by phone');
    expect(await readFile(join(project.output, 'articles/akazawa-and-lutnick-speak-by-phone/index.html'), 'utf8')).not.toMatch(/\r|\uFEFF/);
  });

  it('a second copy of an article: a warning naming the first, and the copy left out', async () => {
    const original = await readFile(join(project.seeds, '000_50db3e95586136a1.txt'), 'utf8');
    // Saved again under another name, without the front matter that dates it.
    const run = await rebuildWith({ 'zz-copy of the races article.txt': original.replace(/^---\n[\s\S]*?\n---\n/, '') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('zz-copy of the races article.txt');
    expect(run.stderr).toMatch(/1:1\s+warning\s+Duplicate article: the same text as \S*000_50db3e95586136a1\.txt; this copy is left out of the site\s+duplicate-article/);
    expect(await articleSlugs(project.output)).toEqual(seedSlugs);

    const strict = await rebuildWith({ 'zz-copy.txt': original }, ['--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/Duplicate article[\s\S]*Build stopped: 1 warning\(s\) and --strict/);
    expect(strict.unchanged).toBe(true);
  });

  it('two different articles with the same title: both kept, at different addresses', async () => {
    const run = await rebuildWith({
      'same-title.txt': `---\ntitle: "Japan Races to Seal US Trade Deal as August Tariff Deadline Looms"\ndate: 2025-07-28\nsource: "Other Wire"\n---\n${prose('Akazawa flew to Washington again on Monday for a third round.')}`,
    });
    expect(run.code, run.stderr).toBe(0);
    const slugs = await articleSlugs(project.output);
    expect(slugs).toContain('japan-races-to-seal-us-trade-deal-as-august-tariff-deadline-looms');
    expect(slugs).toContain('japan-races-to-seal-us-trade-deal-as-august-tariff-deadline-looms-2025-07-28');
  });

  it('HTML, script and template syntax in a title, a source and the text: shown as text', async () => {
    const run = await rebuildWith({
      'markup.txt': `---\ntitle: "<script>alert(1)</script> {{ 6*7 }} talks {% raw %}"\ndate: 2025-07-13\nsource: "<img src=x onerror=alert(2)>"\nauthor: "{{ author }}"\n---\n${prose('Ryosei Akazawa <script>alert(3)</script> met Howard Lutnick {{ 6*7 }} and {% include "base.njk" %} on Sunday.')}`,
    });
    expect(run.code, run.stderr).toBe(0);
    const slug = (await articleSlugs(project.output)).find((s) => s.startsWith('script-alert-1'))!;
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    const article = await page(project.output, `articles/${slug}/`);
    expect(text(article.querySelector('h1'))).toBe('<script>alert(1)</script> {{ 6*7 }} talks {% raw %}');
    expect(text(article.querySelector('.article-text'))).toContain('Ryosei Akazawa <script>alert(3)</script> met Howard Lutnick {{ 6*7 }} and {% include "base.njk" %} on Sunday.');
    const timeline = await page(project.output, '');
    expect(all(timeline, 'a').map(text)).toContain('<script>alert(1)</script> {{ 6*7 }} talks {% raw %}');
    for (const path of ['', `articles/${slug}/`, 'articles/', 'people/ryosei-akazawa/']) {
      const html = await readFile(join(project.output, path, 'index.html'), 'utf8');
      expect(html, path).not.toMatch(/<script>alert|<img src=x|\b42\b/);
    }
  });

  it('a seed file name with spaces and non-ASCII characters', async () => {
    const name = 'Akazawa à Washington – 赤沢 notes.txt';
    const run = await rebuildWith({ [name]: `---\ndate: 2025-07-14\n---\n${prose('Ryosei Akazawa met Howard Lutnick in Washington on Monday.')}` });
    expect(run.code, run.stderr).toBe(0);
    // No headline, so the page is named from the file, in ASCII.
    expect(await articleSlugs(project.output)).toContain('akazawa-a-washington-notes');
    const archive = JSON.parse(await readFile(join(project.output, 'data/archive.json'), 'utf8')) as { articles: { file: string }[] };
    expect(archive.articles.map((a) => a.file.split('/').pop())).toContain(name);
  });
});
