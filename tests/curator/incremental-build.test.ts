// A rebuild after adding an article keeps the pages it does not change
// from the last build instead of rendering them again. What a reader gets
// must not depend on that: the rebuilt site is byte-for-byte the site a
// cold build of the same seeds gives, and a page the new article changes
// is rendered again, never kept stale.
import { copyFile, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, root, runBuild } from '../site/support.ts';
import { scratchProject, type Scratch } from './support.ts';

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

function summary(stdout: string): { rendered: number; kept: number } {
  const match = /\((\d+) rendered, (\d+) kept from the last build\)/.exec(stdout);
  if (!match) throw new Error(`no page counts in: ${stdout}`);
  return { rendered: Number(match[1]), kept: Number(match[2]) };
}

describe('rebuilding after adding an article', () => {
  let project: Scratch;
  let cold: Scratch;
  let first: { rendered: number; kept: number };
  let again: { rendered: number; kept: number };
  let rebuilt: { rendered: number; kept: number };

  beforeAll(async () => {
    project = await scratchProject();
    const build = async (p: Scratch) => {
      const run = await runBuild([`--output=${p.output}`], p.env);
      if (run.code !== 0) throw new Error(run.stderr);
      return summary(run.stdout);
    };
    first = await build(project);
    again = await build(project);
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
  });

  it('keeps some pages and renders the changed ones after the article is added', () => {
    expect(rebuilt.kept).toBeGreaterThan(0);
    expect(rebuilt.rendered).toBeGreaterThan(again.rendered);
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
