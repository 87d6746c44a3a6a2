import type { Throughput } from './extraction.ts';
import type { BenchResult, PhaseFigures, RunFigures } from './results.ts';

const s = (x: number) => `${x.toFixed(1)} s`;
const mb = (x: number | null) => (x === null ? '—' : `${Math.round(x)} MB`);
const run = (r: RunFigures) =>
  r.ok ? `${s(r.wallS)} (CPU ${r.cpuS === null ? '—' : s(r.cpuS)}), peak ${mb(r.peakTreeRssMb)} (largest process ${mb(r.maxRssMb)})` : `failed: ${r.note}`;
const phase = (p: PhaseFigures | undefined) => (p ? `${s(p.seconds)}, peak ${mb(p.peakTreeRssMb)}` : '—');

const throughput = (t: Throughput) =>
  `${t.mbPerSecond.toFixed(2)} MB/s (${s(t.seconds)}; ${t.mbPerCpuSecond.toFixed(2)} MB per CPU-second)`;

export function formatTable(r: BenchResult): string {
  const rows: [string, string][] = [
    ['articles', `${r.n} (${r.corpus.megabytes.toFixed(2)} MB of seed text, seed ${r.seed})`],
    ['machine', `${r.machine.cores} cores ${r.machine.cpu}, ${r.machine.memoryGb} GB, Node ${r.machine.node}`],
    ['load average (1 min)', `${r.load.before.toFixed(2)} before, ${r.load.after.toFixed(2)} after`],
    ['commit', `${r.commit ?? 'unknown'}${r.dirty ? ' + uncommitted changes' : ''}`],
    ['extraction, 1 core', throughput(r.extraction.oneCore)],
    [`extraction, ${r.extraction.allCores.workers} workers`, throughput(r.extraction.allCores)],
    ['cold build', run(r.coldBuild)],
    ['  as the build reports it', /\((extraction [^)]*)\)/.exec(r.coldBuild.summary)?.[1] ?? '—'],
    ['  extraction + story *', phase(r.phases.extract)],
    ['  site model *', phase(r.phases.model)],
    ['  rendering (Eleventy; search indexing alongside) *', phase(r.phases.render)],
    ['  search index (Pagefind), after rendering *', phase(r.phases.index)],
    ['rebuild, one article added', run(r.rebuild)],
    ['  pages and search bundles', r.rebuild.summary ? [/\d+ rendered, \d+ kept/.exec(r.rebuild.summary)?.[0], /search bundles: [^;]*/.exec(r.rebuild.summary)?.[0]].join('; ') : '—'],
    ['bare Eleventy build', run(r.bareEleventy)],
    ['full / bare', r.ratio === null ? '—' : r.ratio.toFixed(2)],
    ['HTML pages', r.pages ? String(r.pages.htmlPages) : '—'],
    ['largest page', r.pages ? `${r.pages.largestKb.toFixed(0)} KB (${r.pages.largestPage})` : '—'],
    ['pages over 500 KB', r.pages ? String(r.pages.over500Kb) : '—'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  lines.push('', `* with each phase's memory peak, from a separate in-process run of the same calls (bench/phases.ts)${r.phases.ok ? `, ${s(r.phases.wallS)} in all` : `: ${r.phases.note}`}.`);
  return `${lines.join('\n')}\n`;
}
