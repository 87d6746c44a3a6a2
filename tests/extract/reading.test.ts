import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pipeline.ts';
import { projectRegistry } from '../helpers/registry.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const extract = async (text: string, name = 'article.txt') => extractText(bytes(text), name, await projectRegistry());

const article = [
  'Japan and the United States held another round of tariff talks in Washington on Tuesday, officials said.',
  '1. The first point the two sides discussed was the 25% tariff on automobiles imposed in April.',
  '# Tokyo wants the levy removed before the August 1 deadline set by Washington.',
  '----------',
  '   Indented lines and *asterisks* stay exactly as they were written by the reporter.',
].join('\n');

describe('reading a seed', () => {
  it('keeps copied plain text literally: a "1.", a "#", a line of dashes, indentation and asterisks', async () => {
    const { record } = await extract(`---\ndate: 2025-07-23\n---\n${article}\n`);
    expect(record!.body).toContain('1. The first point the two sides discussed');
    expect(record!.body).toContain('# Tokyo wants the levy removed');
    expect(record!.body).toContain('*asterisks*');
    expect(record!.removed.some((r) => r.text.includes('----------'))).toBe(true);
    // Lines are the file's own, front matter included.
    expect(record!.paragraphs[0]!.line).toBe(4);
  });

  it('reads a byte-order mark and CRLF line endings as plain text', async () => {
    const { record } = await extract(`\uFEFF---\r\ndate: 2025-07-23\r\n---\r\n${article.replace(/\n/g, '\r\n')}\r\n`);
    expect(record!.published).toBe('2025-07-23');
    expect(record!.body).not.toMatch(/[\r\uFEFF]/);
    expect(record!.tariffs.map((t) => t.id)).toContain('25-percent-autos');
  });

  it('refuses binary data and text that is not UTF-8, naming the line', async () => {
    const binary = await extractText(new Uint8Array([0x4a, 0x61, 0x0a, 0x00, 0x01]), 'photo.txt', await projectRegistry());
    expect(binary.record).toBeNull();
    expect(binary.file.messages[0]!.reason).toMatch(/binary/);
    expect(binary.file.messages[0]!.line).toBe(2);
    const latin1 = await extractText(new Uint8Array([...bytes('Tokyo talks\nCaf'), 0xe9, 0x0a]), 'latin1.txt', await projectRegistry());
    expect(latin1.record).toBeNull();
    expect(latin1.file.messages[0]!.reason).toMatch(/UTF-8/);
    expect(latin1.file.messages[0]!.line).toBe(2);
  });

  it('says where a front-matter value is wrong', async () => {
    const { record, file } = await extract('---\ntitle: Talks\ndate: 2025-13-45\n---\nText of the article goes here, long enough to be prose for sure.\n');
    expect(record).toBeNull();
    expect(file.messages[0]!.line).toBe(3);
    expect(file.messages[0]!.reason).toMatch(/date/);
  });

  it('warns, without failing, when an article has no date', async () => {
    const { record, file } = await extract(article);
    expect(record!.published).toBeNull();
    expect(file.messages.some((m) => m.ruleId === 'missing-date' && !m.fatal)).toBe(true);
    // Without a date a weekday cannot be placed.
    expect(record!.events.every((e) => e.date === null)).toBe(true);
  });

  it('parses Markdown as Markdown', async () => {
    const { record } = await extract(
      '---\ndate: 2025-07-02\n---\n# Trump raises pressure on Japan\n\nPresident Donald Trump said on Tuesday that Japan would face a 30% tariff.\n\n- Rice is a sticking point for the two countries in the talks.\n- Autos face a 25% tariff imposed earlier in the year.\n\n## Related\n\n- [Another story](https://example.com/a)\n- [A third story](https://example.com/b)\n',
      'piece.md',
    );
    expect(record!.body).toContain('Rice is a sticking point');
    expect(record!.body).not.toContain('Another story');
    expect(record!.tariffs.map((t) => t.id).sort()).toEqual(['25-percent-autos', '30-percent-all-goods']);
  });
});

describe("the page's head", () => {
  const body = 'Japan and the United States held another round of tariff talks in Washington on Tuesday, officials said after the meeting ended.';

  it('takes "Name in Place" for the byline between the standfirst and the time stamp', async () => {
    const head = ['World', 'Ishiba and Trump leave G7 without tariff deal', 'Japanese prime minister says the two sides still differ after half-hour talks in the Canadian Rockies', 'Hana Whitcombe in Tokyo', 'Tue 17 Jun 2025 04.12 BST'];
    const { record } = await extract([...head, body].join('\n'));
    expect(record!.title).toBe('Ishiba and Trump leave G7 without tariff deal');
    expect(record!.author).toBe('Hana Whitcombe');
    expect(record!.published).toBe('2025-06-17');
  });

  it('keeps a long headline under a label of a few words as the headline', async () => {
    const headline = 'Japan and US agree to keep negotiating on car tariffs after Akazawa holds his eighth round of talks in Washington';
    const { record } = await extract(['World', 'Japan-US trade talks latest', headline, 'By Ken Mori', 'July 6, 2025', body].join('\n'));
    expect(record!.title).toBe(headline);
  });

  it('reads a date line set in capitals, and month names only as written in a line with lower-case letters', async () => {
    for (const [line, date] of [
      ['UPDATED MON, JUL 7 2025 9:41 PM EDT', '2025-07-07'],
      ['JULY 8, 2025 / 6:02 AM / UPDATED 2 HOURS AGO', '2025-07-08'],
      ['PUBLISHED 22 JULY 2025', '2025-07-22'],
    ] as const) {
      const { record } = await extract(['World', 'Japan, US hold more tariff talks', line, body].join('\n'));
      expect(record!.published, line).toBe(date);
    }
    // Lower-case text keeps month names cased: "may 5" is not a day.
    const { record } = await extract(['World', 'Japan, US hold more tariff talks', 'the two may 5 2025 times over', body].join('\n'));
    expect(record!.published).toBeNull();
  });

  it('takes the masthead under a "Skip navigation" link for the outlet, not the link', async () => {
    const { record } = await extract(['Skip navigation', 'Harbour Evening Post', 'Business', 'Japan and US hold a fresh round of tariff talks', 'July 6, 2025', body].join('\n'));
    expect(record!.source).toBe('Harbour Evening Post');
    expect(record!.body).not.toContain('Skip navigation');
  });

  it('takes a bare name over a social handle for the author, and drops the handle', async () => {
    const { record } = await extract(['Markets', 'Tokyo stocks climb as tariff talks resume', 'Kenji Moriyama', '@kmoriyama_fx', 'Published Tue, Jul 8 2025 10:02 PM EDT', body].join('\n'));
    expect(record!.author).toBe('Kenji Moriyama');
    expect(record!.title).toBe('Tokyo stocks climb as tariff talks resume');
    expect(record!.body).not.toContain('@kmoriyama_fx');
  });

  it('reads "Name / Desk" as a byline with no outlet, and "The Outlet / Group" as the outlet', async () => {
    const desk = await extract(['Hokuriku Herald', 'Japan and US hold a fresh round of tariff talks in Washington', 'Kenta Ono / Osaka Bureau', 'July 6, 2025', body].join('\n'));
    expect(desk.record!.author).toBe('Kenta Ono');
    expect(desk.record!.source).toBe('Hokuriku Herald');
    const outlet = await extract(['World', 'Japan and US Hold Fresh Round of Tariff Talks in Washington', 'The Asia Ledger / Meridian Group', 'July 6, 2025', body].join('\n'));
    expect(outlet.record!.author).toBeNull();
    expect(outlet.record!.source).toBe('The Asia Ledger');
  });

  it('keeps a Title Case headline that reads like one ("Protests Erupt in Tokyo") as the headline', async () => {
    const { record } = await extract(['World', 'Farmers Protest in Tokyo', 'July 6, 2025', body].join('\n'));
    expect(record!.title).toBe('Farmers Protest in Tokyo');
    expect(record!.author).toBeNull();
  });
});

describe('a video player copied with the story', () => {
  const story = (...middle: string[]) =>
    [
      '---',
      'date: 2025-07-08',
      '---',
      'Japan and the United States held another round of tariff talks in Washington on Tuesday, officials said.',
      ...middle,
      'Akazawa told reporters he had spoken with Commerce Secretary Howard Lutnick for about 90 minutes.',
    ].join('\n');

  it('is taken out with its title and show name', async () => {
    const { record } = await extract(story('▶ 3:15', 'Inside the fight over car tariffs', 'Morning Briefing'));
    expect(record!.body).not.toMatch(/3:15|Inside the fight|Morning Briefing/);
    expect(record!.removed.filter((r) => r.kind === 'media').map((r) => r.text)).toEqual(['▶ 3:15\nInside the fight over car tariffs\nMorning Briefing']);
    expect(record!.body).toContain('Akazawa told reporters');
  });

  it('leaves the story’s own short sentence after it', async () => {
    const { record } = await extract(story('Watch now', 'Video duration 1:02', 'They met for an hour.'));
    expect(record!.body).toContain('They met for an hour.');
    expect(record!.body).not.toMatch(/Watch now|1:02/);
  });
});

describe('a tariff\'s status', () => {
  const statusOf = async (text: string, rate: number) => {
    const { record } = await extract(`---\ndate: 2025-07-01\n---\n${text}\n`);
    return record!.tariffs.find((t) => t.rate === rate)?.status;
  };

  it('is the one a relative clause gives the tariff, over a cue before it', async () => {
    const sentence = 'Officials in Washington warned on Monday that the 10% duty that importers already pay on most goods from Japan would not be cut.';
    expect(await statusOf(sentence, 10)).toBe('in effect');
  });

  it('is not taken from beside another rate in the sentence', async () => {
    const sentence = 'Japan wants the 25% tariff on its cars gone; the 24% levy on other goods has been paused until July 9.';
    expect(await statusOf(sentence, 25)).toBe('in effect');
    expect(await statusOf(sentence, 24)).toBe('paused');
  });

  it('is threatened when the rate is what a deadline is for', async () => {
    const sentence = 'Exporters in Nagoya are bracing for the July 9 deadline on a 24% reciprocal tariff on Japanese goods.';
    expect(await statusOf(sentence, 24)).toBe('threatened');
  });
});

describe('the page’s own lines at the end', () => {
  it('drops a market-data disclaimer and the newsletter pitch before it, keeping the story’s last sentence', async () => {
    const { record } = await extract(
      [
        '---',
        'date: 2025-07-08',
        '---',
        'Japan and the United States held another round of tariff talks in Washington on Tuesday, officials said.',
        'Akazawa told reporters he had spoken with Commerce Secretary Howard Lutnick for about 90 minutes on Monday.',
        'Get the morning briefing in your inbox every weekday before the markets open.',
        'Quotes are delayed by 20 minutes unless stated otherwise, and index data comes from the exchanges.',
      ].join('\n'),
    );
    expect(record!.body).toContain('for about 90 minutes on Monday.');
    expect(record!.body).not.toMatch(/morning briefing|Quotes are delayed/);
  });

  it('drops everything after a release’s end mark ("-30-"), its contacts and the sender’s blurb', async () => {
    const { record } = await extract(
      [
        '---',
        'date: 2025-05-30',
        '---',
        'OTTAWA — The chamber said on Friday that the latest round of U.S.-Japan talks in Washington ended without a deal on autos.',
        'Its members export auto parts to both countries and follow the talks closely.',
        '-30-',
        'For more information: media relations office',
        'The chamber represents more than two thousand exporters in every province and has done so since the 1920s.',
        'Follow the chamber',
      ].join('\n'),
    );
    expect(record!.body).toContain('follow the talks closely.');
    expect(record!.body).not.toMatch(/-30-|media relations|two thousand exporters|Follow the chamber/);
  });

  it('drops a short line the page repeats three times, and keeps a short sentence that recurs', async () => {
    // Each entry opens with the desk's stock reply to the question it answers, a sentence of two words.
    const entry = (time: string, text: string) => [time, 'No comment.', text, 'Back to live coverage'];
    const { record } = await extract(
      [
        '---',
        'date: 2025-04-17',
        '---',
        'Japan’s first round of tariff talks with the Trump administration opened in Washington on Wednesday, and our reporters are following it.',
        ...entry('9:10 a.m.', 'Akazawa arrived at the White House for talks with Trump, Bessent and Lutnick, officials said.'),
        ...entry('11:30 a.m.', 'Asked about the 24% reciprocal tariff, a spokesperson for the embassy would not say more.'),
        ...entry('1:45 p.m.', 'The meeting lasted about 50 minutes, according to Japanese officials.'),
      ].join('\n'),
    );
    expect(record!.body).not.toContain('Back to live coverage');
    expect(record!.body).toContain('according to Japanese officials.');
    expect(record!.body.match(/No comment\./g)?.length).toBe(3);
  });
});

describe('a middle initial', () => {
  it('does not end a sentence: "Donald J. Trump" is one person, with his role', async () => {
    const { record } = await extract('---\ndate: 2025-07-23\n---\nOn Tuesday, President Donald J. Trump met Japan’s tariff envoy Ryosei Akazawa at the White House for more than an hour.\n');
    expect(record!.people.map((p) => p.name)).not.toContain('Donald J.');
    const trump = record!.people.find((p) => p.name === 'Donald Trump')!;
    expect(trump.roles).toContain('President');
    expect(trump.evidence[0]!.text).toContain('met Japan’s tariff envoy Ryosei Akazawa at the White House');
  });
});

describe('the dates in a sentence that tells one event', () => {
  const eventsOf = async (date: string, text: string) => {
    const { record } = await extract(`---\ndate: ${date}\n---\n${text}\n`);
    return record!.events.map((e) => `${e.type} ${e.date}/${e.precision} ${e.status} [${e.participants.join(', ')}]`);
  };

  it('find a deal whose adjective is quoted (finalized a “massive” agreement)', async () => {
    expect(await eventsOf('2025-07-23', 'Donald Trump said on Tuesday that he had finalized a “massive” agreement with Japan.')).toContainEqual('deal 2025-07-22/day happened [Donald Trump]');
  });

  it('leave out a date that belongs to another thing ("the July 22 deal") and the day it was said, when the sentence gives the event’s own', async () => {
    expect(
      await eventsOf('2025-07-31', 'Ryosei Akazawa will travel to Washington next week to settle the wording of the July 22 deal with Scott Bessent, a government spokesman said on Thursday.'),
    ).toEqual(['visit 2025-08-04/week planned [Ryosei Akazawa, Scott Bessent]']);
  });

  it('keep the day it was said when nothing else dates the event', async () => {
    expect(await eventsOf('2025-07-12', 'Akazawa and Lutnick met in Washington, Japanese officials told reporters on Friday.')).toEqual([
      'meeting 2025-07-11/day happened [Ryosei Akazawa, Howard Lutnick]',
    ]);
  });

  it('take no role for a name from the plural that goes on with the sentence ("Lutnick, officials said")', async () => {
    const { record } = await extract('---\ndate: 2025-07-12\n---\nAkazawa spoke by phone with Howard Lutnick, officials in Tokyo said on Saturday.\n');
    expect(record!.people.find((p) => p.name === 'Howard Lutnick')!.roles).not.toContain('officials');
  });
});

describe('a deadline named by its expiry', () => {
  it('is read from "its 12 August expiry"', async () => {
    const { record } = await extract('---\ndate: 2025-07-30\n---\nTokyo wants a deal on the 25% car tariff before the truce reaches its 12 August expiry, officials in Washington said on Wednesday.\n');
    expect(record!.deadlines.map((d) => d.date)).toContain('2025-08-12');
  });
});

describe('a rate named by its kind', () => {
  const tariffsOf = async (text: string) => {
    const { record } = await extract(`---\ndate: 2025-07-01\n---\n${text}\n`);
    return record!.tariffs.map((t) => `${t.id} ${t.status}`).sort();
  };

  it('is a tariff when called a reciprocal or baseline rate', async () => {
    expect(await tariffsOf('The 24% reciprocal rate announced for Japan in April was suspended for 90 days a week later.')).toEqual(['24-percent-reciprocal paused']);
    expect(await tariffsOf('For now Japanese exporters pay a 10 percent baseline rate applied to nearly every trading partner.')).toEqual(['10-percent-all-goods in effect']);
    expect(await tariffsOf('Seoul faces reciprocal rates of 25% on most of its shipments, the letter said.')).toEqual(['25-percent-reciprocal in effect']);
    // The pause spoke of the 24%; the 10% stayed on.
    expect(await tariffsOf('Washington paused the 24% reciprocal tariff in April, but a 10% duty stayed on Japanese goods.')).toEqual(['10-percent-all-goods in effect', '24-percent-reciprocal paused']);
  });

  it('is not a tariff when the rate is a central bank’s or a poll’s', async () => {
    expect(await tariffsOf('The Bank of Japan kept its policy rate at 0.5% on Thursday, and the yen weakened.')).toEqual([]);
    expect(await tariffsOf('Support for the cabinet fell to a record-low rate of 23% in the poll, a week before the reciprocal deadline.')).toEqual([]);
  });
});

describe('front matter', () => {
  it('accepts only a web address as the original', async () => {
    const { record, file } = await extract('---\nurl: "javascript:alert(1)"\n---\nJapan and the United States held talks on Tuesday in Washington about tariffs on cars.\n');
    expect(record).toBeNull();
    expect(file.messages[0]!.reason).toMatch(/`url`.*http/);
    expect(file.messages[0]!.line).toBe(2);
  });
});
