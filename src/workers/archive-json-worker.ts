// archive.json written on a thread of its own: reading a hundred megabytes of
// records back from the cache and writing them out took a rebuild's main
// thread over a second, while the other core had little to do.
import { parentPort, workerData } from 'node:worker_threads';
import { writeArchiveJson, type ArchiveRow } from '../site/downloads.ts';

const { output, title, rows } = workerData as { output: string; title: string; rows: ArchiveRow[] };
writeArchiveJson(output, title, rows);
parentPort!.postMessage('written');
