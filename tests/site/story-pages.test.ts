// The story several outlets tell, as the pages show it. Each scenario of
// tests/fixtures/story/ is built as a site of its own, the way a curator
// would (its articles in a seeds folder); what is expected comes from
// reading those articles, not from build output.
import { copyFile, readFile, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { HtmlElement } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, attr, buildInto, files, hrefs, page, root, tempDir, text } from './support.ts';

const scenarios = ['same-call-three-outlets', 'two-calls-one-day', 'venue-contradiction', 'rate-contradiction', 'undated-article', 'akazawa-spellings'] as const;
type Scenario = (typeof scenarios)[number];

const sites = {} as Record<Scenario, string>;
const folders: string[] = [];

beforeAll(async () => {
  // One at a time: builds share the machine with the browser tests.
  for (const scenario of scenarios) {
    const seeds = await tempDir(`story-${scenario}`);
    folders.push(seeds);
    const from = join(root, 'tests/fixtures/story', scenario);
    for (const name of (await readdir(from)).filter((f) => /\.(txt|md)$/.test(f))) await copyFile(join(from, name), join(seeds, name));
    sites[scenario] = await buildInto([], { ARCHIVE_SEEDS: seeds });
    folders.push(dirname(sites[scenario]));
  }
});

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** An article's page, found by its headline on the articles index. */
async function articlePath(scenario: Scenario, title: string): Promise<string> {
  const link = all(await page(sites[scenario], 'articles/'), 'main li a').find((a) => text(a) === title);
  if (!link) throw new Error(`no article titled ${title}`);
  return attr(link, 'href')!;
}

/** Timeline entries for events on a day, by the `datetime` of their date. */
async function eventsOn(scenario: Scenario, day: string, kind: string): Promise<HtmlElement[]> {
  const home = await page(sites[scenario], '');
  return all(home, 'li.entry-event').filter(
    (li) => attr(li.querySelector('.entry-date time')!, 'datetime') === day && text(li.querySelector('.entry-title')).startsWith(kind),
  );
}

/** The article pages an entry cites, without the fragment that points at the sentence. */
const cited = (entry: HtmlElement) => [...new Set(hrefs(entry, 'figcaption a').map((h) => h.split('#')[0]!))].sort();

describe('the same call reported by Reuters, the Yomiuri and Yahoo/Kyodo', () => {
  const titles = {
    reuters: "Japan's Akazawa, U.S. Commerce chief Lutnick hold phone call as tariff pause nears end",
    yomiuri: 'Akazawa, Lutnick agree to continue intensive consultations',
    yahoo: 'Japan, U.S. trade chiefs hold phone talks days before tariff pause ends',
  };

  it('is one timeline entry on Saturday 5 July citing all three articles with their sentences', async () => {
    const calls = await eventsOn('same-call-three-outlets', '2025-07-05', 'Phone call');
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(hrefs(call.querySelector('.entry-title')!)).toEqual(expect.arrayContaining(['/people/ryosei-akazawa/', '/people/howard-lutnick/']));
    const paths = await Promise.all(Object.values(titles).map((t) => articlePath('same-call-three-outlets', t)));
    expect(cited(call)).toEqual([...paths].sort());
    const quoted = all(call, 'blockquote').map(text).join(' ');
    expect(quoted).toContain('held a phone call with U.S. Commerce Secretary Howard Lutnick on Saturday');
    expect(quoted).toContain('spoke by telephone with U.S. Commerce Secretary Howard Lutnick on Saturday');
    expect(quoted).toContain('held phone talks on Saturday');
  });

  it('gives each outlet’s length of the call with the outlet that gives it', async () => {
    const [call] = await eventsOn('same-call-three-outlets', '2025-07-05', 'Phone call');
    const title = text(call!.querySelector('.entry-title'));
    // "talked for about 40 minutes" (Reuters); "lasted about 45 minutes" (Yomiuri).
    expect(title).toContain('about 40 minutes, according to Reuters');
    expect(title).toContain('about 45 minutes, according to The Japan News by The Yomiuri Shimbun');
  });

  it('is linked from each article’s event facts, which name the other two', async () => {
    const [call] = await eventsOn('same-call-three-outlets', '2025-07-05', 'Phone call');
    const anchor = `/#${attr(call!, 'id')}`;
    for (const title of Object.values(titles)) {
      const article = await page(sites['same-call-three-outlets'], (await articlePath('same-call-three-outlets', title)).slice(1));
      const fact = all(article, '.facts li').find((li) => hrefs(li).includes(anchor));
      expect(fact, `${title} links to the call`).toBeDefined();
      const others = await Promise.all(Object.values(titles).filter((t) => t !== title).map((t) => articlePath('same-call-three-outlets', t)));
      expect(hrefs(fact!)).toEqual(expect.arrayContaining(others));
    }
  });

  it('is one event on Akazawa’s page', async () => {
    const akazawa = await page(sites['same-call-three-outlets'], 'people/ryosei-akazawa/');
    const dated = (li: HtmlElement) => li.querySelector('.entry-title > time');
    const calls = all(akazawa, '.event-list > li').filter((li) => dated(li) && attr(dated(li)!, 'datetime') === '2025-07-05');
    expect(calls).toHaveLength(1);
    expect(cited(calls[0]!)).toHaveLength(3);
  });
});

describe('two calls on one day (NHK and the Mainichi)', () => {
  it('are two entries: the morning call from both articles, the evening call from the Mainichi alone', async () => {
    const nhk = await articlePath('two-calls-one-day', 'Akazawa holds phone talks with US Commerce Secretary Lutnick');
    const mainichi = await articlePath('two-calls-one-day', 'Akazawa speaks with Lutnick twice in one day as tariff deadline looms');
    const calls = await eventsOn('two-calls-one-day', '2025-07-03', 'Phone call');
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((c) => attr(c, 'id'))).size).toBe(2);
    const morning = calls.find((c) => text(c.querySelector('.entry-title')).includes('morning'))!;
    const evening = calls.find((c) => text(c.querySelector('.entry-title')).includes('evening'))!;
    // "lasted about 20 minutes" (NHK), "a roughly 20-minute call … on Thursday morning" (Mainichi).
    expect(cited(morning)).toEqual([nhk, mainichi].sort());
    expect(text(morning.querySelector('.entry-title'))).toContain('about 20 minutes');
    // "The evening call began at around 9 p.m. … and lasted about 30 minutes."
    expect(cited(evening)).toEqual([mainichi]);
    expect(text(evening.querySelector('.entry-title'))).toContain('about 30 minutes');
  });

  it('keep the Tuesday 1 July call apart', async () => {
    const calls = await eventsOn('two-calls-one-day', '2025-07-01', 'Phone call');
    expect(calls).toHaveLength(1);
    expect(cited(calls[0]!)).toEqual([await articlePath('two-calls-one-day', 'Akazawa speaks with Lutnick twice in one day as tariff deadline looms')]);
  });
});

describe('a meeting Kyodo places in Washington and the Asahi in Tokyo', () => {
  const kyodo = 'Akazawa meets Bessent, Lutnick in Washington; no deal on autos yet';
  const asahi = 'Japan, U.S. ministers hold in-person tariff talks; gap on cars persists';

  it('is one entry on 13 June that shows both places with their sources and picks neither', async () => {
    const meetings = await eventsOn('venue-contradiction', '2025-06-13', 'Meeting');
    expect(meetings).toHaveLength(1);
    const meeting = meetings[0]!;
    expect(cited(meeting)).toEqual([await articlePath('venue-contradiction', kyodo), await articlePath('venue-contradiction', asahi)].sort());
    expect(text(meeting.querySelector('.entry-title'))).not.toContain(', at ');
    const dispute = text(meeting.querySelector('.disagreement'));
    expect(dispute).toContain('Reports disagree on the place');
    expect(dispute).toContain('Washington, according to Kyodo News');
    expect(dispute).toContain('Tokyo, according to The Asahi Shimbun');
    expect(hrefs(meeting.querySelector('.disagreement')!)).toEqual(expect.arrayContaining(['/venues/washington/', '/venues/tokyo/']));
  });

  it('is on both venue pages, with the disagreement', async () => {
    for (const venue of ['washington', 'tokyo']) {
      const events = all(await page(sites['venue-contradiction'], `venues/${venue}/`), '.event-list > li');
      const meeting = events.find((li) => attr(li.querySelector('time')!, 'datetime') === '2025-06-13');
      expect(meeting, `the meeting on /venues/${venue}/`).toBeDefined();
      expect(text(meeting!.querySelector('.disagreement'))).toMatch(/Washington, according to Kyodo News; Tokyo, according to The Asahi Shimbun|Tokyo, according to The Asahi Shimbun; Washington, according to Kyodo News/);
    }
  });
});

describe('a reciprocal rate the Yomiuri gives as 24% and Reuters as 25%', () => {
  const yomiuri = 'Govt braces as U.S. tariff pause nears end';
  const reuters = 'Trump tells Japan its goods will face 25% tariff from August 1';

  /** A tariff page, found by its label on the tariffs index. */
  async function tariffPage(label: string) {
    const index = await page(sites['rate-contradiction'], 'tariffs/');
    const link = all(index, 'tbody th a').find((a) => text(a) === label)!;
    return page(sites['rate-contradiction'], attr(link, 'href')!.slice(1));
  }

  it('shows on both tariff pages, each rate with the article that gives it', async () => {
    const articles = [await articlePath('rate-contradiction', yomiuri), await articlePath('rate-contradiction', reuters)];
    for (const label of ['24% reciprocal tariff', '25% reciprocal tariff']) {
      const dispute = (await tariffPage(label)).querySelector('.disagreement');
      expect(text(dispute), label).toContain('24% according to The Japan News by The Yomiuri Shimbun; 25% according to Reuters');
      expect(text(dispute)).toContain('scheduled');
      expect(hrefs(dispute!)).toEqual(expect.arrayContaining(articles));
    }
  });

  it('is noted on the tariffs index, in its own section and on both rows', async () => {
    const index = await page(sites['rate-contradiction'], 'tariffs/');
    expect(text(index.querySelector('#disagreements')!.parent)).toContain('24% according to The Japan News by The Yomiuri Shimbun; 25% according to Reuters');
    // Rows of the table of all tariffs, which head each row with the tariff (the chart's table does not).
    const rows = all(index, 'tbody th').filter((th) => /^2[45]% reciprocal tariff/.test(text(th))).map((th) => th.parent!);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(text(row)).toContain('reports disagree');
  });
});

describe('an undated piece on the Saturday call and the G7 summit that “begins Sunday”', () => {
  const undated = 'Akazawa says gaps remain after call with Lutnick';
  const inferred = '(inferred from the events it reports)';

  it('sits on the timeline in June 2025, its date marked as inferred', async () => {
    const path = await articlePath('undated-article', undated);
    const home = await page(sites['undated-article'], '');
    const june = all(home, 'section.month').find((s) => text(s.querySelector('h2')) === 'June 2025')!;
    const entry = all(june, 'li.entry-article').find((li) => hrefs(li).includes(path));
    expect(entry, 'the undated article in June').toBeDefined();
    expect(text(entry!.querySelector('.entry-date'))).toContain(inferred);
    // The dated articles are not marked.
    for (const other of all(home, 'li.entry-article').filter((li) => li !== entry)) expect(text(other.querySelector('.entry-date'))).not.toContain('inferred');
  });

  it('is cited by the 14 June call, its date marked there too', async () => {
    const [call] = await eventsOn('undated-article', '2025-06-14', 'Phone call');
    const path = await articlePath('undated-article', undated);
    expect(cited(call!)).toContain(path);
    const caption = all(call!, 'figcaption').find((f) => hrefs(f).some((h) => h.startsWith(path)))!;
    expect(text(caption)).toContain(inferred);
  });

  it('says on its page which events placed it, linked to their timeline entries', async () => {
    const article = await page(sites['undated-article'], (await articlePath('undated-article', undated)).slice(1));
    expect(text(article.querySelector('.meta'))).toContain(inferred);
    const placement = article.querySelector('.placement')!;
    // The call "on Saturday" is 14 June (Reuters, Yomiuri); the summit "which begins Sunday" opens 15 June.
    expect(text(placement)).toContain('between 14 June 2025 and 15 June 2025');
    const [call] = await eventsOn('undated-article', '2025-06-14', 'Phone call');
    const [summit] = await eventsOn('undated-article', '2025-06-15', 'Summit');
    expect(hrefs(placement)).toEqual([`/#${attr(call!, 'id')}`, `/#${attr(summit!, 'id')}`]);
  });

  it('is marked as inferred on the articles index and in the feed', async () => {
    const index = await page(sites['undated-article'], 'articles/');
    const item = all(index, 'main li').find((li) => text(li).includes(undated))!;
    expect(text(item)).toContain(inferred);
    const feed = await readFile(join(sites['undated-article'], 'feed.xml'), 'utf8');
    const entry = [...feed.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m) => m[0]).find((e) => e.includes(undated))!;
    expect(entry).toMatch(/<summary>[^<]*inferred from the events it reports/);
  });
});

describe('Akazawa as “Ryosei Akazawa” (AP), “Ryōsei Akazawa” (Nippon.com) and “Akazawa Ryosei” (NHK)', () => {
  const titles = [
    "Japan's tariff envoy meets Bessent, Lutnick in second round of talks",
    'Second round of Japan-US tariff talks: what we know',
    'Japan, US agree to step up tariff talks',
  ];

  it('has one page, /people/ryosei-akazawa/, listing all three articles', async () => {
    const site = sites['akazawa-spellings'];
    expect((await files(site)).filter((f) => f.startsWith('people/') && /akazawa/i.test(f))).toEqual(['people/ryosei-akazawa/index.html']);
    const people = all(await page(site, 'people/'), 'tbody tr').filter((tr) => text(tr).includes('Akazawa'));
    expect(people.map((tr) => hrefs(tr))).toEqual([['/people/ryosei-akazawa/']]);
    const paths = await Promise.all(titles.map((t) => articlePath('akazawa-spellings', t)));
    const akazawa = await page(site, 'people/ryosei-akazawa/');
    expect(hrefs(akazawa.querySelector('#articles')!.parent!).sort()).toEqual([...paths].sort());
    for (const path of paths) expect(hrefs(await page(site, path.slice(1)), '.facts a')).toContain('/people/ryosei-akazawa/');
  });

  it('meeting Bessent and Lutnick on 1 May is one entry citing all three', async () => {
    const meetings = await eventsOn('akazawa-spellings', '2025-05-01', 'Meeting');
    expect(meetings).toHaveLength(1);
    expect(cited(meetings[0]!)).toEqual((await Promise.all(titles.map((t) => articlePath('akazawa-spellings', t)))).sort());
  });
});
