import type { SiteDeadline, SiteTariff, SiteTariffRef, TariffChart, TariffChartPoint, TariffStatus } from '../types.ts';
import { byDate, firstDay, formatDate, publishedText } from './dates.ts';
import { escapeHtml } from './html.ts';

// The chart is drawn once at build time as inline SVG: it reads without
// JavaScript, and its colours come from classes so the stylesheet can
// switch them for dark mode and print. SVG text scales with the drawing, so
// one drawing cannot be readable both 330 and 830 pixels wide: there are two
// layouts, and the stylesheet shows the one that fits the screen.

interface Layout {
  name: 'wide' | 'narrow';
  /** The wide drawing is also the printed one and keeps the plain ids. */
  idPrefix: string;
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

const layouts: Layout[] = [
  { name: 'wide', idPrefix: 'chart', width: 640, height: 300, margin: { top: 34, right: 20, bottom: 44, left: 48 } },
  { name: 'narrow', idPrefix: 'chart-narrow', width: 340, height: 300, margin: { top: 34, right: 12, bottom: 44, left: 40 } },
];
const dayMs = 86_400_000;
const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Text sizes in drawing units, as the stylesheet sets them: ticks and deadlines, rates beside marks. */
const fontSize = 13;
const labelSize = 11;
/** Room a label takes, a little more than system fonts need. */
const textWidth = (text: string) => text.length * fontSize * 0.6;
/** Centre to centre: marks this close would cover each other. */
const markGap = 13;
export const seriesCount = 6;

/** Filled markers for rates that apply, hollow ones for rates still in question. */
const inForce = new Set<TariffStatus>(['in effect', 'agreed']);

export function markerPath(series: number, x: number, y: number): string {
  const r = 5.5;
  const f = (n: number) => Number(n.toFixed(1));
  switch (series % 4) {
    case 0:
      return `M${f(x - r)} ${f(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
    case 1:
      return `M${f(x - r)} ${f(y - r)}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 2:
      return `M${f(x)} ${f(y - r - 1)}L${f(x + r + 1)} ${f(y + r)}H${f(x - r - 1)}Z`;
    default:
      return `M${f(x)} ${f(y - r - 1)}L${f(x + r + 1)} ${f(y)}L${f(x)} ${f(y + r + 1)}L${f(x - r - 1)} ${f(y)}Z`;
  }
}

/** Rates on Japanese goods as each article reported them, oldest first. */
export function chartPoints(tariffs: SiteTariff[]): TariffChartPoint[] {
  const points: TariffChartPoint[] = [];
  const seen = new Set<string>();
  for (const t of tariffs.filter((x) => x.target === 'Japan')) {
    for (const h of t.history) {
      const date = h.citation.article.published;
      if (!date) continue;
      // Dates compare equal when they start on the same day with the same precision.
      const key = `${t.id} ${h.status} ${firstDay(date)} ${date.precision}`;
      if (seen.has(key)) continue;
      seen.add(key);
      points.push({ tariff: { id: t.id, label: t.label }, rate: t.rate, status: h.status, date, article: h.citation.article });
    }
  }
  return byDate(points, (p) => p.date);
}

/** Each month the range touches, with the days of it on the chart (`end` exclusive). */
function monthSpans(from: number, to: number): { start: number; end: number; year: number; month: number }[] {
  const spans: { start: number; end: number; year: number; month: number }[] = [];
  const first = new Date(from * dayMs);
  for (let i = first.getUTCMonth(); ; i++) {
    const year = first.getUTCFullYear() + Math.floor(i / 12);
    const month = i % 12;
    const start = Math.max(from, Date.UTC(year, month, 1) / dayMs);
    if (start > to) break;
    spans.push({ start, end: Math.min(to + 1, Date.UTC(year, month + 1, 1) / dayMs), year, month });
  }
  return spans;
}

interface Mark {
  point: TariffChartPoint;
  x: number;
  y: number;
  /** Where its rate is written, when a mark beside it has a close but different rate. */
  label: 'above' | 'below' | null;
}

/**
 * Marks of one day with close rates would cover each other: they go side by
 * side around the day, lowest rate first, each with its rate written when the
 * rates differ (24% and 25% are a hair apart on the scale). Marks of nearby
 * days that still touch are then nudged later, never earlier.
 */
function placeMarks(points: TariffChartPoint[], x: (day: number) => number, y: (rate: number) => number): Mark[] {
  const days = new Map<number, TariffChartPoint[]>();
  for (const p of points) days.set(firstDay(p.date), [...(days.get(firstDay(p.date)) ?? []), p]);
  const marks: Mark[] = [];
  for (const [day, group] of days) {
    const clusters: TariffChartPoint[][] = [];
    for (const p of [...group].sort((a, b) => a.rate - b.rate)) {
      const last = clusters.at(-1);
      if (last && Math.abs(y(p.rate) - y(last.at(-1)!.rate)) < markGap) last.push(p);
      else clusters.push([p]);
    }
    for (const cluster of clusters) {
      const mixed = new Set(cluster.map((p) => p.rate)).size > 1;
      cluster.forEach((point, i) =>
        marks.push({ point, x: x(day) + (i - (cluster.length - 1) / 2) * markGap, y: y(point.rate), label: mixed ? (i % 2 ? 'above' : 'below') : null }),
      );
    }
  }
  marks.sort((a, b) => a.x - b.x);
  marks.forEach((mark, i) => {
    for (const other of marks.slice(0, i)) if (Math.abs(other.y - mark.y) < markGap) mark.x = Math.max(mark.x, other.x + markGap);
  });
  return marks;
}

/** More series than this cannot be told apart by colour and shape. */
const maxSeries = 8;
/** More marks than this would cover the plot (and weigh megabytes on a large archive). */
const maxMarks = 160;
/** Deadline lines beyond this many would hide the marks. */
const maxDeadlines = 10;

/**
 * The points the chart draws: every point when there are few tariffs, else
 * those of the most-reported tariffs. The table lists every report anyway.
 */
export function chartedPoints(points: TariffChartPoint[]): TariffChartPoint[] {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.tariff.id, (counts.get(p.tariff.id) ?? 0) + 1);
  if (counts.size <= maxSeries) return points;
  const kept = new Set([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, maxSeries).map(([id]) => id));
  return points.filter((p) => kept.has(p.tariff.id));
}

interface Bucketed {
  points: TariffChartPoint[];
  /** Reports each drawn point stands for, in step with `points`. */
  counts: number[];
  /** Days each mark covers: 1 when every report has its own mark. */
  days: number;
}

/**
 * Reports of one tariff with one status in the same span of days become one
 * mark, the span the shortest that keeps the marks few enough to read. The
 * mark sits at the span's first report.
 */
function bucket(points: TariffChartPoint[]): Bucketed {
  if (points.length <= maxMarks) return { points, counts: points.map(() => 1), days: 1 };
  let result: Bucketed = { points, counts: [], days: 1 };
  for (const days of [7, 14, 30, 61, 91, 182, 365]) {
    const marks = new Map<string, { point: TariffChartPoint; count: number }>();
    for (const p of points) {
      const key = `${p.tariff.id} ${inForce.has(p.status)} ${Math.floor(firstDay(p.date) / days)}`;
      const mark = marks.get(key);
      if (mark) mark.count++;
      else marks.set(key, { point: p, count: 1 });
    }
    result = { points: [...marks.values()].map((m) => m.point), counts: [...marks.values()].map((m) => m.count), days };
    if (marks.size <= maxMarks) break;
  }
  return result;
}

/** Days each mark of the chart covers. */
export const chartMarkDays = (points: TariffChartPoint[]): number => bucket(points).days;

/** The deadlines drawn: all when few, else the most-mentioned. */
function chartedDeadlines(deadlines: SiteDeadline[]): SiteDeadline[] {
  const exact = deadlines.filter((d) => d.date?.precision === 'day');
  if (exact.length <= maxDeadlines) return exact;
  const kept = new Set([...exact].sort((a, b) => b.mentions.length - a.mentions.length).slice(0, maxDeadlines));
  return exact.filter((d) => kept.has(d));
}

/** One series per tariff, in the order they first appear. */
export function chartSeries(points: TariffChartPoint[]): SiteTariffRef[] {
  const series: SiteTariffRef[] = [];
  for (const p of points) if (!series.some((t) => t.id === p.tariff.id)) series.push(p.tariff);
  return series;
}

function draw(layout: Layout, all: TariffChartPoint[], deadlines: SiteDeadline[]): string {
  const { width, height, margin } = layout;
  const { points, counts, days: span } = bucket(all);
  const countOf = new Map(points.map((p, i) => [p, counts[i]!]));
  const series = chartSeries(points);
  const seriesOf = (id: string) => series.findIndex((t) => t.id === id);
  const exact = chartedDeadlines(deadlines);
  const days = [...points.map((p) => firstDay(p.date)), ...exact.map((d) => firstDay(d.date!))];
  // A margin of days either side keeps marks off the axes.
  const from = Math.min(...days) - 10;
  const to = Math.max(...days) + 10;
  const top = Math.max(10, Math.ceil(Math.max(...points.map((p) => p.rate)) / 10) * 10);
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const bottom = margin.top + plotH;
  const x = (day: number) => margin.left + ((day - from) / (to + 1 - from)) * plotW;
  const y = (rate: number) => margin.top + plotH - (rate / top) * plotH;
  const n = (v: number) => v.toFixed(1);
  const text = (cls: string, tx: number, ty: number, content: string, anchor = 'middle') =>
    `<text class="${cls}" x="${n(tx)}" y="${n(ty)}" text-anchor="${anchor}">${escapeHtml(content)}</text>`;

  const parts: string[] = [];
  for (let rate = 0; rate <= top; rate += top > 40 ? 10 : 5) {
    parts.push(`<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${n(y(rate))}" y2="${n(y(rate))}"/>`);
    parts.push(text('tick', margin.left - 8, y(rate) + 4, `${rate}%`, 'end'));
  }
  // Months: a line where each begins, its name in the middle of its days on
  // the chart, the year under the first name and under each January. Every
  // month is named unless a month is too narrow for its name, then every
  // second or third, alike.
  const monthWidth = (30.4 / (to + 1 - from)) * plotW;
  const step = Math.ceil((textWidth('May') + 6) / monthWidth);
  let year: number | null = null;
  for (const span of monthSpans(from, to)) {
    if (span.start > from) parts.push(`<line class="grid" x1="${n(x(span.start))}" x2="${n(x(span.start))}" y1="${margin.top}" y2="${bottom}"/>`);
    const room = x(span.end) - x(span.start);
    if ((span.year * 12 + span.month) % step !== 0 || room < textWidth('May')) continue;
    const middle = (x(span.start) + x(span.end)) / 2;
    parts.push(text('tick', middle, bottom + 17, shortMonths[span.month]!));
    if (span.year !== year) parts.push(text('tick', middle, bottom + 33, String(span.year)));
    year = span.year;
  }
  // Labels of deadlines close together go on alternate rows, and stay inside the drawing.
  let previous = { x: -Infinity, row: 1 };
  for (const d of exact) {
    const dx = x(firstDay(d.date!));
    const row = dx - previous.x < 80 ? 1 - previous.row : 0;
    previous = { x: dx, row };
    const label = `deadline ${formatDate(d.date!).replace(/ \d{4}$/, '')}`;
    const half = textWidth(label) / 2;
    parts.push(`<line class="deadline" x1="${n(dx)}" x2="${n(dx)}" y1="${margin.top - 4 - row * 12}" y2="${bottom}"/>`);
    parts.push(text('deadline-label', Math.min(Math.max(dx, half + 2), width - half - 2), margin.top - 8 - row * 12, label));
  }

  for (const { point: p, x: px, y: py, label } of placeMarks(points, x, y)) {
    const fill = inForce.has(p.status) ? 'filled' : 'hollow';
    const count = countOf.get(p)!;
    const tip =
      count > 1
        ? `${p.tariff.label}: ${inForce.has(p.status) ? 'in effect or agreed' : 'threatened, scheduled or paused'}, ${count} reports in the ${span} days from ${formatDate(p.date)}`
        : `${p.tariff.label}: ${p.status}, as reported on ${publishedText(p.article)} by ${p.article.source ?? p.article.title}`;
    parts.push(`<path class="point series-${seriesOf(p.tariff.id) % seriesCount} ${fill}" d="${markerPath(seriesOf(p.tariff.id), px, py)}"><title>${escapeHtml(tip)}</title></path>`);
    if (label) parts.push(text('point-label', px, label === 'above' ? py - 10 : py + 8 + labelSize, `${p.rate}%`));
  }

  const id = layout.idPrefix;
  return [
    `<svg class="chart chart-${layout.name}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">Tariff rates on Japanese goods, as reported</title>`,
    `<desc id="${id}-desc">${all.length} reports of tariff rates on Japanese goods between ${escapeHtml(formatDate(all[0]!.date))} and ${escapeHtml(formatDate(all.at(-1)!.date))}${span > 1 ? `, one mark for each tariff and status in each ${span} days` : ''}. The table lists every report.</desc>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** The chart in each layout, wide first; none without a rate on Japanese goods. */
export function drawTariffChart(points: TariffChartPoint[], deadlines: SiteDeadline[]): TariffChart['drawings'] {
  if (points.length === 0) return [];
  return layouts.map((layout) => ({ layout: layout.name, svg: draw(layout, points, deadlines) }));
}
