import matter from 'gray-matter';
import YAML from 'yaml';
import { z } from 'zod';
import { SeedReadError } from './decode.ts';
import { readPlainMapping } from './plain-mapping.ts';

// YAML 1.2's core schema keeps `date: 2025-07-19` a string, so a date-only
// value never passes through a local-time Date.
const engines = { yaml: { parse: (s: string) => readPlainMapping(s) ?? YAML.parse(s, { schema: 'core' }) ?? {} } };

const datePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1).optional(),
    date: z
      .union([z.string(), z.number()])
      .transform((v) => String(v).trim())
      .refine((v) => datePattern.test(v) && isRealDate(v), {
        message: 'expected a date as YYYY-MM-DD, YYYY-MM or YYYY',
      })
      .optional(),
    source: z.string().trim().min(1).optional(),
    // Only a web address: the site links to it.
    url: z.string().trim().url().refine((u) => /^https?:\/\//i.test(u), { message: 'expected an http(s) address' }).optional(),
    author: z.string().trim().min(1).optional(),
  })
  .passthrough();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

function isRealDate(value: string): boolean {
  const [y, m = 1, d = 1] = value.split('-').map(Number) as [number, number?, number?];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export interface SplitSeed {
  data: FrontMatter;
  /** The body with the front matter blanked out, so line numbers stay the file's. */
  body: string;
}

function lineOfKey(source: string, key: string): number | null {
  const lines = source.split('\n');
  const index = lines.findIndex((l) => l.startsWith(`${key}:`));
  return index === -1 ? null : index + 1;
}

export function splitFrontMatter(text: string): SplitSeed {
  if (!/^---\s*\n/.test(text)) return { data: {}, body: text };
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, { engines });
  } catch (error) {
    const line = (error as { linePos?: [{ line: number }] }).linePos?.[0]?.line;
    const reason = String((error as Error).message).split('\n')[0];
    throw new SeedReadError(`Malformed front matter: ${reason}`, line === undefined ? 2 : line + 1, 'front-matter');
  }
  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    throw new SeedReadError(
      `Unexpected front matter \`${key}\`: ${issue.message}`,
      lineOfKey(text, key),
      'front-matter',
    );
  }
  const headerLines = text.length - parsed.content.length;
  const blanked = text.slice(0, headerLines).replace(/[^\n]/g, '');
  return { data: result.data, body: blanked + parsed.content };
}
