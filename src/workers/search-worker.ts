// The search bundles of a build, indexed on a thread of their own: the build's
// thread renders pages with Eleventy for long stretches without a turn of its
// event loop, and would only notice a Pagefind process finishing between them.
// Each lane runs Pagefind on the next bundle whose pages are all written.
import { parentPort, workerData } from 'node:worker_threads';
import { indexBundle } from '../site/pagefind-cli.ts';
import type { SearchShard } from '../site/page-plan.ts';

/** From the build: a bundle whose pages are all written; every page is written, with the lanes to use from now; or stop. */
export type SearchCommand = { ready: SearchShard } | { finish: number } | { stop: true };
/** To the build, once after `finish` or `stop`. */
export type SearchAnswer = { done: true } | { error: string };

const { output, lanes } = workerData as { output: string; lanes: number };
const port = parentPort!;
const ready: SearchShard[] = [];
let waiting: (() => void)[] = [];
let allWritten = false;

const wake = () => {
  for (const resume of waiting) resume();
  waiting = [];
};

const lane = async (): Promise<void> => {
  for (;;) {
    const shard = ready.shift();
    if (shard) await indexBundle(output, shard);
    else if (allWritten) return;
    else await new Promise<void>((resume) => waiting.push(resume));
  }
};

const work = Array.from({ length: lanes }, lane);
// A failure is answered after `finish`; until then it must not end the thread as an unhandled rejection.
for (const w of work) w.catch(() => {});

port.on('message', (command: SearchCommand) => {
  if ('ready' in command) {
    ready.push(command.ready);
    wake();
    return;
  }
  if ('stop' in command) ready.length = 0;
  else work.push(...Array.from({ length: Math.max(0, command.finish - lanes) }, lane));
  allWritten = true;
  wake();
  Promise.all(work).then(
    () => port.postMessage({ done: true } satisfies SearchAnswer),
    (error: Error) => port.postMessage({ error: error.message } satisfies SearchAnswer),
  );
});
