// Every record the archive builds, in one place. Extraction steps fill these
// in `file.data`; the extract command prints them; the site renders them.

/** How exact a date is. A `week` date is the Monday that starts the week. */
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** A date as precise as the source allows: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export interface FuzzyDate {
  value: string;
  precision: DatePrecision;
}

/** The sentence a fact was read from, and the seed-file line it starts on. */
export interface Evidence {
  text: string;
  line: number;
}

/** Where a piece of metadata came from. */
export type Provenance = 'front-matter' | 'headline' | 'byline' | 'dateline' | 'masthead' | 'copyright' | 'file-name';

export type RemovedKind =
  | 'site-chrome'
  | 'headline'
  | 'byline'
  | 'dateline'
  | 'copyright'
  | 'comments'
  | 'related'
  | 'headline-list'
  | 'share'
  | 'advert'
  | 'caption'
  | 'blank';

/** A run of lines the boilerplate step took out of the article. */
export interface RemovedBlock {
  kind: RemovedKind;
  lines: [number, number];
  text: string;
}

/** A paragraph of the cleaned article and the line it starts on. */
export interface Paragraph {
  line: number;
  text: string;
}

/** A sentence of the cleaned article: the unit every fact cites. */
export interface Sentence extends Evidence {
  /** Index of the paragraph it belongs to. */
  paragraph: number;
}

export interface Quote {
  text: string;
  evidence: Evidence;
}

export interface PersonRecord {
  /** Stable slug, e.g. `ryosei-akazawa`. */
  id: string;
  name: string;
  /** The first role the article gives, as worded there. */
  role: string | null;
  roles: string[];
  country: string | null;
  /** Listed in the curator's registry, or found by extraction alone. */
  known: boolean;
  evidence: Evidence[];
  quotes: Quote[];
}

export type TariffStatus = 'in effect' | 'threatened' | 'scheduled' | 'paused' | 'agreed' | 'lifted';

export interface TariffRecord {
  /** Stable slug, e.g. `25-percent-autos`. */
  id: string;
  rate: number;
  /** A scope name from the registry (`autos`, `reciprocal`, `all goods` …). */
  scope: string;
  /** The country whose goods it hits, when the article says. */
  target: string | null;
  status: TariffStatus;
  /** The rate before a stated change ("to 25% from 10%"). */
  from: number | null;
  evidence: Evidence[];
}

export interface DeadlineRecord {
  /** `YYYY-MM-DD` (day or week) or `YYYY-MM` (month); null when unresolved. */
  date: string | null;
  precision: DatePrecision | null;
  /** What must happen by then, in the article's words. */
  what: string;
  /** The tariff the sentence ties to the deadline, by id. */
  tariff: string | null;
  evidence: Evidence[];
}

export interface VenueRecord {
  /** Stable slug, e.g. `white-house`. */
  id: string;
  name: string;
  known: boolean;
  evidence: Evidence[];
}

export type EventType = 'meeting' | 'call' | 'summit' | 'visit' | 'election' | 'deal' | 'ceremony';

export interface EventRecord {
  type: EventType;
  date: string | null;
  precision: DatePrecision | null;
  /** True when the date came from context (another event, "earlier in the day"). */
  dateInferred: boolean;
  /** Person names, as in the article's `people`. */
  participants: string[];
  /** Venue name, as in the article's `venues`. */
  venue: string | null;
  status: 'happened' | 'planned';
  /** Details the article gives, e.g. a duration ("30-minute"). */
  details: { duration?: string };
  evidence: Evidence[];
}

/** A problem found while reading a seed, positioned like a vfile message. */
export interface RecordMessage {
  line: number | null;
  column: number | null;
  reason: string;
  ruleId: string | null;
  fatal: boolean;
}

export interface ArticleRecord {
  /** The seed path as given to the pipeline. */
  file: string;
  /** Stable slug for the article's page. */
  slug: string;
  title: string | null;
  titleFrom: Provenance | null;
  published: string | null;
  publishedPrecision: DatePrecision | null;
  publishedFrom: Provenance | null;
  source: string | null;
  sourceFrom: Provenance | null;
  author: string | null;
  authorFrom: Provenance | null;
  url: string | null;
  /** Clean article text, paragraphs separated by a blank line. */
  body: string;
  paragraphs: Paragraph[];
  removed: RemovedBlock[];
  people: PersonRecord[];
  tariffs: TariffRecord[];
  deadlines: DeadlineRecord[];
  venues: VenueRecord[];
  events: EventRecord[];
  messages: RecordMessage[];
}

// The curator's registry of known people, places and tariff scopes
// (`data/registry.yaml`), after validation.

export interface KnownPerson {
  name: string;
  aliases: string[];
  country: string | null;
  roles: string[];
}

export interface KnownVenue {
  name: string;
  aliases: string[];
}

export interface KnownCountry {
  name: string;
  /** Words that stand for the country: adjectives, possessives, capitals used as metonyms. */
  aliases: string[];
}

export interface KnownScope {
  name: string;
  aliases: string[];
}

export interface Registry {
  people: KnownPerson[];
  venues: KnownVenue[];
  countries: KnownCountry[];
  scopes: KnownScope[];
  /** Words that, capitalised before a name, make it a role: Secretary, Minister … */
  titles: string[];
  /** Words that mark a capitalised phrase as an organisation, not a person. */
  organisationWords: string[];
}
