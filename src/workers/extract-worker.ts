// One thread of a large build's extraction: extracts each seed the pool sends
// and answers with the result as plain data, or with the error that stopped it.
import { parentPort, workerData } from 'node:worker_threads';
import { extractText } from '../pipeline.ts';
import { toStored } from '../stored-result.ts';
import type { Registry } from '../types.ts';
import type { Answer, Task } from './extract-pool.ts';

const { registry } = workerData as { registry: Registry };
const port = parentPort!;

port.on('message', async ({ index, path, bytes }: Task) => {
  try {
    port.postMessage({ index, result: toStored(await extractText(bytes, path, registry)) } satisfies Answer);
  } catch (error) {
    port.postMessage({ index, error } satisfies Answer);
  }
});
