import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticles } from '../../bench/generate.ts';
import { shiftDates } from '../../bench/vary/dates.ts';
import { extractText } from '../../src/pipeline.ts';
import { loadRegistry } from '../../src/registry/load-registry.ts';

const root = resolve(import.meta.dirname, '../..');

describe('benchmark archive generator', () => {
  it('gives the same files for the same seed and different ones for another', async () => {
    const a = await generateArticles(12, { root, seed: 7 });
    const b = await generateArticles(12, { root, seed: 7 });
    const c = await generateArticles(12, { root, seed: 8 });
    expect(a.map((x) => x.name)).toEqual(b.map((x) => x.name));
    expect(a.map((x) => x.bytes.toString('hex'))).toEqual(b.map((x) => x.bytes.toString('hex')));
    expect(c.map((x) => x.bytes.toString('hex'))).not.toEqual(a.map((x) => x.bytes.toString('hex')));
  });

  it('keeps weekdays true to the moved dates', () => {
    // Wednesday 23 July 2025 moved 46 days is Sunday 7 September: "Tuesday" the day before becomes Saturday.
    const text = 'date: 2025-07-23\nThey met on Tuesday ahead of the August 1 deadline set in July 2025.';
    const moved = shiftDates(text, { from: Date.UTC(2025, 6, 23), to: Date.UTC(2025, 8, 7) });
    expect(moved).toBe('date: 2025-09-07\nThey met on Saturday ahead of the September 16 deadline set in September 2025.');
  });

  it('gives articles that still extract to dated records with people and tariffs in range', async () => {
    const registry = await loadRegistry(resolve(root, 'data/registry.yaml'));
    const articles = await generateArticles(20, { root, seed: 3 });
    const records = [];
    for (const a of articles) {
      const { record } = await extractText(a.bytes, a.name, registry);
      expect(record, a.name).not.toBeNull();
      records.push(record!);
    }
    expect(records.every((r) => r.people.length > 0)).toBe(true);
    const rates = records.flatMap((r) => r.tariffs.map((t) => t.rate));
    expect(rates.length).toBeGreaterThan(10);
    const dates = records.flatMap((r) => (r.published ? [r.published] : []));
    expect(dates.length).toBeGreaterThan(10);
    for (const d of dates) expect(d.slice(0, 4) >= '2024' && d.slice(0, 4) <= '2026', d).toBe(true);
  });
});
