// A page is kept from the last build when its data's digest is unchanged, so
// a digest that matched for different data would publish a stale page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digest, digestWhole } from '../../src/site/digest.ts';

// Values shaped like the site model: nested objects and arrays of strings, numbers, booleans and null.
const value = fc.jsonValue({ maxDepth: 5 });

describe('page data digests', () => {
  it('are equal exactly when the JSON is', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(digest(structuredClone(a)) === digest(structuredClone(b))).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('tell apart texts that differ only by where a string ends', () => {
    expect(digest({ a: 'x,b:1"y' })).not.toBe(digest({ a: 'x', b: 'y' }));
    expect(digest(['a,b'])).not.toBe(digest(['a', 'b']));
    expect(digest({ n: 1 })).not.toBe(digest({ n: '1' }));
    expect(digest([null])).not.toBe(digest(['null']));
  });

  it('see a change in a large object shared by many pages', () => {
    const long = 'A sentence long enough that its object is hashed rather than carried inline. '.repeat(3);
    const shared = { text: long, n: 1 };
    const before = digest({ page: 1, items: [shared] });
    const after = digest({ page: 1, items: [{ ...shared, n: 2 }] });
    expect(after).not.toBe(before);
    expect(digest({ page: 1, items: [{ text: long, n: 1 }] })).toBe(before);
  });

  it('of a whole object tell its versions apart and stay stable', () => {
    const article = { slug: 'a', paragraphs: [{ text: 'One.' }] };
    const copy = structuredClone(article);
    expect(digestWhole(article)).toBe(digestWhole(copy));
    expect(digestWhole({ ...copy, paragraphs: [{ text: 'Two.' }] })).not.toBe(digestWhole(article));
    // Inside a page, the article stands for its whole digest.
    expect(digest([article, 'x'])).toBe(digest([copy, 'x']));
  });
});
