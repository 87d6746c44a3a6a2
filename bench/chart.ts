// `npx tsx bench/chart.ts [OUT.svg]`: draws time and peak memory against N
// from bench/results/*.json (default docs/benchmarks-chart.svg). Hand-drawn
// SVG, so the docs need no charting dependency.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchResult } from './results.ts';

interface Series {
  label: string;
  colour: string;
  dashed?: boolean;
  points: [number, number][];
}

const dir = resolve('bench/results');
const results = readdirSync(dir)
  .filter((f) => /^\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as BenchResult)
  .sort((a, b) => a.n - b.n);
if (results.length === 0) throw new Error('no results in bench/results: run npm run bench -- N first');

const panelW = 420;
const panelH = 260;
const margin = { left: 62, right: 16, top: 34, bottom: 44 };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function niceMax(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v || 1));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v)!;
}

function panel(x0: number, title: string, unit: string, series: Series[]): string {
  const maxN = niceMax(Math.max(...results.map((r) => r.n)));
  const maxY = niceMax(Math.max(...series.flatMap((s) => s.points.map(([, y]) => y))));
  const w = panelW - margin.left - margin.right;
  const h = panelH - margin.top - margin.bottom;
  const px = (n: number) => x0 + margin.left + (n / maxN) * w;
  const py = (y: number) => margin.top + h - (y / maxY) * h;
  const out: string[] = [`<text x="${x0 + margin.left}" y="20" font-weight="bold">${esc(title)}</text>`];
  for (let i = 0; i <= 4; i++) {
    const y = (maxY * i) / 4;
    out.push(`<line x1="${px(0)}" x2="${px(maxN)}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/>`);
    out.push(`<text x="${px(0) - 6}" y="${py(y) + 4}" text-anchor="end">${+y.toPrecision(3)}</text>`);
  }
  for (let i = 0; i <= 4; i++) {
    const n = (maxN * i) / 4;
    out.push(`<text x="${px(n)}" y="${py(0) + 16}" text-anchor="middle">${n.toLocaleString('en')}</text>`);
  }
  out.push(`<text x="${px(maxN / 2)}" y="${panelH - 6}" text-anchor="middle">articles (N)</text>`);
  out.push(`<text transform="translate(${x0 + 14} ${py(maxY / 2)}) rotate(-90)" text-anchor="middle">${esc(unit)}</text>`);
  out.push(`<line x1="${px(0)}" x2="${px(maxN)}" y1="${py(0)}" y2="${py(0)}" stroke="#444"/>`);
  series.forEach((s, i) => {
    if (s.points.length === 0) return;
    const d = s.points.map(([n, y], j) => `${j ? 'L' : 'M'}${px(n).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 4"' : ''}/>`);
    for (const [n, y] of s.points) out.push(`<circle cx="${px(n).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${s.colour}"/>`);
    const ly = margin.top + 6 + i * 16;
    out.push(`<line x1="${px(0) + 10}" x2="${px(0) + 30}" y1="${ly}" y2="${ly}" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 4"' : ''}/>`);
    out.push(`<text x="${px(0) + 36}" y="${ly + 4}">${esc(s.label)}</text>`);
  });
  return out.join('\n');
}

const ok = <T extends { ok: boolean }>(pick: (r: BenchResult) => T, value: (f: T) => number): [number, number][] =>
  results.flatMap((r) => {
    const f = pick(r);
    return f.ok ? [[r.n, value(f)] as [number, number]] : [];
  });

// Where a figure would be if it grew in proportion to N from the 1,000-article run: above it is worse than linear.
const linearFrom = (value: (r: BenchResult) => number | null): [number, number][] => {
  const base = results.find((r) => r.n === 1000);
  const v = base ? value(base) : null;
  return v ? results.filter((r) => r.n >= 1000).map((r) => [r.n, (v * r.n) / 1000] as [number, number]) : [];
};

const time = panel(0, 'Time', 'seconds', [
  { label: 'cold build, wall', colour: '#c0392b', points: ok((r) => r.coldBuild, (f) => f.wallS) },
  { label: 'cold build, CPU', colour: '#8e44ad', points: ok((r) => r.coldBuild, (f) => f.cpuS ?? 0) },
  { label: 'linear from N = 1,000 (CPU)', colour: '#7f8c8d', dashed: true, points: linearFrom((r) => (r.coldBuild.ok ? r.coldBuild.cpuS : null)) },
  { label: 'rebuild (+1 article)', colour: '#e67e22', dashed: true, points: ok((r) => r.rebuild, (f) => f.wallS) },
  { label: 'bare Eleventy', colour: '#2471a3', points: ok((r) => r.bareEleventy, (f) => f.wallS) },
]);
const memory = panel(panelW, 'Peak memory (process tree)', 'MB', [
  { label: 'cold build', colour: '#c0392b', points: ok((r) => r.coldBuild, (f) => f.peakTreeRssMb) },
  { label: 'bare Eleventy', colour: '#2471a3', points: ok((r) => r.bareEleventy, (f) => f.peakTreeRssMb) },
  { label: 'linear from N = 1,000', colour: '#7f8c8d', dashed: true, points: linearFrom((r) => (r.coldBuild.ok ? r.coldBuild.peakTreeRssMb : null)) },
  { label: 'target: 1 GB', colour: '#27ae60', dashed: true, points: results.map((r) => [r.n, 1024] as [number, number]) },
]);

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${panelW * 2}" height="${panelH}" viewBox="0 0 ${panelW * 2} ${panelH}" font-family="sans-serif" font-size="11" role="img" aria-labelledby="t">
<title id="t">Build time and peak memory against the number of articles</title>
<rect width="100%" height="100%" fill="#fff"/>
${time}
${memory}
</svg>
`;
const out = resolve(process.argv[2] ?? 'docs/benchmarks-chart.svg');
writeFileSync(out, svg);
process.stdout.write(`wrote ${out} from ${results.length} run(s)\n`);
