// An entity's long lists (a negotiator's events and articles, a tariff's
// reports) are cut into pages. A curator who adds an article from months ago
// should see it on one page, and the pages after it left as they were, so a
// rebuild renders only what changed. These check the cutting on lists the
// tests make up, with the promise a reader relies on: every entry once, in
// order, no page over its weight.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableChunks } from '../../src/site/split.ts';

interface Entry {
  id: string;
  weight: number;
}

const cutOf = (items: Entry[], max: number) => ({ items, key: (e: Entry) => e.id, weight: (e: Entry) => e.weight, max });

/** A reproducible list of `n` entries with weights 1 to 5, as events with their sources weigh. */
function entries(n: number, seed: number, prefix = 'e'): Entry[] {
  let state = seed;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}-${Math.floor(next() * 1e9)}`, weight: 1 + Math.floor(next() * 5) }));
}

/**
 * How many runs after an insertion are not runs before it. A page is named by
 * its first entry, so a run the same as one before keeps its page unchanged,
 * wherever it now stands in the list.
 */
function pagesChanged(before: Entry[][], after: Entry[][]): number {
  const ids = (run: Entry[]) => run.map((e) => e.id).join(',');
  const old = new Set(before.map(ids));
  return after.filter((run) => !old.has(ids(run))).length;
}

describe('stableChunks', () => {
  it('keeps every entry once, in order, each run within the weight unless one entry alone is over it', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string(), weight: fc.integer({ min: 1, max: 40 }) }), { maxLength: 300 }), fc.integer({ min: 1, max: 60 }), (items, max) => {
        const runs = stableChunks(cutOf(items, max));
        expect(runs.flat()).toEqual(items);
        for (const run of runs) {
          expect(run.length).toBeGreaterThan(0);
          const load = run.reduce((sum, e) => sum + e.weight, 0);
          if (run.length > 1) expect(load).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('fills pages to more than half their weight on average, so a list is not spread thin', () => {
    const items = entries(5000, 7);
    const runs = stableChunks(cutOf(items, 150));
    const total = items.reduce((sum, e) => sum + e.weight, 0);
    expect(total / runs.length).toBeGreaterThan(75);
  });

  it('changes the one page an entry joins, and seldom a second, wherever it joins a long list', () => {
    // Cut at fixed counts, an entry added at position p moves every later
    // entry and changes all the pages from p's on: about half of them on
    // average. Cut by the entries' own keys, it changes the page it joins
    // and, when it is picked to end a run or lands in a run cut in parts,
    // the page next to that one.
    for (const max of [30, 150]) {
      const items = entries(3000, 11);
      const before = stableChunks(cutOf(items, max));
      const changes: number[] = [];
      for (const [i, added] of entries(200, 23, 'new').entries()) {
        const at = (i * 7919) % items.length;
        changes.push(pagesChanged(before, stableChunks(cutOf([...items.slice(0, at), added, ...items.slice(at)], max))));
      }
      changes.sort((a, b) => a - b);
      const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
      expect(before.length).toBeGreaterThan(3000 / max);
      expect(changes[changes.length >> 1], `median, max ${max}`).toBe(1);
      expect(changes[Math.floor(changes.length * 0.95)], `95th percentile, max ${max}`).toBeLessThanOrEqual(2);
      expect(mean, `mean, max ${max}`).toBeLessThan(1.4);
    }
  });
});
