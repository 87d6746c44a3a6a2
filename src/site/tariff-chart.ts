import type { SiteDeadline, SiteTariff, SiteTariffRef, TariffChart, TariffChartPoint, TariffStatus } from '../types.ts';
import { byDate, compareDates, firstDay, formatDate, publishedText } from './dates.ts';
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
  for (const t of tariffs.filter((x) => x.target === 'Japan')) {
    for (const h of t.history) {
      const date = h.citation.article.published;
      if (!date) continue;
      const same = (p: TariffChartPoint) => p.tariff.id === t.id && p.status === h.status && compareDates(p.date, date) === 0;
      if (!points.some(same)) points.push({ tariff: { id: t.id, label: t.label }, rate: t.rate, status: h.status, date, article: h.citation.article });
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

/** One series per tariff, in the order they first appear. */
export function chartSeries(points: TariffChartPoint[]): SiteTariffRef[] {
  const series: SiteTariffRef[] = [];
  for (const p of points) if (!series.some((t) => t.id === p.tariff.id)) series.push(p.tariff);
  return series;
}

function draw(layout: Layout, points: TariffChartPoint[], deadlines: SiteDeadline[]): string {
  const { width, height, margin } = layout;
  const series = chartSeries(points);
  const seriesOf = (id: string) => series.findIndex((t) => t.id === id);
  const exact = deadlines.filter((d) => d.date?.precision === 'day');
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
    const tip = `${p.tariff.label}: ${p.status}, as reported on ${publishedText(p.article)} by ${p.article.source ?? p.article.title}`;
    parts.push(`<path class="point series-${seriesOf(p.tariff.id) % seriesCount} ${fill}" d="${markerPath(seriesOf(p.tariff.id), px, py)}"><title>${escapeHtml(tip)}</title></path>`);
    if (label) parts.push(text('point-label', px, label === 'above' ? py - 10 : py + 8 + labelSize, `${p.rate}%`));
  }

  const id = layout.idPrefix;
  return [
    `<svg class="chart chart-${layout.name}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">Tariff rates on Japanese goods, as reported</title>`,
    `<desc id="${id}-desc">${points.length} reports of tariff rates on Japanese goods between ${escapeHtml(formatDate(points[0]!.date))} and ${escapeHtml(formatDate(points.at(-1)!.date))}. The table below lists every report.</desc>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** The chart in each layout, wide first; none without a rate on Japanese goods. */
export function drawTariffChart(points: TariffChartPoint[], deadlines: SiteDeadline[]): TariffChart['drawings'] {
  if (points.length === 0) return [];
  return layouts.map((layout) => ({ layout: layout.name, svg: draw(layout, points, deadlines) }));
}
