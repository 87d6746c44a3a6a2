import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSeed } from '../src/pipeline.ts';
import { loadRegistry } from '../src/registry/load-registry.ts';
import { checksFor } from '../tests/extract/expectations.ts';
const reg = await loadRegistry('data/registry.yaml');
const root = process.argv[2]!;
let total = 0, ok = 0;
for (const name of readdirSync(root).sort()) {
  const dir = join(root, name);
  const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const { record } = await extractSeed(join(dir, input), reg);
  const checks = checksFor(record!, JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')));
  const bad = checks.filter((c) => c.problem);
  total += checks.length; ok += checks.length - bad.length;
  console.log(`## ${name}: ${checks.length - bad.length}/${checks.length}`);
  if (process.argv[3]) for (const b of bad) console.log(`   ✗ ${b.name}: ${b.problem!.slice(0, 400)}`);
}
console.log(`TOTAL ${ok}/${total}`);
