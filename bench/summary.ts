// `npx tsx bench/summary.ts`: the figures of every bench/results/<N>.json as
// one Markdown table, N across, for docs/benchmarks.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchResult, PhaseFigures, RunFigures } from './results.ts';

const dir = resolve('bench/results');
const runs = readdirSync(dir)
  .filter((f) => /^\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as BenchResult)
  .sort((a, b) => a.n - b.n);

const s = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const wall = (r: RunFigures) => (r.ok ? `${s(r.wallS)} s` : `failed (${r.note})`);
const cpu = (r: RunFigures) => (r.ok && r.cpuS !== null ? `${s(r.cpuS)} s` : '—');
const mem = (r: RunFigures) => (r.ok ? `${Math.round(r.peakTreeRssMb)} MB` : '—');
const big = (r: RunFigures) => (r.ok && r.maxRssMb !== null ? `${Math.round(r.maxRssMb)} MB` : '—');
const cpuRatio = (a: RunFigures, b: RunFigures, digits = 1) => (a.ok && b.ok && a.cpuS && b.cpuS ? (a.cpuS / b.cpuS).toFixed(digits) : '—');
const ph = (p: PhaseFigures | undefined) => (p ? `${s(p.seconds)} s / ${Math.round(p.peakTreeRssMb)} MB` : '—');

/** "4.0 / 0.4 / 4.0 / 3.0 s" from the build's summary line, when it gives its phases. */
const ownPhases = (summary: string) => {
  const m = /extraction ([\d.]+)s, site model ([\d.]+)s, rendering ([\d.]+)s, search index(?: after rendering)? ([\d.]+)s/.exec(summary);
  return m ? `${m.slice(1).join(' / ')} s` : '—';
};

const rows: [string, (r: BenchResult) => string][] = [
  ['seed text', (r) => `${r.corpus.megabytes.toFixed(2)} MB`],
  ['extraction, 1 core: MB/s wall', (r) => `${r.extraction.oneCore.mbPerSecond.toFixed(2)}`],
  ['extraction, 1 core: MB per CPU-second', (r) => (r.extraction.oneCore.mbPerCpuSecond ? r.extraction.oneCore.mbPerCpuSecond.toFixed(2) : '—')],
  ['extraction, all cores (worker threads): MB/s wall', (r) => `${r.extraction.allCores.mbPerSecond.toFixed(2)} (${r.extraction.allCores.workers} workers)`],
  ['cold build: wall', (r) => wall(r.coldBuild)],
  ['cold build: CPU (user + sys)', (r) => cpu(r.coldBuild)],
  ['cold build: peak RSS, process tree', (r) => mem(r.coldBuild)],
  ['cold build: peak RSS, largest process', (r) => big(r.coldBuild)],
  ['phases as the build reports them: extraction / model / rendering (search indexing alongside) / search index after rendering', (r) => ownPhases(r.coldBuild.summary)],
  ['phase: extraction + story merge (time / peak)', (r) => ph(r.phases.extract)],
  ['phase: site model', (r) => ph(r.phases.model)],
  ['phase: rendering (Eleventy; search indexing alongside)', (r) => ph(r.phases.render)],
  ['phase: search index (Pagefind), after rendering', (r) => ph(r.phases.index)],
  ['rebuild, +1 article: wall', (r) => wall(r.rebuild)],
  ['rebuild: peak RSS, process tree', (r) => mem(r.rebuild)],
  ['rebuild: CPU', (r) => cpu(r.rebuild)],
  // Three decimals: the target is a quarter, and 0.246 rounds to it.
  ['rebuild / cold build: wall', (r) => (r.rebuild.ok && r.coldBuild.ok ? (r.rebuild.wallS / r.coldBuild.wallS).toFixed(3) : '—')],
  ['rebuild / cold build: CPU', (r) => cpuRatio(r.rebuild, r.coldBuild, 3)],
  ['bare Eleventy: wall', (r) => wall(r.bareEleventy)],
  ['bare Eleventy: peak RSS', (r) => mem(r.bareEleventy)],
  ['bare Eleventy: CPU', (r) => cpu(r.bareEleventy)],
  ['full build / bare Eleventy: wall', (r) => (r.ratio === null ? '—' : r.ratio.toFixed(1))],
  ['full build / bare Eleventy: CPU', (r) => cpuRatio(r.coldBuild, r.bareEleventy)],
  ['HTML pages', (r) => (r.pages ? r.pages.htmlPages.toLocaleString('en') : '—')],
  ['largest page', (r) => (r.pages ? `${Math.round(r.pages.largestKb).toLocaleString('en')} KB (${r.pages.largestPage.replace(/index\.html$/, '')})` : '—')],
  ['pages over 500 KB', (r) => (r.pages ? String(r.pages.over500Kb) : '—')],
  ['load average before / after', (r) => `${r.load.before.toFixed(1)} / ${r.load.after.toFixed(1)}`],
];

const header = `| N | ${runs.map((r) => r.n.toLocaleString('en')).join(' | ')} |`;
const rule = `|---|${runs.map(() => '---:').join('|')}|`;
process.stdout.write(`${[header, rule, ...rows.map(([label, f]) => `| ${label} | ${runs.map(f).join(' | ')} |`)].join('\n')}\n`);
