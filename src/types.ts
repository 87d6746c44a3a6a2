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
export type Provenance = 'front-matter' | 'headline' | 'byline' | 'dateline' | 'masthead' | 'copyright' | 'file-name' | 'inferred';

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
  /** An embedded video or audio player: its marker, title and show. */
  | 'media'
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

/** What an event is, whether one article reports it or the story merges several reports. */
export interface EventFacts {
  type: EventType;
  date: string | null;
  precision: DatePrecision | null;
  /** True when the date came from context (another event, "earlier in the day"). */
  dateInferred: boolean;
  /** Person names, as in the articles' `people`. */
  participants: string[];
  /** Venue name, as in the articles' `venues`. */
  venue: string | null;
  status: 'happened' | 'planned';
}

export interface EventRecord extends EventFacts {
  /** The date as the article words it ("on Saturday"), for checking and for dating undated articles. */
  dateText: string | null;
  /** Details the article gives: a duration ("30-minute"), a time of day ("evening"). */
  details: { duration?: string; timeOfDay?: string };
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

/** An article's title, date, outlet and author, each with where it was read. */
export interface ArticleMeta {
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
}

export interface ArticleRecord extends ArticleMeta {
  /** The seed path as given to the pipeline. */
  file: string;
  /** Stable slug for the article's page. */
  slug: string;
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

// ---------------------------------------------------------------------------
// Site
//
// The model the static site renders, built by `src/site/` from the records
// and the story they tell (below). Nothing here is extracted: every field is
// derived from those, so a page never reads a seed. Refs are small copies rather
// than shared objects so the model stays a tree (Eleventy clones its data).

/** An article as other pages point at it. */
export interface SiteArticleRef {
  /** Unique across the site, and kept when articles are added. */
  slug: string;
  title: string;
  source: string | null;
  published: FuzzyDate | null;
  /** True when the article gives no date and `published` was inferred from the events it reports. */
  publishedInferred: boolean;
}

export interface SitePersonRef {
  /** Null when an event names someone the article's people list lacks. */
  id: string | null;
  name: string;
}

export interface SiteTariffRef {
  id: string;
  /** e.g. "25% on autos". */
  label: string;
}

export interface SiteVenueRef {
  id: string;
  name: string;
}

export interface SiteDeadlineRef {
  id: string;
  date: FuzzyDate | null;
  /** What is due, in the fullest words an article gives. */
  what: string;
}

/** A sentence cited as evidence, and the anchor of its `<mark>` on the article page. */
export interface SiteEvidence extends Evidence {
  mark: string | null;
}

/** Where one article supports a fact. */
export interface SiteCitation {
  article: SiteArticleRef;
  evidence: SiteEvidence[];
}

/** One value as some of the articles give it; where they give different values, each is kept. */
export interface SiteVersion<T> {
  value: T;
  sources: SiteArticleRef[];
}

export interface SiteEvent {
  /** Anchor of its timeline entry. */
  id: string;
  /** The timeline page and anchor of its entry; null for an undated event, which has none. */
  timelineUrl: string | null;
  type: EventType;
  date: FuzzyDate | null;
  dateInferred: boolean;
  status: 'happened' | 'planned';
  participants: SitePersonRef[];
  /** Each place the reports give, with the articles that give it; more than one is a disagreement. */
  venues: SiteVersion<{ id: string | null; name: string }>[];
  /** Durations and times of day ("about 40 minutes", "evening"), with the articles that give them. */
  details: SiteVersion<string>[];
  /** Every article that reports it, oldest first. */
  sources: SiteCitation[];
}

/** Facts as listed on an article page; `n` is the number its sentences point at. */
export interface SiteFact {
  n: number;
  evidence: SiteEvidence[];
}

export interface SiteArticleFacts {
  people: (SiteFact & { person: SitePersonRef; roles: string[]; country: string | null })[];
  tariffs: (SiteFact & { tariff: SiteTariffRef; status: TariffStatus; from: number | null; target: string | null })[];
  deadlines: (SiteFact & { deadline: SiteDeadlineRef; what: string; tariff: SiteTariffRef | null })[];
  venues: (SiteFact & { venue: SiteVenueRef })[];
  /** `event` is the story's event this report belongs to; `others` the other articles that report it. */
  events: (SiteFact & { event: SiteEvent; others: SiteArticleRef[] })[];
}

/** Where the events an undated article reports place it. */
export interface SitePlacement {
  /** The first and last day it could have been written on. */
  from: FuzzyDate;
  to: FuzzyDate;
  /** The events that place it. */
  events: SiteEvent[];
}

export interface SiteArticle extends SiteArticleRef {
  file: string;
  author: string | null;
  /** The original's address, only when it is http(s). */
  url: string | null;
  urlHost: string | null;
  /** Article text escaped, then evidence sentences wrapped in `<mark>`: safe to insert as HTML. */
  paragraphs: { html: string }[];
  facts: SiteArticleFacts;
  /** Set when `publishedInferred`. */
  placement: SitePlacement | null;
  removed: RemovedBlock[];
  messages: RecordMessage[];
}

export interface SitePerson {
  id: string;
  name: string;
  country: string | null;
  known: boolean;
  /** The wording most articles use (the latest on a tie). */
  role: string | null;
  roles: { text: string; articles: SiteArticleRef[] }[];
  /** Oldest first. */
  articles: SiteArticleRef[];
  /** The oldest and newest dated articles that name them. */
  first: SiteArticleRef | null;
  last: SiteArticleRef | null;
  /** In date order; undated ones last. */
  events: SiteEvent[];
  /** People they met, called or visited with, by the events that say so. */
  contacts: { person: SitePersonRef; events: SiteEvent[] }[];
  quotes: { text: string; citation: SiteCitation }[];
}

export interface SiteTariffState {
  status: TariffStatus;
  from: number | null;
  citation: SiteCitation;
}

/** Articles of one week that give one tariff different rates with the same status; none is picked. */
export interface SiteTariffDisagreement {
  /** e.g. "reciprocal tariff on goods from Japan". */
  what: string;
  status: TariffStatus;
  /** The earliest date any of its articles gives. */
  firstReported: FuzzyDate | null;
  versions: SiteVersion<{ rate: number; tariff: SiteTariffRef }>[];
}

export interface SiteTariff extends SiteTariffRef {
  rate: number;
  scope: string;
  target: string | null;
  /** What each article said of it, oldest article first. */
  history: SiteTariffState[];
  deadlines: SiteDeadlineRef[];
  /** The disagreements that give this tariff's rate as one version. */
  disagreements: SiteTariffDisagreement[];
}

export interface SiteVenue extends SiteVenueRef {
  known: boolean;
  mentions: SiteCitation[];
  events: SiteEvent[];
}

export interface SiteDeadline extends SiteDeadlineRef {
  mentions: { what: string; tariff: SiteTariffRef | null; citation: SiteCitation }[];
  /** Each tariff the mentions tie it to, once. */
  tariffs: SiteTariffRef[];
  /** As `SiteEvent.timelineUrl`. */
  timelineUrl: string | null;
}

/** The deadline next after a timeline entry. */
export interface SiteUpcoming {
  deadline: SiteDeadlineRef;
  /** Days from the entry to the deadline, fewest and most: equal when both dates are days, apart when one is a week or month. */
  days: { min: number; max: number };
}

/** `upcoming` is the next deadline where the entry shows a note of it, in reading order: first in its month, first past a milestone, or differing from the entry before. */
export type TimelineEntry =
  | { kind: 'event'; id: string; date: FuzzyDate; event: SiteEvent; upcoming: SiteUpcoming | null }
  | { kind: 'article'; id: string; date: FuzzyDate | null; article: SiteArticleRef; upcoming: SiteUpcoming | null }
  | { kind: 'deadline'; id: string; date: FuzzyDate; deadline: SiteDeadline };

/** Entries of one month: `key` is `YYYY-MM`, `YYYY` for entries known only to the year, `undated` for the rest. */
export interface MonthGroup<T> {
  key: string;
  label: string;
  entries: T[];
}

export type TimelineMonth = MonthGroup<TimelineEntry>;

// Long lists are split so that no page grows too heavy to load on a phone:
// by month where the list is in date order; an entity's lists into runs,
// each on a page named by the date it starts from (`EntityPage`).

/** One page of a list split by month: a whole month, part of a big one, or everything when the list is short. */
export interface MonthPart<T> {
  /** Unique within its list: the month key, with `-2`, `-3`… for a big month's later pages. */
  key: string;
  /** "July 2025", "July 2025, part 2 of 3", or "All" for an unsplit list. */
  label: string;
  url: string;
  months: MonthGroup<T>[];
  /** The parts either side, in reading order. */
  previous: { label: string; url: string } | null;
  next: { label: string; url: string } | null;
}

/** Links to every part of a split list, by year. */
export interface PartsNav {
  years: { year: string; parts: { label: string; url: string }[] }[];
}

export interface SplitList<T> {
  parts: MonthPart<T>[];
  /** Empty when the list is one page. */
  nav: PartsNav;
}

/** One run of an entity's list on one of its pages. */
export interface ListSlice<T> {
  items: T[];
  /** On the first page only (see `EntityPage`): the length of the whole list. */
  total: number | null;
}

/**
 * One page of an entity (a person, tariff, venue or deadline) whose lists run
 * over several pages. The first page has the whole entity and the first run
 * of every list; each later run of a list has a page of its own, named by the
 * date of its first entry, with the entity's heading and that run alone. A
 * page is found by what it holds, not by its position, so that a new article
 * changes the runs it joins and not every page after them.
 */
export interface EntityPage<E, L extends string, H = Partial<E>> {
  /** What every page shows: the name, and what does not change as articles come. */
  heading: H;
  /** On the first page only. */
  item: E | null;
  url: string;
  /** The list a later page continues; null on the first page. */
  list: L | null;
  /** What names a later page; null on the first page. */
  run: RunName | null;
  /** On a later page, every list but its own is empty. */
  lists: Record<L, ListSlice<unknown>>;
  /** Links to the later pages of each list that has them; a later page has only its own list's. */
  pagers: Partial<Record<L, Pager>>;
}

/**
 * A later page of an entity's list is named by the date of its first entry.
 * Runs after the first that start on the same date, or with no date, are
 * "continued": numbering them would rename them all when one is added.
 */
export interface RunName {
  from: FuzzyDate | null;
  /** A tag of the key of the run's first entry, which finds that entry's page in a later build (`RunAnchor`). */
  start: string;
  continued: boolean;
  /** For links: "5 July 2025", "5 July 2025, continued", "no date". */
  label: string;
}

/**
 * Where a later page of an entity's list stood: the list, the entry its run
 * started with and that entry's date. Kept from build to build, so that an address the site
 * once published can be followed to the page that holds its entries now.
 */
export interface RunAnchor {
  /** The entity's first page. */
  first: string;
  list: string;
  from: FuzzyDate | null;
  /** `RunName.start`. */
  start: string;
}

/**
 * What a deployed site published, as the next build reads it back from the
 * site (`src/site/published-addresses.ts`), so that each of its addresses
 * keeps answering.
 */
export interface PublishedAddresses {
  /** The later pages of entities' lists, by address. */
  anchors: Record<string, RunAnchor>;
  /** The parts of the lists cut by month (`/timeline/2025-07-2/`), and `/tariffs/reports/`. */
  parts: string[];
  /** The slug each article, person, tariff, venue and deadline had, so that it keeps it. */
  slugs: SiteSlugs;
}

export type SlugKind = 'articles' | 'people' | 'tariffs' | 'venues' | 'deadlines';

/** Slugs by what they name: an article's seed file, a person's canonical name, a tariff's or deadline's grouping key, a venue's name. */
export type SiteSlugs = Record<SlugKind, Record<string, string>>;

/**
 * An address with no page of its own that sends the reader on: a page an
 * earlier build published and this one has not (a later page of an entity's
 * list named otherwise, since an entry added at the start of its run changes
 * the date it starts from; a month's part gone with removed articles), or a
 * list's own folder (`/people/x/events/`), which leads to the list on the
 * entity's first page; or an address of an article or entity no longer in
 * the archive, which says so.
 */
export interface MovedPage {
  url: string;
  /** Where to, with a fragment when it is a page that holds more than that list or month. */
  to: string;
  /** What is there, for the link: "events of Scott Bessent from 5 July 2025", "the timeline for July 2025". */
  label: string;
  /**
   * `page`: what a page held is elsewhere now; `folder`: a list's folder, which
   * leads to where the list starts; `gone`: what was here is no longer in the
   * archive, and `to` is the index of its kind, linked, not followed.
   */
  kind: 'page' | 'folder' | 'gone';
}

/**
 * Links to the later pages of one list of an entity. The first page links
 * them all; a later one links the first page and its near neighbours, and
 * says nothing that depends on how many pages there are, so a page added at
 * the end changes only the pages near it.
 */
export interface Pager {
  /** The entity's first page. */
  first: string;
  /**
   * `gapBefore`: pages left out between this link and the one before it (or
   * the first page). Nothing marks pages left out after the last link: a
   * page added at the end would change the page three before it too.
   */
  links: { label: string; url: string; gapBefore: boolean }[];
  /** On a later page only: the page before it (the first page for the first run after it) and after it. */
  previous: string | null;
  next: string | null;
}

export interface TariffChartPoint {
  tariff: SiteTariffRef;
  rate: number;
  status: TariffStatus;
  date: FuzzyDate;
  article: SiteArticleRef;
}

export interface TariffChart {
  /** Inline SVG built from escaped text, one per layout (the stylesheet shows the one that fits); none when no rate on Japanese goods is known. */
  drawings: { layout: 'wide' | 'narrow'; svg: string }[];
  /** The chart's text equivalent, one row per report. */
  points: TariffChartPoint[];
  /** Days each mark covers: 1 when each report has its own mark, more on a large archive. */
  markDays: number;
  /** Tariffs too little reported to get a series of their own when there are many. */
  tariffsLeftOut: number;
  /** Each tariff's marker: `series` picks its colour class, `marker` is an SVG path at (8, 8). */
  legend: { tariff: SiteTariffRef; series: number; marker: string }[];
}

export interface SiteModel {
  title: string;
  /** Origin the site is served from, no trailing slash; feeds and the sitemap need absolute URLs. */
  siteUrl: string;
  /** Oldest first. */
  articles: SiteArticle[];
  people: SitePerson[];
  tariffs: SiteTariff[];
  tariffDisagreements: SiteTariffDisagreement[];
  venues: SiteVenue[];
  deadlines: SiteDeadline[];
  /** The story's events, one per event however many articles report it. */
  events: SiteEvent[];
  timeline: TimelineMonth[];
  /** The same entries, newest first. */
  newest: TimelineMonth[];
  /** What the timeline's opening paragraph and who's who say, on each of its pages. */
  intro: {
    articles: number;
    first: Pick<SiteArticleRef, 'published' | 'publishedInferred'> | null;
    last: Pick<SiteArticleRef, 'published' | 'publishedInferred'> | null;
    /** The most-reported people. */
    people: Pick<SitePerson, 'id' | 'name' | 'role'>[];
  };
  /** The timeline as pages, in each reading order. */
  timelinePages: SplitList<TimelineEntry>;
  newestPages: SplitList<TimelineEntry>;
  articlePages: SplitList<SiteArticle>;
  /** The chart's table of reports as pages. */
  chartTablePages: SplitList<TariffChartPoint>;
  /** The deadlines index as pages, by the month each deadline falls in. */
  deadlineIndexPages: SplitList<SiteDeadline>;
  personPages: EntityPage<SitePerson, 'events' | 'quotes' | 'articles', Pick<SitePerson, 'id' | 'name' | 'known'>>[];
  tariffPages: EntityPage<SiteTariff, 'history' | 'disagreements', Pick<SiteTariff, 'id' | 'label' | 'rate' | 'scope' | 'target'>>[];
  venuePages: EntityPage<SiteVenue, 'events' | 'mentions', Pick<SiteVenue, 'id' | 'name'>>[];
  deadlinePages: EntityPage<SiteDeadline, 'mentions', Pick<SiteDeadline, 'id' | 'date' | 'what' | 'timelineUrl'>>[];
  /** Addresses that point on to a page (see `MovedPage`). */
  movedPages: MovedPage[];
  /** The slug everything in this build holds, which later builds keep (`PublishedAddresses.slugs`). */
  slugs: SiteSlugs;
  chart: TariffChart;
  /** Latest article date, as an Atom timestamp. */
  updated: string;
}

// The story: facts merged across articles. Each merged fact keeps every
// article that reports it; where articles disagree, each version is kept
// with its sources instead of one being picked.

/** One value as some articles give it. `sources` are the articles' seed files. */
export interface Version<T> {
  value: T;
  sources: string[];
}

export interface EventReport {
  /** Seed file of the article that reports the event. */
  article: string;
  event: EventRecord;
}

/** An event of the story; `venue` is the place every report agrees on, null when none gives one or they disagree. */
export interface StoryEvent extends EventFacts {
  /** Stable slug from date, type and people, e.g. `2025-07-05-call-akazawa-lutnick`. */
  id: string;
  venues: Version<string>[];
  /** Durations and times of day as each report gives them. */
  details: Version<string>[];
  reports: EventReport[];
  /** Fields on which the reports disagree. */
  disagreements: ('venue' | 'date')[];
}

/** Articles that give different rates for one scope at one time. */
export interface TariffDisagreement {
  scope: string;
  target: string | null;
  status: TariffStatus;
  versions: Version<number>[];
}

/** A date inferred for an undated article, and the events that place it. */
export interface InferredDate {
  /** Seed file of the undated article. */
  article: string;
  from: string;
  to: string;
  precision: DatePrecision;
  /** Ids of the story events the inference rests on. */
  basis: string[];
}

export interface Story {
  events: StoryEvent[];
  tariffDisagreements: TariffDisagreement[];
  inferredDates: InferredDate[];
}
