import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/types.ts';

const run = promisify(execFile);

async function extract(...files: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/extract.ts', ...files]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the extract command', () => {
  it('prints one JSON record per file, in the order given', async () => {
    const { code, stdout } = await extract('seeds/002_bba6adc186d38d3d.txt', 'seeds/000_50db3e95586136a1.txt');
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as ArticleRecord[];
    expect(records.map((r) => r.file)).toEqual(['seeds/002_bba6adc186d38d3d.txt', 'seeds/000_50db3e95586136a1.txt']);
    for (const r of records) {
      for (const key of ['title', 'published', 'source', 'author', 'url', 'body', 'removed', 'people', 'tariffs', 'deadlines', 'venues', 'events']) {
        expect(r).toHaveProperty(key);
      }
    }
    // Paragraphs of the clean text are separated by a blank line.
    expect(records[0]!.body.split('\n\n')[0]).toMatch(/^Japan’s top trade negotiator Ryosei Akazawa held/);
  });

  it('names the file and line of bad input on stderr, still processes the rest, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    const bad = join(dir, 'bad-front-matter.txt');
    writeFileSync(bad, '---\ntitle: "Unclosed\ndate: 2025-07-01\n---\nJapan and the United States held talks on Tuesday in Washington about tariffs.\n');
    const badDate = join(dir, 'bad-date.txt');
    writeFileSync(badDate, '---\ndate: next Tuesday\n---\nJapan and the United States held talks on Tuesday in Washington about tariffs.\n');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const { code, stdout, stderr } = await extract(bad, 'seeds/003_549d31f8cc5d14c5.txt', badDate, empty);
    expect(code).toBe(1);
    const records = JSON.parse(stdout) as ArticleRecord[];
    expect(records.map((r) => r.file)).toEqual(['seeds/003_549d31f8cc5d14c5.txt']);
    expect(stderr).toContain(bad);
    expect(stderr).toMatch(/bad-front-matter\.txt[\s\S]*?\d+:\d+.*front matter/i);
    expect(stderr).toMatch(/bad-date\.txt[\s\S]*?2:1.*`date`/);
    expect(stderr).toMatch(/empty\.txt[\s\S]*?empty file/i);
  });
});
