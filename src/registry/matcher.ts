// Finds any of a set of names in text: the registry's people, venues,
// countries and scopes. Names match whole words, in any case when asked,
// and with or without diacritics ("Ryōsei" finds "Ryosei" and back).

export interface NameMatch<K> {
  key: K;
  text: string;
  index: number;
  end: number;
}

const accents: Record<string, string> = {
  a: 'aàáâäāă', e: 'eèéêëēė', i: 'iìíîïī', o: 'oòóôöōő', u: 'uùúûüūű', n: 'nñ', c: 'cç',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function aliasSource(alias: string): string {
  const plain = alias.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const body = [...plain]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const set = accents[lower];
      if (!set) return ch === ' ' ? '\\s+' : ch === '’' || ch === "'" ? "['’]" : escape(ch);
      const variants = ch === lower ? set : set.toUpperCase();
      return `[${variants}]`;
    })
    .join('');
  // Scripts written without spaces have no word boundaries to ask for.
  return /[A-Za-z0-9]/.test(plain) ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}]|\\.\\p{L})` : body;
}

export function createMatcher<K>(entries: { key: K; names: string[] }[], options: { ignoreCase?: boolean } = {}) {
  const byName = new Map<string, K>();
  const sources = new Set<string>();
  const all = entries.flatMap((e) => e.names.map((name) => ({ key: e.key, name: name.trim() })));
  all.sort((a, b) => b.name.length - a.name.length);
  for (const { key, name } of all) {
    if (!name) continue;
    const normal = normalizeName(name);
    if (!byName.has(normal)) byName.set(normal, key);
    sources.add(aliasSource(name));
  }
  const pattern = sources.size ? new RegExp([...sources].join('|'), `gu${options.ignoreCase ? 'i' : ''}`) : null;
  return (text: string): NameMatch<K>[] => {
    if (!pattern) return [];
    return [...text.matchAll(pattern)].flatMap((m) => {
      const key = byName.get(normalizeName(m[0]));
      return key === undefined ? [] : [{ key, text: m[0], index: m.index, end: m.index + m[0].length }];
    });
  };
}

/** The form two spellings of one name share: no diacritics, one space, lower case, plain apostrophes. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
