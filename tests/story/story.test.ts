import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/archive.ts';
import { projectRegistry } from '../helpers/registry.ts';
import { storyChecks, type ExpectedStory } from './story-checks.ts';

// Several outlets on the same events, written by hand with the merged story
// they tell (tests/fixtures/story/): same call, two calls on one day,
// contradictions, an undated piece, one man under many spellings.
// `known-gaps.json` lists what the merge still gets wrong, with the reason;
// a gap that gets fixed fails the test until it is taken off the list.
const root = 'tests/fixtures/story';
const scenarios = readdirSync(root).sort();

describe.each(scenarios)('%s', (scenario) => {
  it('tells one story with all its sources', async () => {
    const dir = join(root, scenario);
    const files = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(dir, f));
    const archive = await buildArchive(files, await projectRegistry());
    expect(archive.failed).toEqual([]);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedStory;
    const gapsFile = join(dir, 'known-gaps.json');
    const gaps = existsSync(gapsFile) ? (JSON.parse(readFileSync(gapsFile, 'utf8')) as { check: string; why: string }[]) : [];
    const checks = storyChecks(archive, expected);
    const unexpected = checks.filter((c) => c.problem && !gaps.some((g) => g.check === c.name));
    expect(unexpected.map((c) => `${c.name}: ${c.problem}`)).toEqual([]);
    const mended = gaps.filter((g) => checks.some((c) => c.name === g.check && !c.problem));
    expect(mended.map((g) => `now holds, remove from known-gaps.json: ${g.check}`)).toEqual([]);
  });
});

describe('the seed archive', () => {
  it('merges nothing that is not the same event', async () => {
    const seeds = readdirSync('seeds').map((f) => join('seeds', f));
    const archive = await buildArchive(seeds, await projectRegistry());
    const dated = archive.records.flatMap((r) => r.events.filter((e) => e.date));
    const storyDated = archive.story.events.filter((e) => e.date);
    // No two seeds report the same event, so the timeline has one entry per reported event.
    expect(storyDated.length).toBe(dated.length);
    expect(archive.story.tariffDisagreements).toEqual([]);
    expect(archive.story.inferredDates).toEqual([]);
  });
});
