import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractSeed } from '../../src/pipeline.ts';
import { projectRegistry } from '../helpers/registry.ts';
import { checksFor, type ExpectedArticle } from './expectations.ts';

// The five seed articles, each with the facts a reader finds in it,
// written down by reading the article (tests/fixtures/seeds/).
const seeds = ['000_50db3e95586136a1', '001_6eb624e9fa7845c1', '002_bba6adc186d38d3d', '003_549d31f8cc5d14c5', '004_bd46bf9e8451b2e1'];

describe.each(seeds)('seed %s', (name) => {
  it('yields the facts a reader finds in it', async () => {
    const expected = JSON.parse(readFileSync(`tests/fixtures/seeds/${name}.json`, 'utf8')) as ExpectedArticle;
    const { record, file } = await extractSeed(`seeds/${name}.txt`, await projectRegistry());
    expect(record, String(file.messages)).not.toBeNull();
    const failed = checksFor(record!, expected).filter((c) => c.problem);
    expect(failed.map((c) => `${c.name}: ${c.problem}`)).toEqual([]);
  });

  it('keeps each fact with the sentence and line it came from', async () => {
    const { record } = await extractSeed(`seeds/${name}.txt`, await projectRegistry());
    const lines = readFileSync(`seeds/${name}.txt`, 'utf8').split('\n');
    const evidence = [
      ...record!.people.flatMap((p) => p.evidence),
      ...record!.tariffs.flatMap((t) => t.evidence),
      ...record!.deadlines.flatMap((d) => d.evidence),
      ...record!.venues.flatMap((v) => v.evidence),
      ...record!.events.flatMap((e) => e.evidence),
    ];
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(lines[e.line - 1], `line ${e.line}`).toContain(e.text);
  });
});
