import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSeed } from '../../src/pipeline.ts';
import { projectRegistry } from '../helpers/registry.ts';
import { checksFor, type ExpectedArticle } from './expectations.ts';

// Articles written in other outlets' styles, with facts written down by
// someone who had not seen the extraction rules, and not tuned on them.
// `known-gaps.json` lists the facts the extractor still gets wrong, each
// with the reason; a gap that gets fixed fails the test until it is removed
// from the list, so the list stays true.
const root = 'tests/fixtures/articles';
const cases = readdirSync(root).sort();

describe.each(cases)('%s', (name) => {
  const dir = join(root, name);
  const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedArticle;
  const gapsFile = join(dir, 'known-gaps.json');
  const gaps = existsSync(gapsFile) ? (JSON.parse(readFileSync(gapsFile, 'utf8')) as { check: string; why: string }[]) : [];

  it('yields the facts a reader finds in it, but for the known gaps', async () => {
    const { record, file } = await extractSeed(join(dir, input), await projectRegistry());
    expect(record, String(file.messages)).not.toBeNull();
    const checks = checksFor(record!, expected);
    const unexpected = checks.filter((c) => c.problem && !gaps.some((g) => g.check === c.name));
    expect(unexpected.map((c) => `${c.name}: ${c.problem}`)).toEqual([]);
    const mended = gaps.filter((g) => checks.some((c) => c.name === g.check && !c.problem));
    expect(mended.map((g) => `now holds, remove from known-gaps.json: ${g.check}`)).toEqual([]);
  });
});
