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

/** How many of the runs after an insertion differ from the run at the same position before it. */
function pagesChanged(before: Entry[][], after: Entry[][]): number {
  const ids = (run: Entry[] | undefined) => run?.map((e) => e.id).join(',') ?? '';
  let changed = 0;
  for (let i = 0; i < Math.max(before.length, after.length); i++) if (ids(before[i]) !== ids(after[i])) changed++;
  return changed;
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

  it('changes one or two pages, not every page after it, when an entry joins early in a long list', () => {
    // Cut at fixed counts, an entry added at position p moves every later
    // entry and changes all the pages from p's on: about half of them on
    // average. Cut by the entries' own keys, it changes the page it joins
    // and, now and then, the pages after it when it adds or moves a cut.
    const max = 150;
    const items = entries(3000, 11);
    const before = stableChunks(cutOf(items, max));
    const changes: number[] = [];
    for (const [i, added] of entries(200, 23, 'new').entries()) {
      const at = (i * 7919) % items.length;
      changes.push(pagesChanged(before, stableChunks(cutOf([...items.slice(0, at), added, ...items.slice(at)], max))));
    }
    const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
    const median = [...changes].sort((a, b) => a - b)[changes.length >> 1]!;
    expect(before.length).toBeGreaterThan(50);
    expect(median).toBeLessThanOrEqual(2);
    expect(mean).toBeLessThan(before.length / 10);
  });
});
