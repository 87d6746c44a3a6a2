// A rebuild takes the pages that did not change from the last build, on a
// thread of its own: each lands at its address in the new output as the same
// file, and one that cannot be taken fails the build, naming it.
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepPages } from '../../src/site/keep-page.ts';

function lastBuild(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keep-'));
  for (const [url, html] of Object.entries(pages)) {
    mkdirSync(join(dir, url), { recursive: true });
    writeFileSync(join(dir, url, 'index.html'), html);
  }
  return dir;
}

describe('keeping pages from the last build', () => {
  it('puts each kept page at its address in the new output, as the same file', async () => {
    const previous = lastBuild({ 'articles/a': 'A', 'people/ryosei-akazawa/2': 'Akazawa, part 2' });
    const output = mkdtempSync(join(tmpdir(), 'keep-out-'));
    const urls = ['articles/a', 'people/ryosei-akazawa/2'];
    await keepPages(urls.map((url) => [join(previous, url, 'index.html'), join(output, url, 'index.html')]));
    for (const url of urls) {
      expect(statSync(join(output, url, 'index.html')).ino).toBe(statSync(join(previous, url, 'index.html')).ino);
    }
    expect(readFileSync(join(output, 'people/ryosei-akazawa/2/index.html'), 'utf8')).toBe('Akazawa, part 2');
  });

  it('fails, naming the page, when one of them is gone', async () => {
    const previous = lastBuild({ 'articles/a': 'A' });
    const output = mkdtempSync(join(tmpdir(), 'keep-out-'));
    const gone = join(previous, 'articles/b/index.html');
    await expect(keepPages([[join(previous, 'articles/a/index.html'), join(output, 'articles/a/index.html')], [gone, join(output, 'articles/b/index.html')]])).rejects.toThrow(
      /keeping pages from the last build: .*articles\/b\/index\.html/,
    );
  });

  it('has nothing to do for a first build', async () => {
    await expect(keepPages([])).resolves.toBeUndefined();
  });
});
