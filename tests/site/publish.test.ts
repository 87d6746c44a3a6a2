// The published folder is replaced only by a finished build; the folder it
// replaces is deleted in the background, and nothing of it is left for good.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { buildInPlaceOf } from '../../src/site/publish.ts';

const site = (text: string) => async (dir: string) => writeFileSync(join(dir, 'index.html'), text);

/** The sibling folders a build leaves beside its output, once the background removal has had time to finish. */
async function leftBeside(parent: string): Promise<string[]> {
  for (let i = 0; i < 100 && readdirSync(parent).length > 1; i++) await sleep(100);
  return readdirSync(parent).filter((n) => n !== 'out');
}

describe('publishing a build', () => {
  it('swaps the new output in and deletes the old one', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'publish-'));
    const out = join(parent, 'out');
    await buildInPlaceOf(out, site('first'));
    await buildInPlaceOf(out, site('second'));
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('second');
    expect(await leftBeside(parent)).toEqual([]);
  });

  it('keeps the published site when a build fails', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'publish-'));
    const out = join(parent, 'out');
    await buildInPlaceOf(out, site('first'));
    await expect(buildInPlaceOf(out, () => Promise.reject(new Error('template broke')))).rejects.toThrow('template broke');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('first');
  });

  it('finishes deleting an old output whose removal was cut short', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'publish-'));
    const out = join(parent, 'out');
    await buildInPlaceOf(out, site('first'));
    // What a build stopped during its background removal leaves behind.
    const interrupted = join(parent, '.out-build-x1y2z3-old');
    mkdirSync(join(interrupted, 'articles/a'), { recursive: true });
    writeFileSync(join(interrupted, 'articles/a/index.html'), 'old');
    await buildInPlaceOf(out, site('second'));
    expect(await leftBeside(parent)).toEqual([]);
    expect(existsSync(interrupted)).toBe(false);
  });
});
