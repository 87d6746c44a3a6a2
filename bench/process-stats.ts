// Runs a command the way a user would and records its wall time and memory.
// GNU time's "maximum resident set size" is that of the largest single process,
// while Pagefind indexes in a child process of its own; polling /proc also
// gives the whole process tree's resident memory, which is what the machine
// has to hold at once.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Sample {
  /** Milliseconds since the epoch. */
  t: number;
  rssKb: number;
}

export interface Measured {
  exitCode: number;
  /** True when the run was stopped for taking longer than the time allowed. */
  timedOut: boolean;
  wallMs: number;
  /** From `/usr/bin/time -v`: the largest single process of the run; null when time is not installed. */
  maxRssKb: number | null;
  /** From `/usr/bin/time -v`: user + system CPU seconds of the whole run, which other load on the machine changes less than wall time. */
  cpuS: number | null;
  /** From polling /proc: the most the whole process tree held at once. */
  peakTreeRssKb: number;
  samples: Sample[];
  stdout: string;
  stderr: string;
}

const pageKb = 4;
const timeBinary = '/usr/bin/time';

function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name can hold spaces and parentheses; the fields after its last ")" cannot.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended between listing and reading.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageKb;
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function hasGnuTime(): boolean {
  return existsSync(timeBinary);
}

export function runMeasured(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; pollMs?: number; timeoutMs?: number }): Promise<Measured> {
  const useTime = hasGnuTime();
  const [bin, argv] = useTime ? [timeBinary, ['-v', command, ...args]] : [command, args];
  const started = performance.now();
  // Its own process group, so that a run that takes too long can be stopped with every process it started.
  const child = spawn(bin, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let timedOut = false;
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      }, options.timeoutMs)
    : undefined;
  const samples: Sample[] = [];
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const poll = setInterval(() => {
    if (child.pid) samples.push({ t: Date.now(), rssKb: treeRssKb(child.pid) });
  }, options.pollMs ?? 100);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const max = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      resolvePromise({
        exitCode: code ?? 1,
        timedOut,
        wallMs,
        maxRssKb: max ? Number(max[1]) : null,
        cpuS: user && system ? Number(user[1]) + Number(system[1]) : null,
        peakTreeRssKb: Math.max(0, ...samples.map((s) => s.rssKb)),
        samples,
        stdout,
        stderr,
      });
    });
  });
}
