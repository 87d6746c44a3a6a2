// `npm run --silent extract -- FILE...`: one JSON array of article records on
// stdout, problems on stderr (file:line:col), exit 1 if any file failed.
import { reporter } from 'vfile-reporter';
import { extractSeed } from '../pipeline.ts';
import { loadRegistryOrReport } from './registry.ts';
import type { ArticleRecord } from '../types.ts';

async function main(paths: string[]): Promise<number> {
  if (paths.length === 0) {
    process.stderr.write('usage: npm run --silent extract -- FILE...\n');
    return 2;
  }
  const registry = await loadRegistryOrReport();
  if (!registry) return 1;
  const records: ArticleRecord[] = [];
  const files = [];
  let failed = false;
  for (const path of paths) {
    const { record, file } = await extractSeed(path, registry);
    files.push(file);
    if (record) records.push(record);
    else failed = true;
  }
  process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  const report = reporter(files.filter((f) => f.messages.length > 0), { quiet: true });
  if (report) process.stderr.write(`${report}\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
