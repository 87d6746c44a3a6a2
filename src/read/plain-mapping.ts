// Front matter is nearly always a few `key: value` lines. Reading those
// needs no YAML parser, which costs more than the rest of reading a seed.
// Only lines whose meaning under YAML 1.2's core schema is plainly a string
// are read here; anything else (numbers, booleans, nulls, single quotes,
// escapes, comments, lists, nesting, a repeated key) is left to the parser.

const line = /^([A-Za-z][A-Za-z0-9_-]*):[ ]+(.*?)[ ]*$/;
const quoted = /^"([^"\\]*)"$/;
// A plain scalar that starts like no other node and holds no comment or key.
const plain = /^[^-?:,[\]{}#&*!|>'"%@`\s~.+0-9](?:(?!: | #).)*(?<!:)$/;
const date = /^\d{4}-\d{2}(?:-\d{2})?$/;
const special = /^(?:null|true|false)$/i;
// Tabs, control characters, other line breaks and byte-order marks have rules of their own.
const unusual = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** The mapping the front matter states, or null when only a YAML parser can say. */
export function readPlainMapping(source: string): Record<string, string> | null {
  const data: Record<string, string> = {};
  let keys = 0;
  for (const text of source.split('\n')) {
    if (unusual.test(text) || text.length > 1000) return null;
    if (/^ *$/.test(text)) continue;
    const m = line.exec(text);
    if (!m) return null;
    const [, key, value] = m as unknown as [string, string, string];
    if (special.test(key) || key === '__proto__' || Object.hasOwn(data, key)) return null;
    const string = quoted.exec(value)?.[1] ?? (date.test(value) || (plain.test(value) && !special.test(value)) ? value : null);
    if (string === null) return null;
    data[key] = string;
    keys++;
  }
  return keys ? data : null;
}
