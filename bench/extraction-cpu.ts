// `npx tsx bench/extraction-cpu.ts [N] [--dir=D] [--seed=S] [--rounds=R]`:
// extraction on one core, in MB per CPU-second, over a synthetic archive of N
// articles kept in D so repeated runs (and profiles) read the same files.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractSequential } from './extraction.ts';
import { generateArticles, writeArticles } from './generate.ts';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const n = Number(args.find((a) => !a.startsWith('--')) ?? 2000);
const dir = resolve(option('dir') ?? `/tmp/extraction-cpu-${n}`);
const seed = option('seed') ? Number(option('seed')) : undefined;
const rounds = Number(option('rounds') ?? 3);
const root = resolve(import.meta.dirname, '..');

if (!existsSync(dir)) writeArticles(dir, await generateArticles(n, { root, seed }));
const paths = readdirSync(dir).sort().map((name) => join(dir, name));
// The best of a few rounds: on a shared machine other work only ever slows a round down.
let best = 0;
for (let round = 1; round <= rounds; round++) {
  const t = await extractSequential(paths, join(root, 'data/registry.yaml'));
  best = Math.max(best, t.mbPerCpuSecond);
  process.stdout.write(`round ${round}: ${t.files} files, ${t.megabytes.toFixed(2)} MB, ${t.cpuS.toFixed(2)} CPU-s, ${t.mbPerCpuSecond.toFixed(2)} MB/CPU-s\n`);
}
process.stdout.write(`best: ${best.toFixed(2)} MB per CPU-second\n`);
