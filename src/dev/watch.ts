import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface WatchTarget {
  /** A folder to watch. */
  dir: string;
  /** Which of its files count; a change to any other file is ignored. */
  accepts(name: string): boolean;
}

/**
 * Calls `onChange` once a burst of changes has settled: saving one file is
 * often several events (an editor writes a temporary file and renames it),
 * and copying many seeds in is one rebuild, not one per file.
 */
export function watchFiles(targets: WatchTarget[], onChange: () => void, settleMs = 150): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = targets.map(({ dir, accepts }) =>
    watch(dir, (_event, name) => {
      // Without a name the platform does not say which file changed: assume it matters.
      if (name !== null && !accepts(name)) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, settleMs);
    }),
  );
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}

/**
 * One file is watched through its folder: editors that save by replacing the
 * file would leave a watch on the file itself looking at the deleted one.
 */
export function fileTarget(path: string): WatchTarget {
  const name = basename(path);
  return { dir: dirname(path), accepts: (changed) => changed === name };
}
