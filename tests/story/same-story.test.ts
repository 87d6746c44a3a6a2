import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/archive.ts';
import { projectRegistry } from '../helpers/registry.ts';

// The whole story of each fixture scenario, and of all of them read as one
// archive (where unrelated events share days and kinds), pinned as it was
// before the merge looked events up by kind and day instead of scanning them
// all: the same events in the same order, with the same ids, reports and
// placements. A change here is a change in what the site says.
const root = 'tests/fixtures/story';
const scenarios = readdirSync(root).sort();
const seedsOf = (scenario: string) =>
  readdirSync(join(root, scenario))
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => join(root, scenario, f));

describe('the story', () => {
  it.each(scenarios)('of %s is the one pinned', async (scenario) => {
    const archive = await buildArchive(seedsOf(scenario), await projectRegistry());
    expect(archive.story).toMatchSnapshot();
  });

  it('of every scenario read together is the one pinned', async () => {
    const archive = await buildArchive(scenarios.flatMap(seedsOf), await projectRegistry());
    expect(archive.story).toMatchSnapshot();
  });
});
