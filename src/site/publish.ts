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
 * Builds into a fresh folder beside `target` and swaps it in only when the
 * build succeeded, so a failed build leaves the published site as it was.
 */
export async function buildInPlaceOf(output: string, build: (dir: string) => Promise<void>): Promise<void> {
  removeLeftovers();
  const target = resolve(output);
  await checkReplaceable(target);
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
  if (hadTarget) await rm(old, { recursive: true, force: true });
}
