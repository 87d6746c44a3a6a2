import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { compareFuzzy } from '../dates/calendar.ts';
import { isDeadlineMention } from '../dates/deadline-context.ts';
import { findDateMentions, type DateMention } from '../dates/mentions.ts';
import { tenseAt } from '../dates/tense.ts';
import { clauseAt } from '../text/clauses.ts';
import type { EventRecord, EventType, Registry, Sentence } from '../types.ts';
import { referenceDay } from './deadlines.ts';
import { matchesOf } from '../text/matches.ts';

declare module 'vfile' {
  interface DataMap {
    events: EventRecord[];
  }
}

interface Trigger {
  type: EventType;
  index: number;
  end: number;
  /** Weak triggers ("talks", "negotiations") make an event only with a date or a place. */
  weak: boolean;
}

// The deal pattern is slow to fail and every match of it names one of these words.
const dealWords = /deal|agreement|accord|pact/i;

const triggerPatterns: [RegExp, EventType, boolean][] = [
  [/\b(?:phone|telephone|video|virtual)[- ](?:calls?|talks|discussions|conversations?|conference|meeting)\b|\bvideoconference\b|\b(?:by|over the) (?:phone|telephone)\b|\bphoned\b|\bcalls?\b(?!\s+(?:for|on)\b)/gi, 'call', false],
  [/\bsummit\b/gi, 'summit', false],
  [/\b(?:(?:upper|lower)[- ]house |general |leadership |parliamentary |presidential |snap )?elections?\b|\bleadership (?:race|contest|vote)\b/gi, 'election', false],
  [/\bceremony\b/gi, 'ceremony', false],
  [/\b(?:reached|struck|signed|sealed|clinched|announced|finalized|finalised|concluded) (?:a |an |the )?(?:["“‘']?[\p{L}-]+["”’']? ){0,2}(?:deal|agreement|accord|pact)\b|\b(?:deal|agreement|accord|pact) (?:was|has been|had been) (?:reached|struck|signed|sealed|announced)\b/giu, 'deal', false],
  [/\b(?:visit(?:s|ed|ing)?|trip|travel(?:s|ed|led|ing)? to|head(?:s|ed|ing)? (?:back )?to|fl(?:y|ew|ies) to|arrival in|arrived in|returned to|toured)\b/gi, 'visit', false],
  [/\b(?:met|meets?|meeting|meetings|sat down with|hosted|hosting|hosts|dinner|lunch|luncheon|breakfast)\b/gi, 'meeting', false],
  [/\b(?:talks|discussions|negotiations|consultations)\b/gi, 'meeting', true],
];

const durationPattern = /\b((?:over |more than |nearly |about |around |roughly |some )?(?:\d+|an?|one|two|three|four|five|six|ninety|forty|thirty|half an)[- ](?:minutes?|hours?|hour-long|minute)(?: long)?)\b/i;
const plannedCue = /\b(anticipated|planned|planning|plans?|expected|upcoming|will|would|aims?|aiming|hopes?|hoping|set to|scheduled|due to|soon|next|later|proposed)\b(?:\s+[\p{L}.-]+){0,2}\s*$/iu;

function triggersIn(text: string): Trigger[] {
  const found: Trigger[] = [];
  for (const [pattern, type, weak] of triggerPatterns) {
    if (type === 'deal' && !dealWords.test(text)) continue;
    for (const m of matchesOf(pattern, text)) {
      const t = { type, index: m.index, end: m.index + m[0].length, weak };
      if (!found.some((f) => f.index < t.end && t.index < f.end)) found.push(t);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "The call", "that meeting": a trigger that points back at an event already told. */
const isAnaphoric = (text: string, t: Trigger) => /\b(the|that|this|those|their)\s+(?:[\p{L}-]+\s+)?$/iu.test(text.slice(Math.max(0, t.index - 30), t.index));

/** Whom "he" or "she" stands for: the first person named in the latest sentence that names one. */
function subjectBefore(mentions: { person: string; sentence: number; index: number }[], sentence: number): string | null {
  const earlier = mentions.filter((m) => m.sentence < sentence);
  const latest = earlier.at(-1)?.sentence;
  return earlier.find((m) => m.sentence === latest)?.person ?? null;
}

// What a date written before a noun can date instead of the sentence's event: "the July 22 deal", "the July 7 letter".
const otherThing = /^\s+(?:deal|agreement|accord|pact|announcement|letter|statement|order|framework|truce|pause|decision|ultimatum|post|tariffs?|levy|duty|duties)\b/i;

/** "the July 22 deal": the date belongs to the deal, not to the visit the sentence tells. */
const datesAnotherThing = (text: string, d: DateMention) =>
  otherThing.test(text.slice(d.index + d.text.length)) && /\b(?:the|a|an|its|his|her|their|this|last|that)\s+$/i.test(text.slice(0, d.index));

/** "officials said on Thursday", "he told reporters on Monday": the day of the telling. */
const isTellingDay = (text: string, d: DateMention) =>
  /\b(?:said|says|told (?:reporters|journalists|lawmakers|the [\p{L}]+|\p{Lu}[\p{L}]+)|added|according to [^,;]{1,40}?)\s+(?:on\s+|late\s+|early\s+)?$/iu.test(text.slice(0, d.index));

function nearestTrigger(triggers: Trigger[], index: number): Trigger | undefined {
  const distance = (t: Trigger) => (index >= t.end ? index - t.end : t.index - index + 0.5);
  return [...triggers].sort((a, b) => distance(a) - distance(b))[0];
}

const sameTime = (a: EventRecord, b: EventRecord) => a.date === null || b.date === null || (a.date === b.date && a.precision === b.precision);
const subset = (a: string[], b: string[]) => a.every((x) => b.includes(x));

/** Planned or happened: by the date against the article's, else by the verb and cues like "anticipated meeting". */
function statusOf(date: string | null, reference: string | null, tense: 'past' | 'future', before: string): EventRecord['status'] {
  if (date && reference && !reference.startsWith(date)) return compareFuzzy(date, reference) > 0 ? 'planned' : 'happened';
  return tense === 'future' || plannedCue.test(before) ? 'planned' : 'happened';
}

/** Two records of one event in one article: same kind, compatible date and place, one's people among the other's. */
function mergeable(a: EventRecord, b: EventRecord): boolean {
  if (a.type !== b.type || a.status !== b.status || !sameTime(a, b)) return false;
  // A morning call and an evening call are two calls.
  if (a.details.timeOfDay && b.details.timeOfDay && a.details.timeOfDay !== b.details.timeOfDay) return false;
  if (a.venue && b.venue && a.venue !== b.venue) return false;
  if (a.date === null && b.date === null && a.participants.length === 0 && b.participants.length === 0) return true;
  if (!a.participants.length || !b.participants.length) return a.type === 'summit' || a.type === 'election';
  return subset(a.participants, b.participants) || subset(b.participants, a.participants);
}

/** The meetings, calls, summits, visits, elections, deals and ceremonies an article reports. */
export default function findEvents(options: { registry: Registry }) {
  if (!options?.registry) throw new Error('findEvents: expected a `registry` option');
  return (_tree: Root, file: VFile) => {
    const reference = referenceDay(file);
    const sentences = file.data.sentences ?? [];
    const personMentions = file.data.personMentions ?? [];
    const venueMentions = file.data.venueMentions ?? [];
    const events: EventRecord[] = [];
    let lastDated: EventRecord | null = null;

    const record = (event: EventRecord) => {
      const twin = events.find((e) => mergeable(e, event));
      if (twin) {
        for (const p of event.participants) if (!twin.participants.includes(p)) twin.participants.push(p);
        twin.venue ??= event.venue;
        if (twin.date === null && event.date !== null) Object.assign(twin, { date: event.date, precision: event.precision, dateInferred: event.dateInferred });
        twin.details = { ...event.details, ...twin.details };
        twin.dateText ??= event.dateText;
        for (const e of event.evidence) if (!twin.evidence.some((x) => x.line === e.line && x.text === e.text)) twin.evidence.push(e);
        return twin;
      }
      events.push(event);
      return event;
    };

    sentences.forEach((s: Sentence, i) => {
      const text = s.text;
      const triggers = triggersIn(text);
      if (!triggers.length) {
        // "The conversation lasted about 45 minutes": a detail of the event just told.
        const duration = durationPattern.exec(text)?.[1];
        const last = events.at(-1);
        if (duration && last && /\b(conversation|exchange|discussion|session|talk)\b/i.test(text) && !last.details.duration) {
          last.details.duration = duration;
          last.evidence.push({ text, line: s.line });
        }
        return;
      }
      // "his eighth trip since April" dates a count, not the event; "the July 22 deal" dates the deal.
      const dates = findDateMentions(text, reference).filter(
        (d) => !isDeadlineMention(text, d) && !/\bsince\s+$/i.test(text.slice(0, d.index)) && !datesAnotherThing(text, d),
      );
      const people = personMentions.filter((m) => m.sentence === i);
      const places = venueMentions.filter((m) => m.sentence === i);
      const subject =
        people[0] && people[0].index < triggers[0]!.index
          ? people[0].person
          : /\b(he|she)\b/i.test(text.slice(0, triggers[0]!.index))
            ? subjectBefore(personMentions, i)
            : null;

      triggers.forEach((t, k) => {
        const own = <T extends { index: number }>(items: T[]) => items.filter((x) => nearestTrigger(triggers, x.index) === t);
        const owned = own(dates);
        // The day something was said dates the event only when nothing else in the sentence does.
        const told = owned.filter((d) => isTellingDay(text, d));
        const myDates: (DateMention | null)[] = told.length < owned.length ? owned.filter((d) => !told.includes(d)) : owned;
        // "the G7 summit in Canada" names a summit and is the place of the meeting beside it.
        const inside = (x: { index: number; end: number }, tr: Trigger) => tr.index >= x.index && tr.end <= x.end;
        const sameClause = (p: { index: number }) => clauseAt(text, p.index).start === clauseAt(text, t.index).start;
        const myPlace =
          places.find(
            (p) =>
              inside(p, t) ||
              (nearestTrigger(triggers.filter((tr) => !inside(p, tr)), p.index) === t && (!triggers.some((tr) => inside(p, tr)) || (t.type !== 'call' && sameClause(p)))),
          )?.venue ?? null;
        const from = k === 0 ? 0 : triggers[k - 1]!.end;
        const to = k === triggers.length - 1 ? text.length : triggers[k + 1]!.index;
        let participants = people
          .filter((p) => p.index >= from && p.index < to)
          // "Trump's criticism" names Trump without putting him at the event.
          .filter((p) => !/^['’]s\s+(?!(?:[\p{L}-]+\s+){0,2}(?:meeting|meetings|visit|call|talks|trip|arrival))/u.test(text.slice(p.end)))
          .map((p) => p.person);
        if (subject && !participants.includes(subject)) participants.unshift(subject);
        // "the two ministers" are the two people of the event told just before.
        if (/\bthe two (?:ministers|leaders|men|women|officials|negotiators|counterparts|sides)\b/i.test(text.slice(from, to)) && events.length) {
          for (const p of events.at(-1)!.participants) if (!participants.includes(p)) participants.push(p);
        }
        participants = [...new Set(participants)];
        if (t.type === 'election') participants = [];

        // "The call lasted 40 minutes": more about an event already told, never a new one.
        if (isAnaphoric(text, t) && !myDates.length) {
          const sameType = [...events].reverse().filter((e) => e.type === t.type);
          const shared = sameType.find((e) => participants.some((p) => e.participants.includes(p)) || (myPlace !== null && e.venue === myPlace));
          // "The timing of the discussions" may mean the talks in general; only a named call or meeting is surely the last one.
          const earlier = shared ?? (t.weak ? undefined : sameType[0]);
          if (earlier) {
            if (!earlier.evidence.some((e) => e.line === s.line && e.text === s.text)) earlier.evidence.push({ text, line: s.line });
            earlier.venue ??= myPlace;
            const segment = text.slice(from, to);
            earlier.details.duration ??= durationPattern.exec(segment)?.[1];
            if (earlier.details.duration === undefined) delete earlier.details.duration;
          }
          return;
        }
        // "the tariff talks in April" are the negotiations at large; talks between two named people are an event.
        if (t.weak && ((!myDates.length && !myPlace) || participants.length < 2)) return;
        // "meet U.S. timelines" meets nobody: a meeting needs two people, a date or a place.
        if (t.type === 'meeting' && participants.length < 2 && !myDates.length && !myPlace) return;
        if (!myDates.length) myDates.push(null);

        for (const mention of myDates) {
          let date = mention?.date ?? null;
          // Read against a date inferred for the article, a weekday's date is inferred too.
          let dateInferred = file.data.meta?.publishedFrom === 'inferred' && mention !== null && mention.kind !== 'absolute';
          if (mention?.kind === 'same-day' && lastDated?.date) date = { value: lastDated.date, precision: lastDated.precision! };
          const tense = mention?.tense ?? tenseAt(text, t.index);
          if (!mention && (t.type === 'meeting' || t.type === 'call') && lastDated?.date && lastDated.precision === 'day' && tense === 'past' && !/\b(will|planned|planning|plans|expected|upcoming|next|later)\b/i.test(text) && sentences[i]!.paragraph === paragraphOf(lastDated)) {
            date = { value: lastDated.date, precision: 'day' };
            dateInferred = true;
          }
          const status = statusOf(date?.value ?? null, reference, tense, text.slice(Math.max(0, t.index - 25), t.index));
          const segment = text.slice(from, to);
          const duration = durationPattern.exec(segment)?.[1];
          const timeOfDay = /\b(morning|afternoon|evening|night)\b/i.exec(segment)?.[1]?.toLowerCase();
          const event = record({
            type: t.type,
            date: date?.value ?? null,
            precision: date?.precision ?? null,
            dateInferred,
            participants,
            venue: myPlace,
            status,
            dateText: mention?.text ?? null,
            details: { ...(duration && { duration }), ...(timeOfDay && { timeOfDay }) },
            evidence: [{ text, line: s.line }],
          });
          if (event.date && event.precision === 'day' && !dateInferred) lastDated = event;
        }
      });
    });

    function paragraphOf(event: EventRecord): number | undefined {
      const line = event.evidence[0]?.line;
      return sentences.find((s) => s.line === line)?.paragraph;
    }
    file.data.events = events;
  };
}
