// The site built from seeds/, page by page. Expected facts come from reading
// the five seed articles, not from build output.
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, attr, buildInto, files, hrefs, page, parseCsv, text } from './support.ts';

const articles = {
  struggle: 'japan-us-struggle-over-trade-amid-tariff-tensions',
  g7: 'japan-us-advance-trade-talks-ahead-of-g7-as-tariff-deadline-looms',
  deadline24: 'japan-us-hold-talks-ahead-of-24-percent-tariff-deadline',
  visit: 'japans-akazawa-aims-to-visit-us-next-week-for-more-trade-talks',
  races: 'japan-races-to-seal-us-trade-deal-as-august-tariff-deadline-looms',
};
const articlePath = (slug: string) => `/articles/${slug}/`;

let dir: string;

beforeAll(async () => {
  dir = await buildInto();
});

afterAll(async () => {
  if (dir) await rm(dirname(dir), { recursive: true, force: true });
});

/** `<time datetime>` as a day, so precision-mixed dates can be ordered: months and weeks by their first day. */
function sortable(datetime: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(datetime);
  if (week) {
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (Number(week[2]) - 1) * 7 * 86_400_000;
    return new Date(monday).toISOString().slice(0, 10);
  }
  return datetime.length === 7 ? `${datetime}-01` : datetime;
}

const entryDates = (entries: ReturnType<typeof all>) => entries.map((li) => attr(li.querySelector('.entry-date time')!, 'datetime')!);

describe('timeline (/)', () => {
  it('groups entries by month, oldest first, in date order', async () => {
    const home = await page(dir, '');
    expect(all(home, 'section.month h2').map(text)).toEqual(['April 2025', 'June 2025', 'July 2025', 'August 2025']);
    const dates = entryDates(all(home, 'li.entry')).map(sortable);
    expect(dates).toEqual([...dates].sort());
  });

  it('lists every article on its publication day', async () => {
    const home = await page(dir, '');
    const entries = all(home, 'li.entry-article');
    expect(entries.map((li) => hrefs(li)[0])).toEqual(
      [articles.struggle, articles.g7, articles.deadline24, articles.visit, articles.races].map(articlePath),
    );
    expect(entryDates(entries)).toEqual(['2025-04-26', '2025-06-15', '2025-07-06', '2025-07-19', '2025-07-23']);
  });

  it('places the 22 July White House meeting of Akazawa and Trump in July, before the 1 August deadline', async () => {
    const home = await page(dir, '');
    const july = all(home, 'section.month').find((s) => text(s.querySelector('h2')) === 'July 2025')!;
    const meeting = all(july, 'li.entry-event').find((li) => {
      const links = hrefs(li);
      return links.includes('/people/ryosei-akazawa/') && links.includes('/people/donald-trump/') && links.includes('/venues/white-house/');
    });
    expect(meeting, 'the White House meeting entry').toBeDefined();
    expect(attr(meeting!.querySelector('time')!, 'datetime')).toBe('2025-07-22');
    expect(text(meeting!)).toContain('met U.S. President Donald Trump at the White House on Tuesday');
    // The deadline it was racing against was named once, on the first entry past
    // the week-of-7-July milestone (Ishiba and Bessent, Friday 18 July), and is not repeated here.
    const entries = all(july, 'li.entry');
    const past = entries[entries.findIndex((li) => attr(li, 'id') === 'deadline-week-of-2025-07-07') + 1]!;
    expect(attr(past.querySelector('time')!, 'datetime')).toBe('2025-07-18');
    const upcoming = past.querySelector('.upcoming')!;
    expect(hrefs(upcoming)).toContain('/deadlines/2025-08-01/');
    expect(text(upcoming)).toBe('Next deadline: 1 August 2025, in 14 days');
    expect(meeting!.querySelector('.upcoming')).toBeNull();
    // From an exact day to a week-long deadline, the days are a span: the call on Thursday 3 July.
    const call = entries.find((li) => attr(li.querySelector('time')!, 'datetime') === '2025-07-03')!;
    expect(text(call.querySelector('.upcoming'))).toBe('Next deadline: week of 7 July 2025, in 4 to 10 days');

    const ids = all(home, 'li.entry').map((li) => attr(li, 'id'));
    const deadline = ids.indexOf('deadline-2025-08-01');
    expect(deadline, 'the 1 August milestone').toBeGreaterThan(ids.indexOf(attr(meeting!, 'id')));
    const milestone = home.querySelector('#deadline-2025-08-01')!;
    expect(attr(milestone.querySelector('time')!, 'datetime')).toBe('2025-08-01');
    expect(text(milestone)).toContain('Deadline');
  });

  it('writes dates as precisely as the articles give them, and marks inferred ones', async () => {
    const home = await page(dir, '');
    const entries = all(home, 'li.entry-event');
    const byText = (phrase: string) => entries.find((li) => text(li).includes(phrase))!;
    // "aiming to visit Washington next week", written on Saturday 19 July.
    const visit = entries.find((li) => text(li).startsWith('week of') && text(li).includes('aiming to visit Washington next week'));
    expect(visit, 'the planned visit, dated by the week').toBeDefined();
    expect(text(visit!.querySelector('.entry-date'))).toBe('week of 21 July 2025');
    // A plan is worded as one, with the day it was reported, for a reader who comes after.
    expect(text(visit!.querySelector('.entry-title'))).toContain('Planned visit (as reported on 19 July 2025)');
    expect(text(byText('upper house election on Sunday').querySelector('.entry-title'))).toBe('Scheduled election (as reported on 19 July 2025)');
    // Ishiba's U.S. visit "later this month", written 23 July.
    expect(text(byText('planning a U.S. visit later this month').querySelector('.entry-date')!)).toBe('July 2025');
    // "Akazawa also met separately with … Bessent" gives no day of its own.
    expect(text(byText('also met separately with Treasury Secretary Scott Bessent'))).toContain('date inferred');
    // The 30-minute call on Saturday 14 June.
    const call = byText('held a 30-minute phone call on Saturday');
    expect(attr(call.querySelector('time')!, 'datetime')).toBe('2025-06-14');
    expect(text(call)).toContain('30-minute');
  });

  it('has a newest-first version that reads the other way', async () => {
    const newest = await page(dir, 'newest/');
    expect(all(newest, 'section.month h2').map(text)).toEqual(['August 2025', 'July 2025', 'June 2025', 'April 2025']);
    expect(all(newest, 'li.entry-article').map((li) => hrefs(li)[0])).toEqual(
      [articles.races, articles.visit, articles.deadline24, articles.g7, articles.struggle].map(articlePath),
    );
    expect(hrefs(await page(dir, ''))).toContain('/newest/');
  });
});

describe('article pages (/articles/<slug>/)', () => {
  it('show title, outlet, date and a link to the original', async () => {
    const races = await page(dir, `articles/${articles.races}/`);
    expect(text(races.querySelector('h1'))).toBe('Japan Races to Seal US Trade Deal as August Tariff Deadline Looms');
    expect(text(races.querySelector('.meta'))).toContain('EconoTimes');
    expect(attr(races.querySelector('.meta time')!, 'datetime')).toBe('2025-07-23');
    expect(text(races.querySelector('.meta time'))).toBe('23 July 2025');
    expect(hrefs(races, '.meta a')).toContain('https://econotimes.com/Japan-Races-to-Seal-US-Trade-Deal-as-August-Tariff-Deadline-Looms-1716814');

    const visit = await page(dir, `articles/${articles.visit}/`);
    expect(text(visit.querySelector('.meta'))).toContain('Alastair Gale');
    expect(text(visit.querySelector('.meta'))).toContain('no link given');
  });

  it('mark each evidence sentence and link it to its fact and back', async () => {
    const races = await page(dir, `articles/${articles.races}/`);
    const mark = all(races, '.article-text mark').find((m) => text(m) === 'Akazawa also met separately with Treasury Secretary Scott Bessent.');
    expect(mark, 'the sentence naming Bessent is marked').toBeDefined();
    const id = attr(mark!, 'id')!;
    // The fact naming Bessent cites that sentence, and the sentence's numbers lead to facts.
    const bessent = all(races, '.facts li').find((li) => hrefs(li).includes('/people/scott-bessent/'))!;
    expect(hrefs(bessent)).toContain(`#${id}`);
    for (const ref of hrefs(races, '.article-text sup a')) expect(races.querySelector(ref), ref).not.toBeNull();
  });

  it('keep the removed boilerplate out of the text, in a collapsed details', async () => {
    const races = await page(dir, `articles/${articles.races}/`);
    const removed = races.querySelector('details.removed')!;
    expect(removed.hasAttribute('open')).toBe(false);
    expect(text(removed)).toContain('Global Markets Slide as Tech Stocks Sink');
    expect(all(races, '.article-text > p').map(text).join(' ')).not.toContain('Global Markets Slide');

    const struggle = await page(dir, `articles/${articles.struggle}/`);
    expect(text(struggle.querySelector('details.removed'))).toContain('Leave the first comment');
    expect(text(struggle.querySelector('.article-text'))).toContain('gifted him a gold-colored piggy bank');
  });

  it('list the facts found and tag people and tariffs for search filters', async () => {
    const g7 = await page(dir, `articles/${articles.g7}/`);
    expect(g7.querySelector('article')!.hasAttribute('data-pagefind-body')).toBe(true);
    const people = all(g7, '[data-pagefind-filter="person"]').map(text);
    expect(people).toEqual(expect.arrayContaining(['Ryosei Akazawa', 'Howard Lutnick', 'Scott Bessent', 'Shigeru Ishiba', 'Donald Trump']));
    expect(hrefs(g7, '.facts a')).toEqual(expect.arrayContaining(['/tariffs/25-percent-autos/', '/venues/g7-summit-in-canada/', '/venues/tokyo/']));
    expect(all(g7, '[data-pagefind-filter="tariff"]').map(text)).toContain('25% tariff on autos');
  });
});

describe('people', () => {
  it('the index gives role, country, article count and first and last appearance', async () => {
    const index = await page(dir, 'people/');
    const row = (id: string) => all(index, 'tbody tr').find((tr) => hrefs(tr).includes(`/people/${id}/`))!;
    const cells = (id: string) => all(row(id), 'th, td').map(text);
    expect(cells('ryosei-akazawa')).toEqual(['Ryosei Akazawa', expect.stringMatching(/trade negotiator/), 'Japan', '5', '26 April 2025', '23 July 2025']);
    expect(cells('howard-lutnick')).toEqual(['Howard Lutnick', expect.stringMatching(/Commerce Secretary/), 'United States', '3', '15 June 2025', '23 July 2025']);
    expect(cells('scott-bessent').slice(2)).toEqual(['United States', '3', '15 June 2025', '23 July 2025']);
  });

  it('a person page lists the articles that mention them', async () => {
    const listed = async (id: string) => hrefs((await page(dir, `people/${id}/`)).querySelector('#articles')!.parent!);
    expect(await listed('ryosei-akazawa')).toEqual(
      [articles.struggle, articles.g7, articles.deadline24, articles.visit, articles.races].map(articlePath),
    );
    expect(await listed('howard-lutnick')).toEqual([articles.g7, articles.deadline24, articles.races].map(articlePath));
    expect(await listed('scott-bessent')).toEqual([articles.g7, articles.visit, articles.races].map(articlePath));
  });

  it('gives roles as worded, events in date order, whom they met, and quotes', async () => {
    const akazawa = await page(dir, 'people/ryosei-akazawa/');
    const roles = text(akazawa.querySelector('#roles')!.parent!);
    expect(roles).toContain('Japan’s chief trade negotiator');
    expect(roles).toContain('Japan’s top trade negotiator');

    const events = all(akazawa, '.event-list > li').map((li) => li.querySelector('.entry-title > time'));
    const dates = events.flatMap((t) => (t ? [sortable(attr(t, 'datetime')!)] : []));
    expect(dates).toEqual([...dates].sort());
    expect(dates).toEqual(expect.arrayContaining(['2025-06-13', '2025-06-14', '2025-07-03', '2025-07-05', '2025-07-19', '2025-07-22']));

    const met = hrefs(akazawa.querySelector('#met')!.parent!);
    expect(met).toEqual(expect.arrayContaining(['/people/howard-lutnick/', '/people/scott-bessent/', '/people/donald-trump/']));

    const quote = all(akazawa, '.quote').map(text).join(' ');
    expect(quote).toContain('I will continue working vigorously toward a mutually beneficial agreement');

    const bessent = await page(dir, 'people/scott-bessent/');
    const ally = all(bessent, '.quote').find((q) => text(q).includes('Japan is America’s most important ally in the Indo-Pacific region'))!;
    expect(hrefs(ally)).toContain(articlePath(articles.visit));
  });
});

describe('tariffs', () => {
  it('the 25% autos tariff page shows its status over time with evidence and article', async () => {
    const autos = await page(dir, 'tariffs/25-percent-autos/');
    expect(text(autos.querySelector('h1'))).toMatch(/25%.*autos/);
    const history = all(autos, '.history > li');
    expect(history.map((li) => attr(li.querySelector('time')!, 'datetime'))).toEqual(['2025-06-15', '2025-07-19']);
    // "the U.S. plan to impose a 25% tariff on automobiles" (15 June); "the separate 25% tariff on car imports … is dealing a heavy blow" (19 July).
    expect(text(history[0]!.querySelector('.status'))).toBe('threatened');
    expect(text(history[0]!)).toContain('the U.S. plan to impose a 25% tariff on automobiles');
    // The citation opens the article at the marked sentence.
    expect(attr(history[0]!.querySelector('figcaption a')!, 'href')).toMatch(new RegExp(`^${articlePath(articles.g7)}#ev-\\d+$`));
    expect(text(history[1]!.querySelector('.status'))).toBe('in effect');
    expect(text(history[1]!)).toContain('separate 25% tariff on car imports into the U.S.');
  });

  it('the across-the-board rise to 25% from 10% is scheduled, with its deadline', async () => {
    const allGoods = await page(dir, 'tariffs/25-percent-all-goods/');
    const scheduled = all(allGoods, '.history > li').find((li) => hrefs(li).some((h) => h.startsWith(articlePath(articles.visit))))!;
    expect(text(scheduled.querySelector('.entry-title'))).toBe('19 July 2025: scheduled, up from 10%');
    expect(hrefs(allGoods, '.meta a')).toContain('/deadlines/2025-08-01/');
  });

  it('the index draws rates on Japanese goods as inline SVG with a table to read instead', async () => {
    const index = await page(dir, 'tariffs/');
    const svg = index.querySelector('svg.chart')!;
    expect(attr(svg, 'role')).toBe('img');
    expect(attr(svg, 'aria-labelledby')).toBe('chart-title chart-desc');
    expect(text(index.querySelector('#chart-title'))).toMatch(/Japanese goods/);
    const rows = all(index.querySelector('#chart-table-caption')!.parent!, 'tbody tr').map((tr) => all(tr, 'td').map(text));
    expect(rows).toContainEqual(['19 July 2025', '25% tariff on autos', '25%', 'in effect', "ArcaMax (Bloomberg News): Japan's Akazawa aims to visit US next week for more trade talks"]);
    expect(rows).toContainEqual(['6 July 2025', '24% reciprocal tariff', '24%', 'paused', 'EconoTimes: Japan, US Hold Talks Ahead of 24% Tariff Deadline']);
  });
});

describe('deadlines and venues', () => {
  it('the 1 August deadline cites both articles that name it', async () => {
    const aug1 = await page(dir, 'deadlines/2025-08-01/');
    expect(text(aug1.querySelector('h1'))).toBe('1 August 2025');
    expect(hrefs(aug1, 'main figcaption a').map((h) => h.split('#')[0])).toEqual([articlePath(articles.visit), articlePath(articles.races)]);
    const index = await page(dir, 'deadlines/');
    expect(hrefs(index, 'main li a')).toEqual(['/deadlines/2025-07/', '/deadlines/week-of-2025-07-07/', '/deadlines/2025-08-01/']);
  });

  it('the White House page lists the meeting held there', async () => {
    const whiteHouse = await page(dir, 'venues/white-house/');
    expect(text(whiteHouse.querySelector('h1'))).toBe('White House');
    const events = all(whiteHouse, '.event-list > li').map(text);
    expect(events.some((e) => e.startsWith('22 July 2025: Meeting') && e.includes('Donald Trump'))).toBe(true);
    expect(hrefs(await page(dir, 'venues/'))).toContain('/venues/white-house/');
  });
});

describe('site files', () => {
  it('every page has the CSP meta tag and no inline script; only search loads scripts, deferred', async () => {
    const pages = (await files(dir)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    expect(pages.length).toBeGreaterThan(30);
    for (const file of pages) {
      const html = await page(dir, file);
      const csp = attr(html.querySelector('meta[http-equiv="Content-Security-Policy"]')!, 'content')!;
      expect(csp, file).not.toContain('unsafe-inline');
      const scripts = all(html, 'script');
      for (const s of scripts) {
        expect(attr(s, 'src'), `${file} has an inline script`).not.toBeNull();
        expect(s.hasAttribute('defer'), `${file} has a blocking script`).toBe(true);
      }
      if (file === 'search/index.html') expect(scripts.map((s) => attr(s, 'src'))).toEqual(['/pagefind/site/pagefind-ui.js', '/search.js']);
      else expect(scripts, file).toEqual([]);
    }
    expect(await files(join(dir, 'pagefind'))).toContain('site/pagefind-ui.js');
  });

  it('the feed lists the articles newest first with absolute links', async () => {
    const feed = await readFile(join(dir, 'feed.xml'), 'utf8');
    expect(feed.startsWith('<?xml')).toBe(true);
    const ids = [...feed.matchAll(/<entry>[\s\S]*?<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual(
      [articles.races, articles.visit, articles.deadline24, articles.g7, articles.struggle].map((s) => `http://localhost:8080/articles/${s}/`),
    );
    expect(feed).toContain('<updated>2025-07-23T00:00:00Z</updated>');
  });

  it('the sitemap lists every page and robots.txt points at it', async () => {
    const sitemap = await readFile(join(dir, 'sitemap.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>http:\/\/localhost:8080([^<]*)<\/loc>/g)].map((m) => m[1]).sort();
    const pages = (await files(dir))
      .filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind/'))
      .map((f) => `/${f.replace(/index\.html$/, '')}`)
      .sort();
    expect(listed).toEqual(pages);
    expect(await readFile(join(dir, 'robots.txt'), 'utf8')).toContain('Sitemap: http://localhost:8080/sitemap.xml');
    expect(text((await page(dir, '404.html')).querySelector('h1'))).toBe('Page not found');
  });

  it('the data downloads hold the records and parse as CSV', async () => {
    const archive = JSON.parse(await readFile(join(dir, 'data/archive.json'), 'utf8')) as { articles: { slug: string; page: string }[] };
    expect(archive.articles.map((a) => a.page).sort()).toEqual(Object.values(articles).map(articlePath).sort());

    const people = parseCsv(await readFile(join(dir, 'data/people.csv'), 'utf8'));
    expect(people[0]).toEqual(['id', 'name', 'country', 'role', 'roles', 'articles', 'first_appearance', 'last_appearance', 'page']);
    const akazawa = people.find((r) => r[0] === 'ryosei-akazawa')!;
    expect(akazawa.slice(5, 8)).toEqual(['5', '2025-04-26', '2025-07-23']);

    const events = parseCsv(await readFile(join(dir, 'data/events.csv'), 'utf8'));
    const meeting = events.find((r) => r[2] === '2025-07-22' && r[7] === 'White House')!;
    expect(meeting[6]).toBe('Ryosei Akazawa; Donald Trump');
    // A sentence with commas survives the round trip whole.
    expect(meeting[11]).toBe(
      'Japan’s chief trade negotiator, Ryosei Akazawa, met U.S. President Donald Trump at the White House on Tuesday in a bid to finalize a bilateral trade deal before a looming August 1 tariff deadline.',
    );

    const tariffs = parseCsv(await readFile(join(dir, 'data/tariffs.csv'), 'utf8'));
    expect(tariffs.filter((r) => r[0] === '25-percent-autos').map((r) => r[5])).toEqual(['threatened', 'in effect']);
  });
});
