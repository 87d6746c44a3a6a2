// `npm start [-- --port=8080 …build options]`: builds the site, serves it on
// 127.0.0.1 and rebuilds it when a seed or the registry is added, changed or
// removed; open pages reload themselves. A failed rebuild leaves the last good
// site in place (the build swaps a new one in only on success), so the server
// keeps serving that one and the messages say what to fix.
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startDevServer, type DevServer } from '../dev/server.ts';
import { fileTarget, watchFiles } from '../dev/watch.ts';
import { registryPath, seedsDir } from '../paths.ts';
import { seedExtensions } from '../pipeline.ts';
import { buildArgs, buildOptions, buildSite, buildUsage } from './site-build.ts';

const usage = `usage: npm start -- [--port=8080] ${buildUsage}\n`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: argv, options: { ...buildArgs, port: { type: 'string', default: '8080' } } }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const options = buildOptions(values);
  const port = Number(values.port);
  if (typeof options === 'string' || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`${typeof options === 'string' ? options : `--port must be a number from 0 to 65535, got ${values.port}`}\n${usage}`);
    return 2;
  }

  // Pages are told to reload once the server is up; the first build has none to tell.
  let server: DevServer | null = null;
  // One build at a time; changes made during a build start one more after it.
  let building: Promise<void> | null = null;
  let again = false;
  const rebuild = (): Promise<void> => {
    if (building) {
      again = true;
      return building;
    }
    building = (async () => {
      do {
        again = false;
        const built = await buildSite(options);
        if (built) server?.reload();
        else if (server) process.stderr.write('Still serving the last good site.\n');
      } while (again);
      building = null;
    })();
    return building;
  };

  await rebuild();
  try {
    server = await startDevServer({ root: resolve(options.output), prefix: options.pathPrefix, port });
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    process.stderr.write(`${inUse ? `Port ${port} is in use; choose another with --port=N` : (error as Error).message}\n`);
    return 1;
  }
  const seeds = seedsDir();
  const registry = registryPath();
  let stopWatching: () => void;
  try {
    stopWatching = watchFiles([{ dir: seeds, accepts: (name) => seedExtensions.has(extname(name).toLowerCase()) }, fileTarget(registry)], () => {
      process.stdout.write('Change seen; rebuilding…\n');
      void rebuild();
    });
  } catch (error) {
    process.stderr.write(`Cannot watch for changes: ${(error as Error).message}\n`);
    await server.close();
    return 1;
  }
  process.stdout.write(`Serving ${server.origin}${options.pathPrefix}; rebuilding on changes to ${seeds} and ${registry}. Ctrl-C stops.\n`);

  await new Promise<void>((stopped) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stopped());
  });
  stopWatching();
  await server.close();
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
