import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module of this project. Worker threads
 * get no loader hooks from the parent and refuse a .ts entry file, so each
 * registers tsx before importing its module. The tsx module is named by its
 * full address: eval'd code resolves bare names from the working directory,
 * which need not be this project.
 */
export function tsWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(entry, { ...options, eval: true });
}
