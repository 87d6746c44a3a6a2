import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { createMatcher } from '../registry/matcher.ts';
import { slugify } from '../text/slug.ts';
import type { Registry, VenueRecord } from '../types.ts';

/** Where in a sentence a venue is named. */
export interface VenueMention {
  venue: string;
  sentence: number;
  index: number;
  end: number;
}

declare module 'vfile' {
  interface DataMap {
    venues: VenueRecord[];
    venueMentions: VenueMention[];
  }
}

// A place is a venue where the sentence puts something there: "at the White
// House", "visit Washington", "a White House meeting". "Coordinate with
// Washington" uses the capital for the government, not for a place.
const locativeBefore = /\b(at|in|inside|outside|near|to|from|into|toward|towards|of|visit|visited|visiting|visits|hosted|hosting|host)\s+(?:the\s+)?$/i;
const eventAfter = /^\s*(meeting|meetings|talks|summit|visit|session|ceremony|event|gathering|dinner|luncheon)\b/i;
const venueNouns =
  'House|Office|Hall|Hotel|Center|Centre|Pavilion|Palace|Building|Embassy|Residence|Kantei|Airport|Club|Forum|Ministry|Headquarters|Resort|Lodge|Castle|Guesthouse|Guest House|Base|Stadium|Plaza|Tower';
const discovered = new RegExp(
  `\\b(?:at|in|inside|outside|to|from|near)\\s+(?:the\\s+)?((?:(?:\\p{Lu}[\\p{L}'’.-]*|of|de)\\s+){0,4}(?:${venueNouns}))\\b`,
  'gu',
);

export default function findVenues(options: { registry: Registry }) {
  const registry = options?.registry;
  if (!registry) throw new Error('findVenues: expected a `registry` option with the known venues');
  const findKnown = createMatcher(registry.venues.map((v) => ({ key: v.name, names: [v.name, ...v.aliases] })));

  return (_tree: Root, file: VFile) => {
    const venues = new Map<string, VenueRecord>();
    const mentions: VenueMention[] = [];
    const add = (name: string, known: boolean, i: number, index: number, end: number) => {
      const s = file.data.sentences![i]!;
      let venue = venues.get(name);
      if (!venue) {
        venue = { id: slugify(name, 'venue'), name, known, evidence: [] };
        venues.set(name, venue);
      }
      if (!venue.evidence.some((e) => e.line === s.line && e.text === s.text)) venue.evidence.push({ text: s.text, line: s.line });
      mentions.push({ venue: name, sentence: i, index, end });
    };
    (file.data.sentences ?? []).forEach((s, i) => {
      const known = findKnown(s.text).filter(
        (m) => locativeBefore.test(s.text.slice(0, m.index)) || eventAfter.test(s.text.slice(m.end)) || /^the\s/i.test(m.text),
      );
      for (const m of known) add(m.key, true, i, m.index, m.end);
      for (const m of s.text.matchAll(discovered)) {
        const index = m.index + m[0].lastIndexOf(m[1]!);
        const end = index + m[1]!.length;
        if (findKnown(m[1]!).length || known.some((k) => k.index < end && index < k.end)) continue;
        add(m[1]!.trim(), false, i, index, end);
      }
    });
    file.data.venues = [...venues.values()];
    file.data.venueMentions = mentions.sort((a, b) => a.sentence - b.sentence || a.index - b.index);
  };
}
