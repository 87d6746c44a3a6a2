import { extractSeed } from '../src/pipeline.ts';
import { loadRegistry } from '../src/registry/load-registry.ts';
import { isByline } from '../src/steps/boilerplate/line-kinds.ts';
console.log(isByline('By Margaret Ellison and Kenji Mori'));
const reg = await loadRegistry('data/registry.yaml');
const { record } = await extractSeed(process.argv[2]!, reg);
for (const r of record!.removed) console.log(r.kind, r.lines, r.text.slice(0, 100).replace(/\n/g, ' ⏎ '));
console.log(record!.paragraphs.map(p => p.line + ': ' + p.text.slice(0, 80)).join('\n'));
console.log(record!.title, record!.published, record!.publishedFrom, record!.source, record!.author);
