import type { SiteInput } from '../../src/site/model.ts';
import { buildStory } from '../../src/story/index.ts';
import type { ArticleRecord, EventRecord, Evidence, PersonRecord, TariffRecord } from '../../src/types.ts';

// Small hand-made records for unit tests of the site model.

export const ev = (text: string, line = 1): Evidence => ({ text, line });

export function article(file: string, fields: Partial<ArticleRecord> = {}): ArticleRecord {
  const paragraphs = fields.paragraphs ?? [];
  return {
    file,
    slug: fields.slug ?? file.replace(/\.txt$/, ''),
    title: file,
    titleFrom: 'front-matter',
    published: null,
    publishedPrecision: null,
    publishedFrom: null,
    source: null,
    sourceFrom: null,
    author: null,
    authorFrom: null,
    url: null,
    body: paragraphs.map((p) => p.text).join('\n\n'),
    paragraphs,
    removed: [],
    people: [],
    tariffs: [],
    deadlines: [],
    venues: [],
    events: [],
    messages: [],
    ...fields,
  };
}

export function person(name: string, fields: Partial<PersonRecord> = {}): PersonRecord {
  return { id: name.toLowerCase().replace(/\W+/g, '-'), name, role: null, roles: [], country: null, known: true, evidence: [], quotes: [], ...fields };
}

export function tariff(rate: number, scope: string, fields: Partial<TariffRecord> = {}): TariffRecord {
  return { id: `${rate}-percent-${scope.replace(/ /g, '-')}`, rate, scope, target: 'Japan', status: 'in effect', from: null, evidence: [], ...fields };
}

export function event(type: EventRecord['type'], date: string | null, participants: string[], fields: Partial<EventRecord> = {}): EventRecord {
  return {
    type,
    date,
    precision: date === null ? null : date.length === 7 ? 'month' : 'day',
    dateInferred: false,
    participants,
    venue: null,
    status: 'happened',
    details: {},
    evidence: [],
    ...fields,
  } as EventRecord;
}

/** Records with the story they tell, as the build hands them to the site model. */
export const archiveOf = (records: ArticleRecord[]): SiteInput => ({ records, story: buildStory(records) });
