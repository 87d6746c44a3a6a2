// Progress of a long build. On a terminal one status line is rewritten in
// place; in a log (CI, a pipe) the status is written on a clock, a line every
// few seconds, so a quick build prints nothing and a long one shows where it is
// even in a phase that reports no steps (rendering).

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** What the build is doing now: `show('extracting', [1200, 10000])` or `show('rendering pages')`. */
  show(label: string, count?: [done: number, total: number]): void;
  /** Clears the status line before the build's own output; the clock keeps going. */
  clear(): void;
  /** Clears the status line and stops the clock. */
  stop(): void;
}

export function progress(stream: ProgressStream, { logEveryMs = 5000, ttyEveryMs = 100 } = {}): Progress {
  const tty = stream.isTTY === true;
  let status = '';
  let label = '';
  let written = 0;
  const timer = tty ? null : setInterval(() => status && stream.write(`${status}\n`), logEveryMs);
  // The clock must not keep a finished build's process alive.
  timer?.unref();
  return {
    show(nextLabel, count) {
      status = count ? `${nextLabel} ${count[0]}/${count[1]}` : nextLabel;
      // Redrawing the line for every seed would cost more than the seed.
      if (!tty || (nextLabel === label && Date.now() - written < ttyEveryMs)) return;
      label = nextLabel;
      written = Date.now();
      stream.write(`\r\x1b[K${status}`);
    },
    clear() {
      if (tty && written) stream.write('\r\x1b[K');
      status = '';
      written = 0;
      label = '';
    },
    stop() {
      if (timer) clearInterval(timer);
      this.clear();
    },
  };
}
