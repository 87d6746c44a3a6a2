// `npm run build [-- --pathprefix=/archive/ --output=DIR --site-url=https://… --strict]`:
// builds the site once (see site-build.ts); exit 1 when the build stopped,
// with the previous site untouched.
import { parseArgs } from 'node:util';
import { buildArgs, buildOptions, buildSite, buildUsage } from './site-build.ts';

const usage = `usage: npm run build -- ${buildUsage}\n`;

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = buildOptions(parseArgs({ args: argv, options: buildArgs }).values);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n${usage}`);
    return 2;
  }
  return (await buildSite(options)) ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
