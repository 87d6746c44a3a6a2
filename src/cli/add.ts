// `npm run add -- [FILE | -] [--title … --date … --source … --url … --author …]`:
// a new seed from pasted text, a text file or a saved web page.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { articleFromHtml } from '../add/from-html.ts';
import { describeRecord } from '../add/report.ts';
import { composeSeed, findCopy, seedName, writeNewSeed, type SeedFields } from '../add/seed-file.ts';
import { seedsDir } from '../paths.ts';
import { extractText } from '../pipeline.ts';
import { loadRegistryOrReport } from './registry.ts';

const usage = 'usage: npm run add -- [FILE | -] [--title TEXT] [--date YYYY-MM-DD] [--source NAME] [--url URL] [--author NAME]';

async function readInput(source: string): Promise<string> {
  if (source !== '-') return readFile(source, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { title: { type: 'string' }, date: { type: 'string' }, source: { type: 'string' }, url: { type: 'string' }, author: { type: 'string' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const input = positionals[0] ?? '-';
  if (positionals.length > 1) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  let raw: string;
  try {
    raw = await readInput(input);
  } catch (error) {
    process.stderr.write(`${input}: cannot read: ${(error as Error).message}\n`);
    return 1;
  }

  const fields: SeedFields = { title: values.title, date: values.date, source: values.source, url: values.url, author: values.author };
  let text = raw;
  if (['.html', '.htm'].includes(extname(input).toLowerCase())) {
    const page = articleFromHtml(raw);
    if (!page) {
      process.stderr.write(`${input}: no article found in this page; save the article's text as .txt instead\n`);
      return 1;
    }
    text = page.text;
    fields.title ??= page.title;
    fields.date ??= page.published;
    fields.source ??= page.siteName;
    fields.author ??= page.byline;
  }
  if (!text.trim()) {
    process.stderr.write(`${input === '-' ? 'standard input' : input}: no text to add\n`);
    return 1;
  }

  const registry = await loadRegistryOrReport();
  if (!registry) return 1;
  // Read it as the build will, to name the file and to tell the curator what was found.
  const draft = composeSeed(fields, text);
  const { record, file } = await extractText(new TextEncoder().encode(draft), 'new article', registry);
  if (!record) {
    process.stderr.write(`${String(file.messages[0] ?? 'cannot read the article')}\n`);
    return 1;
  }
  const dir = seedsDir();
  const copy = await findCopy(dir, draft);
  if (copy) {
    process.stderr.write(`This article is already in the archive as ${copy}; nothing written.\n`);
    return 1;
  }
  const final = composeSeed(
    { title: record.title, date: record.published, source: record.source, url: fields.url, author: record.author },
    text,
  );
  const path = await writeNewSeed(dir, seedName(record.published, record.title), final);
  process.stdout.write(`Added ${path}\n\n${describeRecord(record, path).join('\n')}\n\nRun \`npm run build\` to put it on the site.\n`);
  return 0;
}

process.exitCode = await main();
