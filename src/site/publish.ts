import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * The old output is deleted once the new one is in place, so a mistyped
 * `--output` must not be able to point at the project or any other folder
 * that is not a previous build.
 */
async function checkReplaceable(target: string): Promise<void> {
  const fromCwd = relative(target, process.cwd());
  if (!fromCwd.startsWith('..')) throw new Error(`refusing to build into ${target}: it holds the current folder`);
  if (!(await exists(target))) return;
  const entries = await readdir(target);
  if (entries.length > 0 && !entries.includes('index.html')) {
    throw new Error(`refusing to replace ${target}: it is not empty and holds no index.html, so it does not look like a built site`);
  }
}

// Folders of failed builds. Eleventy can fail while its passthrough copies
// are still being written; removing the folder under them would crash the
// process, so each goes once Node has nothing left to do, or when the next
// build starts (the dev server never runs out of things to do).
const leftovers = new Set<string>();
let removeOnExit = false;

function removeLeftovers(): void {
  for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
  leftovers.clear();
}

/**
 * Deletes a folder from a process of its own that outlives this one. The
 * previous output of a large archive is tens of thousands of files (two
 * seconds of a rebuild at 10,000 articles) and nothing needs to wait for it
 * once the new output is in place. A removal cut short is finished by the
 * next build (`previousOutputs`).
 */
function removeInBackground(dir: string): void {
  const remover = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], {
    detached: true,
    stdio: 'ignore',
  });
  remover.unref();
}

/** Replaced outputs beside `target` still waiting to be deleted. */
async function previousOutputs(target: string): Promise<string[]> {
  const prefix = `.${basename(target)}-build-`;
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  return names.filter((n) => n.startsWith(prefix) && n.endsWith('-old')).map((n) => join(dirname(target), n));
}

/**
 * Builds into a fresh folder beside `target` and swaps it in only when the
 * build succeeded, so a failed build leaves the published site as it was.
 */
export async function buildInPlaceOf(output: string, build: (dir: string) => Promise<void>): Promise<void> {
  removeLeftovers();
  const target = resolve(output);
  await checkReplaceable(target);
  for (const dir of await previousOutputs(target)) removeInBackground(dir);
  await mkdir(dirname(target), { recursive: true });
  const temp = await mkdtemp(join(dirname(target), `.${basename(target)}-build-`));
  try {
    await build(temp);
  } catch (error) {
    leftovers.add(temp);
    if (!removeOnExit) process.on('beforeExit', removeLeftovers);
    removeOnExit = true;
    throw error;
  }
  const old = `${temp}-old`;
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, old);
  try {
    await rename(temp, target);
  } catch (error) {
    if (hadTarget) await rename(old, target);
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (hadTarget) removeInBackground(old);
}
