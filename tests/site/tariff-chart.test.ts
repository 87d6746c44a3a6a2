import { describe, expect, it } from 'vitest';
import { drawTariffChart } from '../../src/site/tariff-chart.ts';
import type { SiteDeadline, TariffChartPoint, TariffStatus } from '../../src/types.ts';

const point = (day: string, rate: number, label: string, status: TariffStatus = 'scheduled'): TariffChartPoint => ({
  tariff: { id: label.replace(/\W+/g, '-'), label },
  rate,
  status,
  date: { value: day, precision: 'day' },
  article: { slug: `a-${day}`, title: 'An article', source: 'Outlet', published: { value: day, precision: 'day' }, publishedInferred: false },
});
const deadline: SiteDeadline = { id: '2025-08-01', date: { value: '2025-08-01', precision: 'day' }, what: 'tariffs rise', mentions: [], tariffs: [], timelineUrl: null };
const texts = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]!);

describe('tariff chart', () => {
  const points = [
    point('2025-06-15', 24, '24% tariff on all goods'),
    point('2025-06-15', 25, '25% tariff on autos', 'threatened'),
    point('2025-07-19', 25, '25% tariff on all goods'),
    point('2025-07-19', 25, '25% tariff on autos', 'in effect'),
  ];
  const drawings = drawTariffChart(points, [deadline]);

  it('comes in a wide and a narrow layout, each with its own title and description', () => {
    expect(drawings.map((d) => d.layout)).toEqual(['wide', 'narrow']);
    expect(drawings[0]!.svg).toContain('aria-labelledby="chart-title chart-desc"');
    expect(drawings[1]!.svg).toContain('aria-labelledby="chart-narrow-title chart-narrow-desc"');
    expect(drawTariffChart([], [deadline])).toEqual([]);
  });

  it('names every month it spans the same way, the year once under the first', () => {
    // From ten days before 15 June to ten days after 1 August.
    for (const { svg } of drawings) expect(texts(svg, 'tick').filter((t) => !t.endsWith('%'))).toEqual(['Jun', '2025', 'Jul', 'Aug']);
  });

  it('writes the rates beside marks of one day whose rates differ by a hair, and only there', () => {
    for (const { svg } of drawings) expect(texts(svg, 'point-label')).toEqual(['24%', '25%']);
  });
});
