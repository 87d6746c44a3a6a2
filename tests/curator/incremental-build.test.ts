// A rebuild after adding an article keeps the pages it does not change
// from the last build instead of rendering them again. What a reader gets
// must not depend on that: the rebuilt site is byte-for-byte the site a
// cold build of the same seeds gives, and a page the new article changes
// is rendered again, never kept stale.
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, root, runBuild } from '../site/support.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { resultHrefs, typeQuery } from '../helpers/search-ui.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { articleSlugs, scratchProject, treeHash, type Scratch } from './support.ts';

const added = 'tests/fixtures/articles/reuters-wire-dateline/input.txt';

/**
 * Every file but the search bundle, whose chunk names are hashes of its own;
 * the downloads name each seed by its path, which differs between the two
 * scratch projects, so that path is set aside.
 */
async function pages(project: Scratch): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const seedsPath = relative(root, project.seeds);
  for (const file of await files(project.output)) {
    if (!file.startsWith('pagefind/')) out.set(file, (await readFile(join(project.output, file), 'utf8')).replaceAll(seedsPath, 'SEEDS'));
  }
  return out;
}

interface Counts {
  rendered: number;
  kept: number;
  bundlesIndexed: number;
  bundlesKept: number;
}

function summary(stdout: string): Counts {
  const pages = /\((\d+) rendered, (\d+) kept from the last build\)/.exec(stdout);
  const bundles = /search bundles: (\d+) indexed, (\d+) kept/.exec(stdout);
  if (!pages || !bundles) throw new Error(`no page counts in: ${stdout}`);
  return { rendered: Number(pages[1]), kept: Number(pages[2]), bundlesIndexed: Number(bundles[1]), bundlesKept: Number(bundles[2]) };
}

describe('rebuilding after adding an article', () => {
  let project: Scratch;
  let cold: Scratch;
  let first: Counts;
  let again: Counts;
  let rebuilt: Counts;
  let before: string[];

  beforeAll(async () => {
    project = await scratchProject();
    const build = async (p: Scratch) => {
      const run = await runBuild([`--output=${p.output}`], p.env);
      if (run.code !== 0) throw new Error(run.stderr);
      return summary(run.stdout);
    };
    first = await build(project);
    again = await build(project);
    before = await articleSlugs(project.output);
    await copyFile(added, join(project.seeds, 'zz-added.txt'));
    rebuilt = await build(project);
    cold = await scratchProject();
    await copyFile(added, join(cold.seeds, 'zz-added.txt'));
    await build(cold);
  }, 600_000);

  afterAll(async () => {
    await rm(project.dir, { recursive: true, force: true });
    await rm(cold.dir, { recursive: true, force: true });
  });

  it('renders everything on the first build and keeps every list page when nothing changed', () => {
    expect(first.kept).toBe(0);
    expect(again.kept).toBeGreaterThan(20);
    // Only the pages that are not split into parts or pages are always rendered.
    expect(again.rendered).toBeLessThan(first.rendered);
    expect(again.bundlesIndexed).toBe(0);
    expect(again.bundlesKept).toBe(first.bundlesIndexed);
  });

  it('keeps some pages and renders the changed ones after the article is added', () => {
    expect(rebuilt.kept).toBeGreaterThan(0);
    expect(rebuilt.rendered).toBeGreaterThan(again.rendered);
    // The people-and-tariffs bundle and the new article's quarter.
    expect(rebuilt.bundlesIndexed).toBe(2);
    expect(rebuilt.bundlesKept).toBeGreaterThan(0);
  });

  it('finds the new article in search, its bundle merged with those kept', async () => {
    const [slug] = (await articleSlugs(project.output)).filter((s) => !before.includes(s));
    const server = await serveStatic(project.output, { prefix: '/' });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(server.url('search/'));
      // A word only the added wire story uses, and one from a seed, in bundles of different quarters.
      await typeQuery(page, 'Reuters');
      await expect.poll(async () => (await resultHrefs(page)).map((h) => new URL(h).pathname), { timeout: 15_000 }).toContain(`/articles/${slug}/`);
      await typeQuery(page, 'Ishiba');
      await expect.poll(async () => (await resultHrefs(page)).length, { timeout: 15_000 }).toBeGreaterThan(2);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('gives the same site, byte for byte, as a cold build of the same seeds', async () => {
    const incremental = await pages(project);
    const fresh = await pages(cold);
    expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
    const differing = [...fresh.keys()].filter((file) => incremental.get(file) !== fresh.get(file));
    expect(differing).toEqual([]);
  });

  it("lists the new article on the page of a person it names, which was rendered again", async () => {
    // The article is the only seed from Reuters; Akazawa is one of the people it names.
    const before = await readFile(join(cold.output, 'people/ryosei-akazawa/index.html'), 'utf8');
    const page = await readFile(join(project.output, 'people/ryosei-akazawa/index.html'), 'utf8');
    expect(page).toContain('Reuters');
    expect(page).toBe(before);
  });
});

describe('rebuilding after an article that names no one new', () => {
  // Two known people, no role, no tariff: nothing that search reads of the people and tariff pages changes, though their lists do.
  const plain = [
    '---',
    'date: 2025-07-10',
    'source: Test Wire',
    '---',
    'Akazawa and Lutnick meet again',
    '',
    'WASHINGTON - Ryosei Akazawa and Howard Lutnick met in Washington on Thursday to continue the talks. Neither side described the outcome.',
    '',
  ].join('\n');
  let project: Scratch;
  let cold: Scratch;
  let rebuilt: Counts;

  beforeAll(async () => {
    const build = async (p: Scratch) => {
      const run = await runBuild([`--output=${p.output}`], p.env);
      if (run.code !== 0) throw new Error(run.stderr);
      return summary(run.stdout);
    };
    project = await scratchProject();
    await build(project);
    await writeFile(join(project.seeds, 'zz-plain.md'), plain);
    rebuilt = await build(project);
    cold = await scratchProject();
    await writeFile(join(cold.seeds, 'zz-plain.md'), plain);
    await build(cold);
  }, 600_000);

  afterAll(async () => {
    await rm(project.dir, { recursive: true, force: true });
    await rm(cold.dir, { recursive: true, force: true });
  });

  it('renders the pages of the people it names again', async () => {
    expect(await readFile(join(project.output, 'people/ryosei-akazawa/index.html'), 'utf8')).toContain('Akazawa and Lutnick meet again');
  });

  it('indexes only its own quarter, and keeps the people and tariffs bundle a cold build would index', async () => {
    expect(rebuilt.bundlesIndexed).toBe(1);
    expect(await treeHash(join(project.output, 'pagefind/site'))).toBe(await treeHash(join(cold.output, 'pagefind/site')));
  });
});

describe('rebuilding when a new article moves events between timeline parts', () => {
  // A small page budget splits June 2025 into several timeline parts; a meeting
  // early in the month pushes the later events into other parts, so the pages of
  // older articles that link to those events must be rendered again.
  const early = [
    '---',
    'date: 2025-06-11',
    'source: Test Wire',
    '---',
    'Akazawa and Bessent open a week of talks',
    '',
    'TOKYO - Ryosei Akazawa met Scott Bessent in Tokyo on Tuesday, June 10, to prepare the ministers’ talks later in the week.',
    '',
  ].join('\n');
  const budget = '--page-budget=2';
  let project: Scratch;
  let cold: Scratch;

  beforeAll(async () => {
    const build = async (p: Scratch) => {
      const run = await runBuild([`--output=${p.output}`, budget], p.env);
      if (run.code !== 0) throw new Error(run.stderr);
    };
    project = await scratchProject();
    await build(project);
    await writeFile(join(project.seeds, 'zz-early.md'), early);
    await build(project);
    cold = await scratchProject();
    await writeFile(join(cold.seeds, 'zz-early.md'), early);
    await build(cold);
  }, 600_000);

  afterAll(async () => {
    await rm(project.dir, { recursive: true, force: true });
    await rm(cold.dir, { recursive: true, force: true });
  });

  it('links each older article’s events to the part that now holds them, as a cold build does', async () => {
    const article = 'articles/japan-us-advance-trade-talks-ahead-of-g7-as-tariff-deadline-looms/index.html';
    const rebuiltPage = await readFile(join(project.output, article), 'utf8');
    expect(rebuiltPage).toBe(await readFile(join(cold.output, article), 'utf8'));
    expect(await pages(project)).toEqual(await pages(cold));
  });
});

describe('rebuilding when a new article dates an undated one', () => {
  // The newsletter piece gives no date; the events it reports place it. A new
  // wire story reports the same call with a date, and so moves the undated
  // piece: its page must say where it now stands, as a cold build's does,
  // though its own text has not changed.
  const undated = 'tests/fixtures/articles/no-date-relative-only/input.txt';
  const call = [
    '---',
    'title: "Akazawa and Lutnick speak by phone ahead of next round"',
    'date: 2025-05-10',
    'source: Test Wire',
    '---',
    'TOKYO, May 10 (Test Wire) - Japan’s tariff negotiator Ryosei Akazawa spoke with U.S. Commerce Secretary Howard Lutnick by phone on Friday, May 9, and the two agreed to keep working toward an agreement, a government official said.',
  ].join('\n');
  const page = 'articles/akazawa-plans-another-washington-trip-as-car-tariffs-bite/index.html';
  let project: Scratch;
  let cold: Scratch;
  let before: string;

  beforeAll(async () => {
    const build = async (p: Scratch) => {
      const run = await runBuild([`--output=${p.output}`], p.env);
      if (run.code !== 0) throw new Error(run.stderr);
    };
    project = await scratchProject();
    await copyFile(join(root, undated), join(project.seeds, 'zz-undated.txt'));
    await build(project);
    before = await readFile(join(project.output, page), 'utf8');
    await writeFile(join(project.seeds, 'zz-call.md'), call);
    await build(project);
    cold = await scratchProject();
    await copyFile(join(root, undated), join(cold.seeds, 'zz-undated.txt'));
    await writeFile(join(cold.seeds, 'zz-call.md'), call);
    await build(cold);
  }, 600_000);

  afterAll(async () => {
    await rm(project.dir, { recursive: true, force: true });
    await rm(cold.dir, { recursive: true, force: true });
  });

  it('places the undated article by the call’s date, as a cold build does', async () => {
    const rebuilt = await readFile(join(project.output, page), 'utf8');
    expect(rebuilt).not.toBe(before);
    expect(rebuilt).toContain('9 May 2025');
    expect(rebuilt).toBe(await readFile(join(cold.output, page), 'utf8'));
    expect(await pages(project)).toEqual(await pages(cold));
  });
});
