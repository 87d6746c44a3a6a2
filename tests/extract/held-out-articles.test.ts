import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSeed } from '../../src/pipeline.ts';
import { projectRegistry } from '../helpers/registry.ts';
import { checksFor, type ExpectedArticle } from './expectations.ts';

// Articles written in other outlets' styles, with facts written by hand by
// someone who had not seen the extraction rules. The rules were not tuned on them.
const root = 'tests/fixtures/articles';
const cases = readdirSync(root).sort();

describe.each(cases)('%s', (name) => {
  const dir = join(root, name);
  const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedArticle;

  it('matches the facts a reader finds in it', async () => {
    const { record, file } = await extractSeed(join(dir, input), await projectRegistry());
    expect(record, String(file.messages)).not.toBeNull();
    const failed = checksFor(record!, expected).filter((c) => c.problem);
    expect(failed.map((c) => `${c.name}: ${c.problem}`)).toEqual([]);
  });
});
