// The curator's day, end to end, on a copy of the seeds: add an article
// pasted on standard input and one saved as a web page, rebuild, and find each
// where a reader would; then the same with `npm start` watching the folder.
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, hrefs, page, root, runBuild } from '../site/support.ts';
import { scratchProject, type Scratch } from './support.ts';

let project: Scratch;

beforeAll(async () => {
  project = await scratchProject();
  const first = await runBuild([`--output=${project.output}`], project.env);
  if (first.code !== 0) throw new Error(first.stderr);
});

afterAll(() => rm(project.dir, { recursive: true, force: true }));

function add(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/cli/add.ts', ...args], { cwd: root, env: { ...process.env, ...project.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const pasted = `TOKYO, July 24 (Kyodo) - Chief Cabinet Secretary Yoshimasa Hayashi said on Thursday that the 15% tariff on Japanese cars agreed with Washington would ease pressure on exporters, a day after President Donald Trump announced the deal.
Hayashi told a news conference in Tokyo that the government would study the details with U.S. Commerce Secretary Howard Lutnick before the new rate takes effect on August 1.
"The agreement removes the risk of a 25% levy on autos," Hayashi said.
Reporting by Keiko Mori; Editing by Tom Hale
`;

/** Whether the page at `path` links to the article page `slug`. */
async function linksTo(path: string, slug: string): Promise<boolean> {
  return hrefs(await page(project.output, path)).some((href) => href.startsWith(`/articles/${slug}/`));
}

/** Whether the timeline lists the article in the month's section. */
async function onTimeline(slug: string, month: string): Promise<boolean> {
  const timeline = await page(project.output, '');
  return timeline.querySelectorAll(`section[aria-labelledby="month-${month}"] li`).some((li) => attr(li, 'id') === `article-${slug}`);
}

describe('adding articles', () => {
  it('puts a pasted article and a saved web page on the timeline and on their people and tariff pages', async () => {
    const fromStdin = await add(['-', '--title', 'Hayashi says 15% car tariff eases pressure on exporters', '--date', '2025-07-24'], pasted);
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    const fromPage = await add(['tests/fixtures/pages/saved-article.html']);
    expect(fromPage.code, fromPage.stderr).toBe(0);

    const build = await runBuild([`--output=${project.output}`], project.env);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/7 articles.*of 7 seeds from the cache/);

    const hayashi = 'hayashi-says-15-percent-car-tariff-eases-pressure-on-exporters';
    expect(await onTimeline(hayashi, '2025-07')).toBe(true);
    expect(await linksTo('people/yoshimasa-hayashi/', hayashi)).toBe(true);
    expect(await linksTo('tariffs/15-percent-autos/', hayashi)).toBe(true);

    const ledger = 'akazawa-heads-to-washington-as-auto-tariff-talks-stall';
    expect(await onTimeline(ledger, '2025-07')).toBe(true);
    expect(await linksTo('people/ryosei-akazawa/', ledger)).toBe(true);
    expect(await linksTo('tariffs/25-percent-all-goods/', ledger)).toBe(true);
    // A page it has nothing to do with does not cite it.
    expect(await linksTo('people/yoshimasa-hayashi/', ledger)).toBe(false);
  });
});

/** Reads lines from a stream until one matches. */
function waitForLine(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) {
        stream.off('data', onData);
        resolve(match);
      }
    };
    stream.on('data', onData);
  });
}

describe('npm start', () => {
  it('serves the site, rebuilds when a seed is added and tells the open page to reload', async () => {
    const output = join(project.dir, 'dev-site');
    // Its own process group, so that npm, tsx and node all stop together.
    const server = spawn('npm', ['start', '--', '--port=0', `--output=${output}`], { cwd: root, env: { ...process.env, ...project.env }, detached: true });
    let log = '';
    server.stdout.on('data', (d) => (log += d));
    server.stderr.on('data', (d) => (log += d));
    const exited = new Promise((resolve) => server.on('exit', resolve));
    const events = new AbortController();
    try {
      const [, origin] = await waitForLine(server.stdout, /Serving (http:\/\/127\.0\.0\.1:\d+)\//);
      const home = await fetch(`${origin}/`);
      expect(home.status).toBe(200);
      const served = await home.text();
      expect(served).toContain('<script src="/__dev/live-reload.js" defer></script>');
      expect(served).toMatch(/Content-Security-Policy" content="[^"]*script-src 'self'/);
      // The files on disk are a production build.
      const onDisk = await readFile(join(output, 'index.html'), 'utf8');
      expect(onDisk).not.toContain('__dev');
      expect(onDisk).toMatch(/script-src 'none'/);
      expect((await fetch(`${origin}/__dev/live-reload.js`)).headers.get('content-type')).toMatch(/javascript/);

      const stream = await fetch(`${origin}/__dev/events`, { signal: events.signal });
      expect(stream.headers.get('content-type')).toBe('text/event-stream');
      const reader = stream.body!.getReader();
      const reloaded = (async () => {
        let received = '';
        while (!received.includes('event: reload')) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`event stream ended before a reload:\n${received}\n${log}`);
          received += new TextDecoder().decode(value);
        }
      })();

      await writeFile(
        join(project.seeds, '2025-07-30-lutnick-visit.txt'),
        `---\ntitle: "Lutnick plans Tokyo visit to sign auto tariff deal"\ndate: 2025-07-30\nsource: "Test Wire"\n---\nU.S. Commerce Secretary Howard Lutnick will visit Tokyo next week to sign the deal that cuts the tariff on Japanese cars to 15%, Ryosei Akazawa said on Wednesday.\n`,
      );
      await reloaded;
      const timeline = await (await fetch(`${origin}/`)).text();
      expect(timeline).toContain('href="/articles/lutnick-plans-tokyo-visit-to-sign-auto-tariff-deal/"');
      expect(log).toMatch(/Change seen; rebuilding/);
    } finally {
      events.abort();
      process.kill(-server.pid!, 'SIGTERM');
      await exited;
    }
  });
});
