// `npm run bench -- N [--seed=S] [--keep] [--timeout-min=M]`: generates N
// articles, measures extraction throughput, the cold build, a rebuild with one
// more article and a bare Eleventy build of the same texts, prints a table and
// writes bench/results/<N>.json. Run one benchmark at a time: each uses every core.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBareProject } from './bare-eleventy.ts';
import { extractParallel, extractSequential } from './extraction.ts';
import { generateArticles, writeArticles } from './generate.ts';
import { pageWeights } from './page-weights.ts';
import type { PhaseTiming } from './phases.ts';
import { hasGnuTime, runMeasured, type Measured } from './process-stats.ts';
import { formatTable } from './report.ts';
import type { BenchResult, PhaseFigures, RunFigures } from './results.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'string', default: '20250722' }, keep: { type: 'boolean', default: false }, 'timeout-min': { type: 'string', default: '25' } },
});
const n = Number(positionals[0] ?? 100);
if (!Number.isInteger(n) || n < 1) throw new Error('usage: npm run bench -- N [--seed=S] [--keep] [--timeout-min=M]');
const seed = Number(values.seed);
const timeoutMs = Number(values['timeout-min']) * 60_000;
const root = process.cwd();
const log = (message: string) => process.stderr.write(`[bench ${n}] ${message}\n`);
const toMb = (kb: number | null) => (kb === null ? null : kb / 1024);

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function figures(m: Measured, what: string): RunFigures {
  const ok = m.exitCode === 0 && !m.timedOut;
  const note = m.timedOut ? `stopped after ${(m.wallMs / 60_000).toFixed(0)} min` : ok ? undefined : `exit ${m.exitCode}: ${m.stderr.trim().split('\n').slice(0, 3).join(' / ')}`;
  if (!ok) log(`${what} failed: ${note}`);
  return { ok, ...(note ? { note } : {}), wallS: m.wallMs / 1000, peakTreeRssMb: m.peakTreeRssKb / 1024, maxRssMb: toMb(m.maxRssKb), cpuS: m.cpuS };
}

/**
 * Waits until what the steps before wrote (the seeds, a build's 600 MB of
 * pages, a removed folder) has reached the disk, so that no build is timed
 * while the kernel writes back the one before it: a curator's next build
 * comes minutes after the last, and the kernel writes dirty pages back
 * within 30 s by default.
 */
function settle(): void {
  execFileSync('sync');
}

if (!hasGnuTime()) log('/usr/bin/time not found (apt-get install time): peak memory comes from polling /proc only');
const startedAt = new Date().toISOString();
const loadBefore = loadavg()[0]!;
const work = mkdtempSync(join(tmpdir(), `archive-bench-${n}-`));
const seedsDir = join(work, 'seeds');
const site = join(work, 'site');
const node = process.execPath;
// `node --import tsx` is what `npx tsx` runs, without npm's and tsx's wrapper processes in the memory figures.
const tsx = ['--import', 'tsx'];
// A cache of the run's own: the cold build starts from none, and the rebuild
// finds what the cold build left, as a curator's second build does.
const env = { ...process.env, ARCHIVE_SEEDS: seedsDir, ARCHIVE_CACHE: join(work, 'cache') };

log(`generating ${n + 1} articles in ${work}`);
const articles = await generateArticles(n + 1, { root, seed });
const added = articles.pop()!;
writeArticles(seedsDir, articles);
const paths = readdirSync(seedsDir).sort().map((name) => join(seedsDir, name));
const megabytes = articles.reduce((sum, a) => sum + a.bytes.length, 0) / 1e6;

log('extraction, one core');
const oneCore = await extractSequential(paths, join(root, 'data/registry.yaml'));
log(`extraction, ${availableParallelism()} workers`);
const allCores = await extractParallel(paths, join(root, 'data/registry.yaml'));

log('bare Eleventy build');
const bareDir = join(work, 'bare');
writeBareProject(bareDir, articles);
const eleventyCli = join(root, 'node_modules/@11ty/eleventy/cmd.cjs');
settle();
const bareEleventy = figures(await runMeasured(node, [eleventyCli, '--quiet'], { cwd: bareDir, timeoutMs }), 'bare Eleventy build');
rmSync(bareDir, { recursive: true, force: true });

log('cold build');
settle();
const cold = await runMeasured(node, [...tsx, 'src/cli/build.ts', `--output=${site}`], { cwd: root, env, timeoutMs });
const coldBuild = { ...figures(cold, 'cold build'), summary: cold.stdout.trim() };
const pages = coldBuild.ok && existsSync(site) ? pageWeights(site) : null;

let rebuild: BenchResult['rebuild'] = { ok: false, note: 'not run: the cold build failed', wallS: 0, peakTreeRssMb: 0, maxRssMb: null, cpuS: null };
if (coldBuild.ok) {
  log('rebuild with one article added');
  writeArticles(seedsDir, [added]);
  settle();
  const again = await runMeasured(node, [...tsx, 'src/cli/build.ts', `--output=${site}`], { cwd: root, env, timeoutMs });
  rebuild = { ...figures(again, 'rebuild'), summary: again.stdout.trim() };
  rmSync(join(seedsDir, added.name));
}
rmSync(site, { recursive: true, force: true });

log('phases, in-process');
const phaseRun = await runMeasured(node, [...tsx, 'bench/phases.ts', seedsDir, join(work, 'phases-site')], { cwd: root, env: { ...env, ARCHIVE_CACHE: join(work, 'phases-cache') }, timeoutMs });
let phases: BenchResult['phases'] = { ok: false, wallS: phaseRun.wallMs / 1000 };
const reported = phaseRun.stdout.trim().split('\n').at(-1);
if (phaseRun.exitCode === 0 && reported) {
  const timings = (JSON.parse(reported) as { phases: PhaseTiming[] }).phases;
  const of = (name: PhaseTiming['name']): PhaseFigures | undefined => {
    const p = timings.find((t) => t.name === name);
    if (!p) return undefined;
    const during = phaseRun.samples.filter((x) => x.t >= p.start && x.t <= p.end).map((x) => x.rssKb);
    return { seconds: (p.end - p.start) / 1000, peakTreeRssMb: Math.max(p.maxRssKb, ...during) / 1024 };
  };
  phases = { ok: true, wallS: phaseRun.wallMs / 1000, extract: of('extract'), model: of('model'), render: of('render'), index: of('index') };
} else {
  phases.note = figures(phaseRun, 'phases').note;
}

const result: BenchResult = {
  n,
  seed,
  startedAt,
  // A run from an exported snapshot (no .git) names its commit in BENCH_COMMIT.
  commit: git(['rev-parse', 'HEAD']) ?? process.env.BENCH_COMMIT ?? null,
  dirty: (git(['status', '--porcelain', '--', 'src', 'templates', 'public', '.eleventy.js', 'data']) ?? '') !== '',
  machine: {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
  },
  load: { before: loadBefore, after: loadavg()[0]! },
  corpus: { files: articles.length, megabytes },
  extraction: { oneCore, allCores },
  coldBuild,
  phases,
  rebuild,
  bareEleventy,
  ratio: coldBuild.ok && bareEleventy.ok ? coldBuild.wallS / bareEleventy.wallS : null,
  pages,
};

const outDir = resolve(root, 'bench/results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, `${n}.json`), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(formatTable(result));
if (values.keep) log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
