import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progress } from '../../src/cli/progress.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('build progress', () => {
  it('on a terminal, rewrites one line, at most every 100 ms within a phase, and clears it', () => {
    const out = stream(true);
    const status = progress(out);
    status.show('extracting', [1, 3]);
    status.show('extracting', [2, 3]);
    vi.advanceTimersByTime(100);
    status.show('extracting', [3, 3]);
    status.show('rendering pages');
    status.stop();
    expect(out.written).toEqual(['\r\x1b[Kextracting 1/3', '\r\x1b[Kextracting 3/3', '\r\x1b[Krendering pages', '\r\x1b[K']);
  });

  it('in a log, writes the current status every five seconds and nothing for a quick build', () => {
    const out = stream(false);
    const quick = progress(out);
    quick.show('extracting', [5, 5]);
    quick.stop();
    vi.advanceTimersByTime(20_000);
    expect(out.written).toEqual([]);

    const slow = progress(out);
    slow.show('extracting', [1200, 10_000]);
    vi.advanceTimersByTime(5000);
    slow.show('rendering pages');
    vi.advanceTimersByTime(5000);
    slow.clear();
    vi.advanceTimersByTime(5000);
    slow.stop();
    vi.advanceTimersByTime(5000);
    expect(out.written).toEqual(['extracting 1200/10000\n', 'rendering pages\n']);
  });
});
