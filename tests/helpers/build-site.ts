import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

export interface BuiltSite {
  /** The folder the site was written to (a fresh temp dir). */
  dir: string;
  /** `/` or e.g. `/archive/`: where the site expects to be served. */
  pathPrefix: string;
  /** What the build printed, for failure messages. */
  log: string;
  remove(): Promise<void>;
}

export function normalisePrefix(prefix: string | undefined): string {
  if (!prefix || prefix === '/') return '/';
  return `/${prefix.replace(/^\/+|\/+$/g, '')}/`;
}

/**
 * Builds the site the way a user would (`npm run build -- --output=DIR`), but
 * into a private temp dir so that concurrent builds and the developer's own
 * `_site/` never see each other's files.
 */
export async function buildSite(options: { pathPrefix?: string } = {}): Promise<BuiltSite> {
  const pathPrefix = normalisePrefix(options.pathPrefix);
  const dir = await mkdtemp(join(tmpdir(), 'archive-site-'));
  const args = ['src/cli/build.ts', `--output=${dir}`];
  if (pathPrefix !== '/') args.push(`--pathprefix=${pathPrefix}`);
  const remove = () => rm(dir, { recursive: true, force: true });
  // tsx straight from node_modules: `npm run` would add a second process and
  // swallow the exit status behind its own banner.
  const command = join(repoRoot, 'node_modules', '.bin', 'tsx');
  const log = await new Promise<string>((resolve, reject) => {
    execFile(
      command,
      args,
      // The timeout only stops a hung build from hanging the suite; it is no
      // performance budget.
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000, env: { ...process.env } },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`.trim();
        if (error) {
          reject(new Error(`site build failed: tsx ${args.join(' ')}\n${error.message}\n${output}`));
        } else {
          resolve(output);
        }
      },
    );
  }).catch(async (error: unknown) => {
    await remove();
    throw error;
  });
  const home = join(dir, 'index.html');
  if (!(await stat(home).catch(() => null))?.isFile()) {
    await remove();
    throw new Error(`site build wrote no ${home} (does it honour --output?)\n${log}`);
  }
  return { dir, pathPrefix, log, remove };
}
