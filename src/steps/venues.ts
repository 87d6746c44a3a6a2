import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { createMatcher } from '../registry/matcher.ts';
import { slugify } from '../text/slug.ts';
import type { Registry, VenueRecord } from '../types.ts';
import { matchesOf } from '../text/matches.ts';

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
// "To" and "of" only where they lead somewhere: "flew to Washington", "the sidelines of the Expo", not "of concern to Tokyo".
const locativeBefore =
  /(?:\b(at|in|inside|outside|near|from|into|toward|towards|visit|visited|visiting|visits|hosted|hosting|host|toured|touring|tour|attended|attending|arrived|left)|\b(?:back|trip|visits?|travel(?:s|ed|led|ing)?|fl(?:y|ew|ies|ying)|head(?:s|ed|ing)?|return(?:s|ed|ing)?|go(?:es|ing)?|went|came|coming|move[sd]?|sidelines|outside|grounds|steps) (?:to|of))\s+(?:the\s+)?$/i;
const eventAfter = /^\s*(meeting|meetings|talks|summit|visit|session|ceremony|event|gathering|dinner|luncheon)\b/i;
const venueNouns =
  'House|Office|Hall|Hotel|Center|Centre|Pavilion|Palace|Building|Embassy|Residence|Kantei|Airport|Club|Forum|Ministry|Headquarters|Resort|Lodge|Castle|Guesthouse|Guest House|Base|Stadium|Plaza|Tower';
const name = '\\p{Lu}[\\p{L}.-]*';
// "at the Hotel Okura", "at Akasaka Palace", "in New York": a capitalised place after a locative word,
// ending in a venue noun, starting with one, or (for cities) standing alone in a sentence that reports an event.
const discovered = new RegExp(
  `\\b(?:at|in|inside|outside|to|from|near)\\s+(?:the\\s+)?((?:${name}\\s+(?:of\\s+|de\\s+)?){1,4}(?:${venueNouns})|(?:${venueNouns})\\s+${name}(?:\\s+${name})?)\\b`,
  'gu',
);
const city = new RegExp(`\\b(?:in|to|from)\\s+(${name}(?:\\s+${name})?)(?=[\\s,.;]|$)`, 'gu');
const venueNounOnly = new RegExp(`^(${venueNouns})$`);
const eventWords = /\b(met|meeting|talks|summit|signed|announced|visit|visited|trip|ceremony|conference|hosted|held)\b/i;

export default function findVenues(options: { registry: Registry }) {
  const registry = options?.registry;
  if (!registry) throw new Error('findVenues: expected a `registry` option with the known venues');
  const findKnown = createMatcher(registry.venues.map((v) => ({ key: v.name, names: [v.name, ...v.aliases] })));
  // Capitalised words that are not places: countries, people, calendar words, organisations.
  const notPlaces = new Set([
    ...registry.countries.flatMap((c) => [c.name, ...c.aliases]),
    ...registry.people.flatMap((p) => [p.name, ...p.aliases]),
    ...registry.organisationWords,
    ...'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An This That His Her Its Their'.split(' '),
  ]);

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
      const found = matchesOf(discovered, s.text);
      if (eventWords.test(s.text)) {
        const people = (file.data.personMentions ?? []).filter((p) => p.sentence === i);
        for (const m of matchesOf(city, s.text)) {
          const index = m.index + m[0].lastIndexOf(m[1]!);
          if (m[1]!.split(/\s+/).some((w) => notPlaces.has(w)) || people.some((p) => p.index <= index && index < p.end)) continue;
          found.push(m);
        }
      }
      for (const m of found) {
        const index = m.index + m[0].lastIndexOf(m[1]!);
        // A full stop after a lower-case letter ends the sentence, not an abbreviation.
        const place = m[1]!.trim().replace(/(\p{Ll})\.$/u, '$1');
        const end = index + place.length;
        if (findKnown(place).length || known.some((k) => k.index < end && index < k.end)) continue;
        if (/['’]s\b/.test(place) || venueNounOnly.test(place)) continue;
        add(place, false, i, index, end);
      }
    });
    file.data.venues = [...venues.values()];
    file.data.venueMentions = mentions.sort((a, b) => a.sentence - b.sentence || a.index - b.index);
  };
}
