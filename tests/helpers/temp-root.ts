// Tests make temporary folders for seeds, caches and built sites, and a
// failing or interrupted test does not remove its own. Every folder a run
// makes under the system's temporary folder goes into one of the run's own,
// which goes when the run ends: a developer's /tmp does not fill up run by run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'archive-tests-'));
  // Read by os.tmpdir() in every test worker, which inherits this environment, and by Chromium.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
