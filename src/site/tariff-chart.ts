import type { SiteDeadline, SiteTariff, SiteTariffRef, TariffChartPoint, TariffStatus } from '../types.ts';
import { byDate, compareDates, firstDay, formatDate, publishedText } from './dates.ts';
import { escapeHtml } from './html.ts';

// The chart is drawn once at build time as inline SVG: it reads without
// JavaScript, and its colours come from classes so the stylesheet can
// switch them for dark mode and print.

const width = 640;
const height = 300;
const margin = { top: 28, right: 20, bottom: 36, left: 48 };
const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
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

/** Month starts inside the range, thinned out so at most eight are labelled. */
function monthTicks(from: number, to: number): { day: number; label: string }[] {
  const starts: { day: number; y: number; m: number }[] = [];
  const first = new Date(from * 86_400_000);
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth() + 1; ; m++) {
    if (m === 12) (y++, (m = 0));
    const day = Date.UTC(y, m, 1) / 86_400_000;
    if (day > to) break;
    starts.push({ day, y, m });
  }
  const step = Math.ceil(starts.length / 8);
  return starts
    .filter((_, i) => i % step === 0)
    .map(({ day, y, m }, i) => ({ day, label: i === 0 || m === 0 ? `${shortMonths[m]} ${y}` : shortMonths[m]! }));
}

/** One series per tariff, in the order they first appear. */
export function chartSeries(points: TariffChartPoint[]): SiteTariffRef[] {
  const series: SiteTariffRef[] = [];
  for (const p of points) if (!series.some((t) => t.id === p.tariff.id)) series.push(p.tariff);
  return series;
}

export function drawTariffChart(points: TariffChartPoint[], deadlines: SiteDeadline[]): string {
  if (points.length === 0) return '';
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
  const x = (day: number) => margin.left + ((day - from) / (to + 1 - from)) * plotW;
  const y = (rate: number) => margin.top + plotH - (rate / top) * plotH;
  const n = (v: number) => v.toFixed(1);

  const parts: string[] = [];
  for (let rate = 0; rate <= top; rate += top > 40 ? 10 : 5) {
    parts.push(`<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${n(y(rate))}" y2="${n(y(rate))}"/>`);
    parts.push(`<text class="tick" x="${margin.left - 8}" y="${n(y(rate) + 4)}" text-anchor="end">${rate}%</text>`);
  }
  for (const tick of monthTicks(from, to)) {
    parts.push(`<line class="grid" x1="${n(x(tick.day))}" x2="${n(x(tick.day))}" y1="${margin.top}" y2="${margin.top + plotH}"/>`);
    parts.push(`<text class="tick" x="${n(x(tick.day))}" y="${height - margin.bottom + 18}" text-anchor="middle">${tick.label}</text>`);
  }
  // Labels of deadlines close together go on alternate rows.
  let previous = { x: -Infinity, row: 1 };
  for (const d of exact) {
    const dx = x(firstDay(d.date!));
    const row = dx - previous.x < 80 ? 1 - previous.row : 0;
    previous = { x: dx, row };
    parts.push(`<line class="deadline" x1="${n(dx)}" x2="${n(dx)}" y1="${margin.top - 4 - row * 12}" y2="${margin.top + plotH}"/>`);
    parts.push(`<text class="deadline-label" x="${n(dx)}" y="${margin.top - 8 - row * 12}" text-anchor="middle">${escapeHtml(`deadline ${formatDate(d.date!).replace(/ \d{4}$/, '')}`)}</text>`);
  }

  // Reports on one day would hide each other: spread them side by side around the day.
  const perDay = new Map<number, number>();
  for (const p of points) perDay.set(firstDay(p.date), (perDay.get(firstDay(p.date)) ?? 0) + 1);
  const placed = new Map<number, number>();
  for (const p of points) {
    const day = firstDay(p.date);
    const k = placed.get(day) ?? 0;
    placed.set(day, k + 1);
    const px = x(day) + (k - (perDay.get(day)! - 1) / 2) * 13;
    const fill = inForce.has(p.status) ? 'filled' : 'hollow';
    const tip = `${p.tariff.label}: ${p.status}, as reported on ${publishedText(p.article)} by ${p.article.source ?? p.article.title}`;
    parts.push(`<path class="point series-${seriesOf(p.tariff.id) % seriesCount} ${fill}" d="${markerPath(seriesOf(p.tariff.id), px, y(p.rate))}"><title>${escapeHtml(tip)}</title></path>`);
  }

  return [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc">`,
    '<title id="chart-title">Tariff rates on Japanese goods, as reported</title>',
    `<desc id="chart-desc">${points.length} reports of tariff rates on Japanese goods between ${escapeHtml(formatDate(points[0]!.date))} and ${escapeHtml(formatDate(points.at(-1)!.date))}. The table below lists every report.</desc>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
