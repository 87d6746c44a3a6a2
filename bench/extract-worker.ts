// One core's share of the parallel extraction run: reads its files and warms
// up before the start signal, so the timed part is extraction alone.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { extractText } from '../src/pipeline.ts';
import { loadRegistry } from '../src/registry/load-registry.ts';

const { paths, registryPath, warmup } = workerData as { paths: string[]; registryPath: string; warmup: number };
const registry = await loadRegistry(registryPath);
const files = paths.map((p) => ({ path: p, bytes: readFileSync(p) }));
for (const f of files.slice(0, warmup)) await extractText(f.bytes, f.path, registry);
parentPort!.once('message', async () => {
  let records = 0;
  for (const f of files) if ((await extractText(f.bytes, f.path, registry)).record) records++;
  parentPort!.postMessage({ records });
});
parentPort!.postMessage('ready');
