// URL slugs from untrusted text: ASCII letters, digits and single hyphens only,
// so a slug can never climb out of the output folder or carry markup.
export function slugify(text: string, fallback = 'untitled'): string {
  // ASCII is its own decomposition, with no marks to drop.
  const plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = plain
    .toLowerCase()
    .replace(/%/g, '-percent-')
    .replace(/&/g, '-and-')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || fallback;
}
