import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Builds into a fresh folder beside `target` and swaps it in only when the
 * build succeeded, so a failed build leaves the published site as it was.
 */
export async function buildInPlaceOf(target: string, build: (dir: string) => Promise<void>): Promise<void> {
  const temp = await mkdtemp(join(dirname(target), `.${basename(target)}-build-`));
  try {
    await build(temp);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
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
