import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import YAML from 'yaml';
import { seedExtensions } from '../pipeline.ts';
import { splitFrontMatter } from '../read/front-matter.ts';
import { slugify } from '../text/slug.ts';

export interface SeedFields {
  title?: string | null;
  date?: string | null;
  source?: string | null;
  url?: string | null;
  author?: string | null;
}

/** A seed file's text: front matter with the fields that are known, then the article as given. */
export function composeSeed(fields: SeedFields, text: string): string {
  const known = Object.fromEntries(Object.entries(fields).filter(([, v]) => v));
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n*$/, '\n');
  if (!Object.keys(known).length) return body;
  // Quoted strings throughout, so a date stays a string and a colon in a title stays text.
  return `---\n${YAML.stringify(known, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}---\n${body}`;
}

/** `2025-07-05-akazawa-calls-lutnick.txt`: sorts by date in the folder, and names nothing from outside [a-z0-9-]. */
export function seedName(date: string | null, title: string | null): string {
  return `${date ?? 'undated'}-${slugify(title ?? 'article', 'article').slice(0, 60).replace(/-+$/, '')}.txt`;
}

const bodyHash = (text: string) => createHash('sha256').update(splitFrontMatter(text.replace(/\r\n?/g, '\n')).body.trim()).digest('hex');

/** The seed already holding this article's text, if any. */
export async function findCopy(dir: string, text: string): Promise<string | null> {
  const hash = bodyHash(text);
  for (const name of (await readdir(dir)).sort()) {
    if (!seedExtensions.has(name.slice(name.lastIndexOf('.')).toLowerCase())) continue;
    try {
      if (bodyHash(await readFile(join(dir, name), 'utf8')) === hash) return name;
    } catch {
      // A seed that cannot be read is the build's to report.
    }
  }
  return null;
}

/** Writes a new seed, never over an existing file: a taken name gets a number. */
export async function writeNewSeed(dir: string, name: string, content: string): Promise<string> {
  const stem = name.replace(/\.txt$/, '');
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? name : `${stem}-${n}.txt`);
    try {
      await writeFile(path, content, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
