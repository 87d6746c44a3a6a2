// A rebuild starts linking the last build's pages into the new output before
// it knows which stay, on a thread of its own; once the plan is made, the
// pages that will be rendered again or are gone are removed before anything
// is written, so the published site is never written through a link.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkPagesAhead, pageFile } from '../../src/site/keep-page.ts';

function lastBuild(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keep-'));
  for (const [url, html] of Object.entries(pages)) {
    mkdirSync(join(dir, url), { recursive: true });
    writeFileSync(pageFile(dir, url), html);
  }
  return dir;
}

const pairs = (from: string, to: string, urls: string[]) => urls.map((url) => [pageFile(from, url), pageFile(to, url)] as [string, string]);

describe('keeping pages from the last build', () => {
  it('keeps the pages the plan keeps, as the same files, and removes the others before anything is written', async () => {
    const previous = lastBuild({ '/articles/a/': 'A', '/articles/b/': 'B', '/people/ryosei-akazawa/events/2025-07-05/': 'Akazawa, part 2' });
    const output = mkdtempSync(join(tmpdir(), 'keep-out-'));
    const ahead = linkPagesAhead(pairs(previous, output, ['/articles/a/', '/articles/b/', '/people/ryosei-akazawa/events/2025-07-05/']));
    const kept = await ahead.keepOnly([pageFile(output, '/articles/a/'), pageFile(output, '/people/ryosei-akazawa/events/2025-07-05/')]);

    expect([...kept].sort()).toEqual([pageFile(output, '/articles/a/'), pageFile(output, '/people/ryosei-akazawa/events/2025-07-05/')]);
    expect(statSync(pageFile(output, '/articles/a/')).ino).toBe(statSync(pageFile(previous, '/articles/a/')).ino);
    expect(readFileSync(pageFile(output, '/people/ryosei-akazawa/events/2025-07-05/'), 'utf8')).toBe('Akazawa, part 2');
    // The page to be rendered again is gone with its folder; the last build still has it.
    expect(existsSync(join(output, 'articles/b'))).toBe(false);
    expect(readFileSync(pageFile(previous, '/articles/b/'), 'utf8')).toBe('B');
  });

  it('leaves out a page the last build no longer has, without a folder for it', async () => {
    const previous = lastBuild({ '/articles/a/': 'A' });
    const output = mkdtempSync(join(tmpdir(), 'keep-out-'));
    const ahead = linkPagesAhead(pairs(previous, output, ['/articles/a/', '/articles/gone/']));
    const kept = await ahead.keepOnly([pageFile(output, '/articles/a/'), pageFile(output, '/articles/gone/')]);
    expect([...kept]).toEqual([pageFile(output, '/articles/a/')]);
    expect(existsSync(join(output, 'articles/gone'))).toBe(false);
  });

  it('has nothing to keep for a first build', async () => {
    expect((await linkPagesAhead([]).keepOnly([])).size).toBe(0);
  });
});
