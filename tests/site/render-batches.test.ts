// Eleventy renders a large archive in several runs, a batch of pages each, to
// keep its memory small. Where the batches fall must not show in the site:
// small batches give the same files, byte for byte, as one run.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { files, root, tempDir } from './support.ts';

// Eleventy loads `.eleventy.js`, which imports TypeScript: it runs under tsx, as the build does, not in the test runner.
const script = (output: string, batchSize: number) => `
import { registryPath } from ${JSON.stringify(pathToFileURL(join(root, 'src/paths.ts')).href)};
import { loadRegistry } from ${JSON.stringify(pathToFileURL(join(root, 'src/registry/load-registry.ts')).href)};
import { buildSiteModel } from ${JSON.stringify(pathToFileURL(join(root, 'src/site/model.ts')).href)};
import { readSeeds } from ${JSON.stringify(pathToFileURL(join(root, 'src/site/read-seeds.ts')).href)};
import { renderSite } from ${JSON.stringify(pathToFileURL(join(root, 'src/site/render.ts')).href)};
const read = await readSeeds('seeds', await loadRegistry(registryPath()));
// A small budget splits the lists, so there are pages of every kind in several batches.
const model = buildSiteModel(read, { title: 'Trade talks', siteUrl: 'https://example.org', pageBudget: 2 });
const rendered = await renderSite({ model, output: ${JSON.stringify(output)}, pathPrefix: '/archive/', batchSize: ${batchSize} });
process.stdout.write(String(rendered.written));
`;

async function render(batchSize: number): Promise<{ dir: string; written: number }> {
  const work = await tempDir('batches');
  const dir = join(work, 'site');
  await writeFile(join(work, 'render.mts'), script(dir, batchSize));
  const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [join(work, 'render.mts')], { cwd: root, env: { ...process.env, ARCHIVE_CACHE: join(work, 'cache') } });
  return { dir, written: Number(stdout) };
}

describe('rendering in batches', () => {
  it('writes the same pages with batches of two as in one run', async () => {
    const one = await render(100_000);
    const many = await render(2);
    expect(one.written).toBeGreaterThan(50);
    expect(many.written).toBe(one.written);
    const names = await files(one.dir);
    expect(await files(many.dir)).toEqual(names);
    const differing: string[] = [];
    for (const name of names) if ((await readFile(join(one.dir, name), 'utf8')) !== (await readFile(join(many.dir, name), 'utf8'))) differing.push(name);
    expect(differing).toEqual([]);
  }, 120_000);
});
