import { readFile } from 'node:fs/promises';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Registry } from '../types.ts';

const names = z.array(z.string().trim().min(1)).default([]);

const registrySchema = z
  .object({
    countries: z.array(z.object({ name: z.string().trim().min(1), aliases: names }).strict()).default([]),
    people: z
      .array(
        z
          .object({
            name: z.string().trim().min(1),
            aliases: names,
            country: z.string().trim().min(1).nullable().default(null),
            roles: names,
          })
          .strict(),
      )
      .default([]),
    venues: z.array(z.object({ name: z.string().trim().min(1), aliases: names }).strict()).default([]),
    scopes: z.array(z.object({ name: z.string().trim().min(1), aliases: names }).strict()).default([]),
    titles: names,
    organisationWords: names,
  })
  .strict();

export class RegistryError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
  }
}

/** Reads and checks the curator's registry; a mistake is reported with its file and line. */
export async function loadRegistry(path: string): Promise<Registry> {
  const text = await readFile(path, 'utf8');
  return parseRegistry(text, path);
}

export function parseRegistry(text: string, path: string): Registry {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, schema: 'core' });
  const syntax = document.errors[0];
  if (syntax) throw new RegistryError(path, syntax.linePos?.[0]?.line ?? null, syntax.message.split('\n')[0]!);
  const result = registrySchema.safeParse(document.toJS() ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // Walk up the path until a node with a position is found.
  let line: number | null = null;
  for (let depth = issue.path.length; depth >= 0 && line === null; depth--) {
    const node = document.getIn(issue.path.slice(0, depth), true);
    if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
  }
  const where = issue.path.join('.') || 'top level';
  throw new RegistryError(path, line, `Unexpected value at \`${where}\`: ${issue.message}`);
}
