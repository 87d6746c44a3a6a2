import { describe, expect, it } from 'vitest';
import { csvLines } from '../../src/site/csv.ts';
import { datetimeAttribute, formatDate } from '../../src/site/dates.ts';
import { markEvidence } from '../../src/site/evidence-marks.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import type { TimelineEntry } from '../../src/types.ts';
import { archiveOf, article, ev, event, person } from './records.ts';

const options = { title: 'Test', siteUrl: 'https://example.org/' };

describe('dates', () => {
  it('read as precisely as they are known', () => {
    expect(formatDate({ value: '2025-07-22', precision: 'day' })).toBe('22 July 2025');
    expect(formatDate({ value: '2025-07-07', precision: 'week' })).toBe('week of 7 July 2025');
    expect(formatDate({ value: '2025-07', precision: 'month' })).toBe('July 2025');
    expect(formatDate({ value: '2025', precision: 'year' })).toBe('2025');
  });

  it('give weeks as ISO weeks for <time datetime>', () => {
    expect(datetimeAttribute({ value: '2025-07-21', precision: 'week' })).toBe('2025-W30');
    // The week holding 1 January 2025 starts in 2024 and is week 1 of 2025.
    expect(datetimeAttribute({ value: '2024-12-30', precision: 'week' })).toBe('2025-W01');
    expect(datetimeAttribute({ value: '2025-07', precision: 'month' })).toBe('2025-07');
  });
});

describe('timeline', () => {
  const meetingSentence = 'Akazawa met Trump at the White House on Tuesday.';
  const records = [
    article('000_late.txt', {
      published: '2025-07-23',
      publishedPrecision: 'day',
      paragraphs: [{ line: 1, text: `${meetingSentence} A deadline looms on August 1.` }],
      people: [person('Ryosei Akazawa', { evidence: [ev(meetingSentence)] }), person('Donald Trump', { evidence: [ev(meetingSentence)] })],
      events: [
        event('meeting', '2025-07-22', ['Ryosei Akazawa', 'Donald Trump'], { evidence: [ev(meetingSentence)] }),
        event('visit', '2025-07', ['Ryosei Akazawa'], { status: 'planned' }),
        event('meeting', '2025-07-22', ['Ryosei Akazawa'], { dateInferred: true }),
        event('election', null, []),
      ],
      deadlines: [{ date: '2025-08-01', precision: 'day', what: 'tariffs rise', tariff: null, evidence: [ev('A deadline looms on August 1.')] }],
    }),
    article('001_early.txt', {
      published: '2025-06-15',
      publishedPrecision: 'day',
      deadlines: [{ date: '2025-07-07', precision: 'week', what: 'pause ends', tariff: null, evidence: [] }],
    }),
    article('002_undated.txt'),
  ];
  const model = buildSiteModel(archiveOf(records), options);
  const describeEntry = (e: TimelineEntry) => `${e.kind} ${e.date?.value ?? '-'}`;

  it('groups every dated event and every article by month, oldest first, deadlines on their dates', () => {
    expect(model.timeline.map((m) => [m.key, m.label, m.entries.map(describeEntry)])).toEqual([
      ['2025-06', 'June 2025', ['article 2025-06-15']],
      ['2025-07', 'July 2025', ['event 2025-07', 'deadline 2025-07-07', 'event 2025-07-22', 'event 2025-07-22', 'article 2025-07-23']],
      ['2025-08', 'August 2025', ['deadline 2025-08-01']],
      ['undated', 'Date not known', ['article -']],
    ]);
  });

  it('notes the next deadline where it changes: each month, past each milestone, counting days from a week or month as a span', () => {
    const notes = (months: typeof model.timeline) =>
      months
        .flatMap((m) => m.entries)
        .map((e) => (e.kind === 'deadline' ? 'milestone' : e.upcoming ? `${e.upcoming.deadline.id} ${e.upcoming.days.min}–${e.upcoming.days.max}` : null));
    expect(notes(model.timeline)).toEqual([
      'week-of-2025-07-07 22–28',
      // A month-wide date is not wholly before a deadline inside that month.
      '2025-08-01 1–31',
      'milestone',
      // Past the week's milestone the next deadline is said again, then not repeated.
      '2025-08-01 10–10',
      null,
      null,
      'milestone',
      null,
    ]);
    // Read newest first, each note heads its own run of entries.
    expect(notes(model.newest)).toEqual(['milestone', '2025-08-01 9–9', null, null, 'milestone', '2025-08-01 1–31', 'week-of-2025-07-07 22–28', null]);
  });

  it('keeps the inferred-date flag and reads the same timeline backwards for /newest/', () => {
    const inferred = model.timeline.flatMap((m) => m.entries).filter((e) => e.kind === 'event' && e.event.dateInferred);
    expect(inferred).toHaveLength(1);
    expect(model.newest.map((m) => m.key)).toEqual(['2025-08', '2025-07', '2025-06', 'undated']);
    expect(model.newest[1]!.entries.map(describeEntry)[0]).toBe('article 2025-07-23');
  });

  it('links event participants and evidence to their pages and marks', () => {
    const meeting = model.events[0]!;
    expect(meeting.participants).toEqual([
      { id: 'ryosei-akazawa', name: 'Ryosei Akazawa' },
      { id: 'donald-trump', name: 'Donald Trump' },
    ]);
    expect(meeting.sources[0]!.evidence[0]!.mark).toBe('ev-1');
    expect(meeting.sources[0]!.article.slug).toBe('000-late');
  });
});

describe('people', () => {
  const records = [
    article('000.txt', {
      published: '2025-07-23',
      publishedPrecision: 'day',
      people: [
        person('Ryosei Akazawa', { country: 'Japan', roles: ['Japan’s top trade negotiator'], quotes: [{ text: 'We will keep talking', evidence: ev('“We will keep talking,” he said.') }] }),
        person('Howard Lutnick', { roles: ['Commerce Secretary'] }),
        person('Scott Bessent'),
      ],
      events: [
        event('call', '2025-07-20', ['Ryosei Akazawa', 'Howard Lutnick']),
        event('meeting', '2025-07-30', ['Ryosei Akazawa', 'Scott Bessent'], { status: 'planned' }),
      ],
    }),
    article('001.txt', {
      published: '2025-06-01',
      publishedPrecision: 'day',
      people: [person('Ryosei Akazawa', { roles: ["Japan's top trade negotiator", 'economic revitalization minister'] })],
    }),
    article('002.txt', { people: [person('Ryosei Akazawa', { roles: ['chief negotiator'] })] }),
  ];
  const model = buildSiteModel(archiveOf(records), options);
  const akazawa = model.people.find((p) => p.id === 'ryosei-akazawa')!;

  it('merges a person across articles by name', () => {
    expect(model.people.map((p) => p.id)).toEqual(['ryosei-akazawa', 'howard-lutnick', 'scott-bessent']);
    expect(akazawa.articles.map((a) => a.slug)).toEqual(['001', '000', '002']);
    expect(akazawa.first?.published).toEqual({ value: '2025-06-01', precision: 'day' });
    expect(akazawa.last?.published).toEqual({ value: '2025-07-23', precision: 'day' });
    expect(akazawa.country).toBe('Japan');
  });

  it('keeps roles as worded, one per wording, the most common as the main role', () => {
    expect(akazawa.roles.map((r) => [r.text, r.articles.length])).toEqual([
      ['Japan’s top trade negotiator', 2],
      ['economic revitalization minister', 1],
      ['chief negotiator', 1],
    ]);
    expect(akazawa.role).toBe('Japan’s top trade negotiator');
  });

  it('counts as met only those they actually met, called or visited', () => {
    expect(akazawa.contacts.map((c) => c.person.id)).toEqual(['howard-lutnick']);
    expect(akazawa.events.map((e) => e.date?.value)).toEqual(['2025-07-20', '2025-07-30']);
    expect(akazawa.quotes.map((q) => [q.text, q.citation.article.slug])).toEqual([['We will keep talking', '000']]);
  });
});

describe('article pages', () => {
  it('escape article text before marking evidence in it', () => {
    const sentence = 'He said <script>alert(1)</script> & {{ 7*7 }}.';
    const marked = markEvidence(
      [{ line: 3, text: `Before <b>bold</b>. ${sentence} After "quoted".` }],
      [
        { n: 1, evidence: [ev(sentence, 3)] },
        { n: 2, evidence: [ev(sentence, 3), ev('Not in the text.', 9)] },
      ],
    );
    expect(marked.paragraphs[0]!.html).toBe(
      'Before &lt;b&gt;bold&lt;/b&gt;. <mark id="ev-1">He said &lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ 7*7 }}.</mark>' +
        '<sup class="refs" data-pagefind-ignore><a href="#fact-1"><span class="visually-hidden">fact </span>1</a> <a href="#fact-2"><span class="visually-hidden">fact </span>2</a></sup>' +
        ' After &quot;quoted&quot;.',
    );
    expect(marked.located(ev(sentence, 3)).mark).toBe('ev-1');
    expect(marked.located(ev('Not in the text.', 9)).mark).toBeNull();
    // Two facts citing one sentence share it, rather than each keeping a copy for the life of the build.
    expect(marked.located(ev(sentence, 3))).toBe(marked.located(ev(sentence, 3)));
  });

  it('marks a sentence that appears twice in the paragraph it starts on', () => {
    const marked = markEvidence(
      [
        { line: 1, text: 'Talks resumed.' },
        { line: 3, text: 'Talks resumed. Then they stopped.' },
      ],
      [{ n: 1, evidence: [ev('Talks resumed.', 3)] }],
    );
    expect(marked.paragraphs.map((p) => p.html.includes('<mark'))).toEqual([false, true]);
  });

  it('link to the original only when it is a web address', () => {
    const model = buildSiteModel(
      archiveOf([article('000.txt', { url: 'javascript:alert(1)' }), article('001.txt', { url: 'https://www.example.com/a' })]),
      options,
    );
    expect(model.articles.map((a) => [a.url, a.urlHost])).toEqual([
      [null, null],
      ['https://www.example.com/a', 'example.com'],
    ]);
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces', () => {
    expect([...csvLines(['a', 'b'], [['plain', 'with, comma'], ['say "hi"', 'two\nlines'], [' edge', null], [3, true]])].join('')).toBe(
      'a,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n" edge",\r\n3,true\r\n',
    );
  });
});
