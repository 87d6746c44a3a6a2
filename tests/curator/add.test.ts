import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';



/** Runs `npm run add` against a scratch seeds folder, with `stdin` piped in when given. */
function add(seeds: string, args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'src/cli/add.ts', ...args], { env: { ...process.env, ARCHIVE_SEEDS: seeds } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const pasted = [
  'TOKYO, July 5 (Reuters) - Japan\'s top trade negotiator Ryosei Akazawa spoke by phone with U.S. Commerce Secretary Howard Lutnick on Saturday, the government said, as Tokyo tries to avert a 25% tariff on cars.',
  'The two sides agreed to keep talking before the July 9 deadline, when a pause on a 24% reciprocal tariff ends.',
  'Reporting by Kaori Tanabe; Editing by Sonia Ferrante',
].join('\n');

describe('npm run add', () => {
  it('adds pasted text from standard input as a dated seed and says what it found', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'seeds-'));
    const { code, stdout } = await add(seeds, ['-', '--title', 'Akazawa and Lutnick talk by phone', '--date', '2025-07-05'], pasted);
    expect(code).toBe(0);
    expect(readdirSync(seeds)).toEqual(['2025-07-05-akazawa-and-lutnick-talk-by-phone.txt']);
    const seed = readFileSync(join(seeds, '2025-07-05-akazawa-and-lutnick-talk-by-phone.txt'), 'utf8');
    expect(seed).toMatch(/^---\ntitle: "Akazawa and Lutnick talk by phone"\ndate: "2025-07-05"\nsource: "Reuters"\nauthor: "Kaori Tanabe"\n---\nTOKYO, July 5/);
    expect(seed).toContain('Reporting by Kaori Tanabe');
    expect(stdout).toMatch(/Date: 2025-07-05 \(known to the day/);
    expect(stdout).toContain('Ryosei Akazawa');
    expect(stdout).toContain('24% on reciprocal');
    expect(stdout).toMatch(/call 2025-07-05 with Ryosei Akazawa, Howard Lutnick/);
  });

  it('says what is missing and which line pins it', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'seeds-'));
    const { code, stdout } = await add(seeds, [], pasted);
    expect(code).toBe(0);
    const [name] = readdirSync(seeds);
    expect(name).toBe('undated-article.txt');
    expect(stdout).toMatch(/No date found\. .*timeline.*`date: YYYY-MM-DD`.*undated-article\.txt/);
    expect(stdout).toMatch(/No headline found/);
  });

  it('never overwrites a seed, and refuses a second copy of an article', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'seeds-'));
    writeFileSync(join(seeds, '2025-07-05-akazawa-and-lutnick-talk-by-phone.txt'), 'An older, different article that happens to have the same name and is kept as it is.\n');
    const first = await add(seeds, ['--title', 'Akazawa and Lutnick talk by phone', '--date', '2025-07-05'], pasted);
    expect(first.code).toBe(0);
    expect(readdirSync(seeds).sort()).toEqual(['2025-07-05-akazawa-and-lutnick-talk-by-phone-2.txt', '2025-07-05-akazawa-and-lutnick-talk-by-phone.txt']);
    expect(readFileSync(join(seeds, '2025-07-05-akazawa-and-lutnick-talk-by-phone.txt'), 'utf8')).toMatch(/^An older, different article/);
    const again = await add(seeds, ['--date', '2025-07-05'], pasted);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already in the archive as 2025-07-05-akazawa-and-lutnick-talk-by-phone-2\.txt/);
    expect(readdirSync(seeds)).toHaveLength(2);
  });

  it('takes the article out of a saved web page, without running its scripts', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'seeds-'));
    const { code, stdout } = await add(seeds, ['tests/fixtures/pages/saved-article.html']);
    expect(code).toBe(0);
    const [name] = readdirSync(seeds);
    expect(name).toBe('2025-07-08-akazawa-heads-to-washington-as-auto-tariff-talks-stall.txt');
    const seed = readFileSync(join(seeds, name!), 'utf8');
    expect(seed).toContain('source: "The Harbor Ledger"');
    expect(seed).toContain('author: "Mariko Tanabe"');
    expect(seed).toContain('Prime Minister Shigeru Ishiba told reporters in Tokyo');
    expect(seed).not.toMatch(/Heat wave grips Kyushu|hijacked|<p|Home/);
    expect(stdout).toMatch(/25% on all goods, (scheduled|threatened) \(from 10%\)/);
    expect(stdout).not.toMatch(/visit 2025-04/);
  });

  it('rejects a bad date with the reason', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'seeds-'));
    const { code, stderr } = await add(seeds, ['--date', '5 July'], pasted);
    expect(code).toBe(1);
    expect(stderr).toMatch(/date.*YYYY-MM-DD/);
    expect(readdirSync(seeds)).toEqual([]);
  });
});

