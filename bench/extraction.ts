// Extraction throughput in MB (10^6 bytes of seed file) per second, through
// the same `extractText` the build uses, without the build's story merge.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractText } from '../src/pipeline.ts';
import { loadRegistry } from '../src/registry/load-registry.ts';

export interface Throughput {
  files: number;
  megabytes: number;
  seconds: number;
  mbPerSecond: number;
  /** CPU seconds the extraction used, all threads: under other load on the machine this moves less than wall time. */
  cpuS: number;
  /** MB per CPU-second: the rate on a core of one's own. */
  mbPerCpuSecond: number;
  workers: number;
  records: number;
}

// Enough to compile the registry's matchers and let V8 optimise the hot paths.
const warmupFiles = 200;
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const workerUrl = new URL('./extract-worker.ts', import.meta.url);

export async function extractSequential(paths: string[], registryPath: string): Promise<Throughput> {
  const registry = await loadRegistry(registryPath);
  const files = paths.map((p) => ({ path: p, bytes: readFileSync(p) }));
  for (const f of files.slice(0, warmupFiles)) await extractText(f.bytes, f.path, registry);
  const bytes = files.reduce((s, f) => s + f.bytes.length, 0);
  let records = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const f of files) if ((await extractText(f.bytes, f.path, registry)).record) records++;
  const seconds = (performance.now() - started) / 1000;
  const cpuS = cpuSeconds(process.cpuUsage(cpu));
  return { files: files.length, megabytes: bytes / 1e6, seconds, mbPerSecond: bytes / 1e6 / seconds, cpuS, mbPerCpuSecond: bytes / 1e6 / cpuS, workers: 1, records };
}

export async function extractParallel(paths: string[], registryPath: string, workers = availableParallelism()): Promise<Throughput> {
  const bytes = paths.reduce((s, p) => s + readFileSync(p).length, 0);
  // Round robin: every source style lands on every worker, so shares take about as long.
  const shares = Array.from({ length: workers }, (_, w) => paths.filter((_, i) => i % workers === w));
  const threads = shares.map(
    (share) =>
      // Worker threads get no loader hooks from the parent and refuse a .ts entry file, so
      // each one registers tsx before importing the TypeScript worker.
      new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); })`, {
        eval: true,
        workerData: { paths: share, registryPath, warmup: Math.ceil(warmupFiles / workers) },
      }),
  );
  const once = (w: Worker) =>
    new Promise<unknown>((resolvePromise, reject) => {
      w.once('message', resolvePromise);
      w.once('error', reject);
    });
  await Promise.all(threads.map(once));
  const cpu = process.cpuUsage();
  const started = performance.now();
  const done = threads.map(once);
  for (const w of threads) w.postMessage('go');
  const results = (await Promise.all(done)) as { records: number }[];
  const seconds = (performance.now() - started) / 1000;
  // process.cpuUsage counts every thread of the process, the workers included.
  const cpuS = cpuSeconds(process.cpuUsage(cpu));
  await Promise.all(threads.map((w) => w.terminate()));
  return {
    files: paths.length,
    megabytes: bytes / 1e6,
    seconds,
    mbPerSecond: bytes / 1e6 / seconds,
    cpuS,
    mbPerCpuSecond: bytes / 1e6 / cpuS,
    workers,
    records: results.reduce((sum, r) => sum + r.records, 0),
  };
}
