// The hand-written articles the synthetic archive is varied from. Articles of
// one story folder report the same events, so they are varied together.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface Source {
  /** Names the generated file after its origin. */
  slug: string;
  ext: string;
  text: string;
}

const list = (dir: string) => readdirSync(dir).sort();

export function loadSourceGroups(root: string): Source[][] {
  const groups: Source[][] = [];
  const read = (path: string, slug: string): Source => ({ slug, ext: extname(path), text: readFileSync(path).toString('utf8') });
  for (const name of list(join(root, 'seeds')).filter((n) => /\.(txt|md)$/.test(n))) {
    groups.push([read(join(root, 'seeds', name), `seed-${name.slice(0, 3)}`)]);
  }
  const articles = join(root, 'tests/fixtures/articles');
  for (const dir of list(articles)) {
    const input = list(join(articles, dir)).find((n) => n.startsWith('input.'));
    if (input) groups.push([read(join(articles, dir, input), dir)]);
  }
  const story = join(root, 'tests/fixtures/story');
  for (const dir of list(story)) {
    const members = list(join(story, dir)).filter((n) => n.endsWith('.txt'));
    if (members.length) groups.push(members.map((n) => read(join(story, dir, n), `${dir}-${n.replace(/\.txt$/, '')}`)));
  }
  return groups;
}
