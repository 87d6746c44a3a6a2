// A page's fingerprint covers everything it prints, but pages share most of
// what they print: an article sits on its own page, in a timeline part, in an
// index part and on each page of every person and tariff it names. Hashing
// each page's data as one JSON text hashed the same objects hundreds of times
// (about 1.5 GB of JSON at 10,000 articles); a digest built from the digests
// of its parts, each object's kept once, hashes each object once.
// `hash` in one call: a Hash object made for each digest took half as long again as the hashing.
import { hash } from 'node:crypto';

/** Below this length an object's text is its digest: hashing it would cost more than carrying it. */
const inlineBelow = 96;

let known = new WeakMap<object, string>();

/**
 * Lets go of every digest kept. The model lives on through rendering, and
 * with it, in a WeakMap, a digest for each of its objects: about 40 MB at
 * 10,000 articles, needed only while the pages are planned.
 */
export function forgetDigests(): void {
  known = new WeakMap();
}

/**
 * A text that is equal for two values exactly when their JSON is (up to
 * hash collisions), for values the model is made of: plain objects, arrays,
 * strings, numbers, booleans and null. An object is assumed not to change
 * once it has been digested.
 */
export function digest(value: unknown): string {
  // A string's length ahead of it keeps the text unambiguous without escaping it.
  if (typeof value === 'string') return `${value.length}"${value}`;
  if (typeof value !== 'object' || value === null) return String(value);
  const seen = known.get(value);
  if (seen !== undefined) return seen;
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (const item of value) text += `${digest(item)},`;
  } else {
    text = '{';
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) text += `${key}:${digest(item)},`;
    }
  }
  if (text.length < inlineBelow) return text;
  const hashed = `#${hash('sha1', text, 'base64url')}`;
  known.set(value, hashed);
  return hashed;
}

/**
 * The same as `digest` for what follows, for an object whose parts are
 * mostly its own (an article, with its paragraphs and facts): one JSON text
 * hashed natively costs a third of a digest built part by part. `standIn` is
 * the object with its shared parts replaced by their `digest`, which is
 * what is hashed.
 */
export function digestWhole(value: object, standIn: object = value): string {
  let hashed = known.get(value);
  if (hashed === undefined) {
    hashed = `#${hash('sha1', JSON.stringify(standIn), 'base64url')}`;
    known.set(value, hashed);
  }
  return hashed;
}
