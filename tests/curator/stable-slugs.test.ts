// Two outlets run a story under the same headline, and their pages get the
// headline's slug, the second with its date. Seed files are named by date, so
// an article from the past that the curator adds later, under that headline
// too, sorts before both; and a curator may take the first out again. Neither
// may move the others: a deployed page's address keeps showing its article.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../helpers/static-server.ts';
import { runBuild, tempDir } from '../site/support.ts';
import { scratchProject, treeHash, type Scratch } from './support.ts';

const headline = 'Trump sets 25% tariff on Japanese goods from August 1';

const seed = (date: string, source: string, body: string) => `---\ntitle: "${headline}"\ndate: ${date}\nsource: "${source}"\n---\n${body}\n`;

const wire = seed(
  '2025-07-08',
  'Harbour Street Wire',
  'President Donald Trump told Prime Minister Shigeru Ishiba in a letter posted on Monday that goods from Japan will face a 25% tariff from August 1. ' +
    'The rate is one point above the 24% announced in April. Japan’s negotiator Ryosei Akazawa said Tokyo would keep talking with Washington.',
);
const ledger = seed(
  '2025-07-09',
  'Morning Ledger',
  'Japan has three weeks left. A letter from Donald Trump to Shigeru Ishiba sets a 25% levy on Japanese imports starting August 1, and Ryosei Akazawa spoke with Commerce Secretary Howard Lutnick by phone on Tuesday night.',
);
const bulletin = seed(
  '2025-07-07',
  'Evening Bulletin',
  'Donald Trump said on Monday that Japan would pay a 25% tariff from August 1 unless it opened its markets, in letters sent to Tokyo and Seoul.',
);

/** The outlet an article page at `url` shows, or null when nothing answers there. */
async function outletAt(site: string, url: string): Promise<string | null> {
  const file = join(site, url, 'index.html');
  if (!existsSync(file)) return null;
  const html = await readFile(file, 'utf8');
  return ['Harbour Street Wire', 'Morning Ledger', 'Evening Bulletin'].find((outlet) => html.includes(outlet)) ?? null;
}

describe('an article’s address when a namesake is added before it or taken out', () => {
  let scratch: Scratch;
  const address = new Map<string, string>();
  const outlets: Record<string, Record<string, string | null>> = {};
  let backfilled: string;

  beforeAll(async () => {
    scratch = await scratchProject();
    const build = async () => {
      const run = await runBuild([`--output=${scratch.output}`], scratch.env);
      if (run.code !== 0) throw new Error(run.stderr);
    };
    const record = async (step: string) => {
      outlets[step] = {};
      for (const [outlet, url] of address) outlets[step]![outlet] = await outletAt(scratch.output, url);
    };
    const pages = async () => {
      const { articles } = JSON.parse(await readFile(join(scratch.output, 'data/archive.json'), 'utf8')) as { articles: { file: string; page: string }[] };
      return new Map(articles.map((a) => [a.file.replace(/^.*\//, ''), a.page]));
    };

    await writeFile(join(scratch.seeds, '2025-07-08-trump-sets-tariff-wire.txt'), wire);
    await writeFile(join(scratch.seeds, '2025-07-09-trump-sets-tariff-ledger.txt'), ledger);
    await build();
    const first = await pages();
    address.set('Harbour Street Wire', first.get('2025-07-08-trump-sets-tariff-wire.txt')!);
    address.set('Morning Ledger', first.get('2025-07-09-trump-sets-tariff-ledger.txt')!);
    await record('first');

    await writeFile(join(scratch.seeds, '2025-07-07-trump-sets-tariff-bulletin.txt'), bulletin);
    await build();
    backfilled = (await pages()).get('2025-07-07-trump-sets-tariff-bulletin.txt')!;
    await record('backfilled');

    await rm(join(scratch.seeds, '2025-07-08-trump-sets-tariff-wire.txt'));
    await build();
    await record('removed');
  }, 240_000);

  it('gives the two namesakes addresses of their own', () => {
    expect(address.get('Harbour Street Wire')).not.toBe(address.get('Morning Ledger'));
    expect(outlets.first).toEqual({ 'Harbour Street Wire': 'Harbour Street Wire', 'Morning Ledger': 'Morning Ledger' });
  });

  it('keeps both addresses when an older article with the same headline sorts before them', () => {
    expect(outlets.backfilled).toEqual({ 'Harbour Street Wire': 'Harbour Street Wire', 'Morning Ledger': 'Morning Ledger' });
    expect([...address.values()]).not.toContain(backfilled);
    expect(backfilled).toMatch(/^\/articles\/trump-sets-25-percent-tariff-on-japanese-goods-from-august-1-/);
  });

  it('keeps the second article’s address when the first is taken out, and shows no other article at the first’s', () => {
    expect(outlets.removed).toEqual({ 'Harbour Street Wire': null, 'Morning Ledger': 'Morning Ledger' });
  });
});

// A CI job or a host's build starts from a clean checkout, with no site to read
// what was published from: it reads it from the deployed site instead.
describe('a build from a clean checkout that reads what the deployed site published', () => {
  let deployed: Scratch;
  const outlets: Record<string, string | null> = {};
  let fresh: Record<string, string | null> = {};
  let wireAddress: string;
  let ledgerAddress: string;
  let neverDeployed: { code: number; stderr: string };
  let unreachable: { code: number; stderr: string; unchanged: boolean };

  beforeAll(async () => {
    deployed = await scratchProject();
    await writeFile(join(deployed.seeds, '2025-07-08-trump-sets-tariff-wire.txt'), wire);
    await writeFile(join(deployed.seeds, '2025-07-09-trump-sets-tariff-ledger.txt'), ledger);
    const first = await runBuild([`--output=${deployed.output}`], deployed.env);
    if (first.code !== 0) throw new Error(first.stderr);
    const { articles } = JSON.parse(await readFile(join(deployed.output, 'data/archive.json'), 'utf8')) as { articles: { file: string; page: string }[] };
    wireAddress = articles.find((a) => a.file.endsWith('wire.txt'))!.page;
    ledgerAddress = articles.find((a) => a.file.endsWith('ledger.txt'))!.page;

    // The next push adds the older article; its build has a new cache and output folder.
    await writeFile(join(deployed.seeds, '2025-07-07-trump-sets-tariff-bulletin.txt'), bulletin);
    const server = await serveStatic(deployed.output, { prefix: '/archive/' });
    const elsewhere = await tempDir('clean-checkout');
    try {
      const env = { ...deployed.env, ARCHIVE_CACHE: join(elsewhere, 'cache') };
      const run = await runBuild([`--output=${join(elsewhere, 'site')}`, `--published-from=${server.url('')}`], env);
      if (run.code !== 0) throw new Error(run.stderr);
      for (const [outlet, url] of [['Harbour Street Wire', wireAddress], ['Morning Ledger', ledgerAddress]] as const) outlets[outlet] = await outletAt(join(elsewhere, 'site'), url);
      // The same build without it: what the deployed site would have become.
      const blind = await runBuild([`--output=${join(elsewhere, 'blind')}`], env);
      if (blind.code !== 0) throw new Error(blind.stderr);
      fresh = { 'Harbour Street Wire': await outletAt(join(elsewhere, 'blind'), wireAddress) };
      // A site deployed before the file existed answers 404 for it.
      neverDeployed = await runBuild([`--output=${join(elsewhere, 'first')}`, `--published-from=${server.url('people/')}`], env);
    } finally {
      await server.close();
    }
    const before = await treeHash(deployed.output);
    const run = await runBuild([`--output=${deployed.output}`, `--published-from=${server.url('')}`], deployed.env);
    unreachable = { ...run, unchanged: (await treeHash(deployed.output)) === before };
  }, 300_000);

  it('keeps the deployed articles at their addresses', () => {
    expect(outlets).toEqual({ 'Harbour Street Wire': 'Harbour Street Wire', 'Morning Ledger': 'Morning Ledger' });
    // Without what the site published, the older article would have taken the plain address.
    expect(fresh['Harbour Street Wire']).toBe('Evening Bulletin');
  });

  it('builds when the deployed site has published no such file yet', () => {
    expect(neverDeployed.code, neverDeployed.stderr).toBe(0);
  });

  it('stops, naming the address, and leaves the site as it was when the deployed site cannot be reached', () => {
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/could not read the addresses the deployed site published, http:\/\/127\.0\.0\.1:\d+\/archive\/\.published-addresses\.json/);
    expect(unreachable.unchanged).toBe(true);
  });
});
