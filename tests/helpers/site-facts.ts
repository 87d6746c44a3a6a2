// What the archive must show, written by reading seeds/*.txt (not copied from
// build output), so the browser tests check the site against the articles.

export type ArticleKey = 'struggle' | 'g7' | 'deadline24' | 'visit' | 'races';

export interface ArticleFacts {
  title: string;
  /** Publication date from the front matter. */
  date: string;
  /** A phrase from the body that the article page must show. */
  bodyPhrase: string;
  /** Text from the source page's chrome that must not reach the archive. */
  boilerplate: string[];
}

export const articles: Record<ArticleKey, ArticleFacts> = {
  struggle: {
    title: 'Japan, US struggle over trade amid tariff tensions',
    date: '2025-04-26',
    bodyPhrase: 'gifted him a gold-colored piggy bank',
    boilerplate: ['What is your opinion on this topic?', 'Leave the first comment', 'largest foreign inflow in four weeks'],
  },
  g7: {
    title: 'Japan, US Advance Trade Talks Ahead of G7 as Tariff Deadline Looms',
    date: '2025-06-15',
    bodyPhrase: 'held a 30-minute phone call on Saturday',
    boilerplate: ['U.S.-Russia Talks Leave Ukraine Peace Efforts Uncertain', 'Cuba Reaffirms Anti-Drug Cooperation'],
  },
  deadline24: {
    title: 'Japan, US Hold Talks Ahead of 24% Tariff Deadline',
    date: '2025-07-06',
    bodyPhrase: 'phone discussions with U.S. Commerce Secretary Howard Lutnick',
    boilerplate: ["Asia's IPO Market Set for Strong Growth", 'U.S. Expected to Expand Travel Ban'],
  },
  visit: {
    title: "Japan's Akazawa aims to visit US next week for more trade talks",
    date: '2025-07-19',
    bodyPhrase: 'toured the U.S. Pavilion at the Expo amid sweltering heat',
    boilerplate: ['blog comments powered by Disqus', 'Published in News & Features'],
  },
  races: {
    title: 'Japan Races to Seal US Trade Deal as August Tariff Deadline Looms',
    date: '2025-07-23',
    bodyPhrase: 'engaged in over two hours of direct discussions',
    boilerplate: ['Global Markets Slide as Tech Stocks Sink', 'Oil Prices Rebound as U.S.-Venezuela Tensions'],
  },
};

/** Oldest first, as the timeline lists them. */
export const chronological: ArticleKey[] = ['struggle', 'g7', 'deadline24', 'visit', 'races'];

/** Months the articles came out in (the timeline has more: events and deadlines). */
export const months: { month: string; articles: ArticleKey[] }[] = [
  { month: '2025-04', articles: ['struggle'] },
  { month: '2025-06', articles: ['g7'] },
  { month: '2025-07', articles: ['deadline24', 'visit', 'races'] },
];

export interface PersonFacts {
  id: string;
  name: string;
  /** Every article that names the person (by name, surname or role). */
  articles: ArticleKey[];
}

export const people: Record<string, PersonFacts> = {
  akazawa: { id: 'ryosei-akazawa', name: 'Ryosei Akazawa', articles: ['struggle', 'g7', 'deadline24', 'visit', 'races'] },
  trump: { id: 'donald-trump', name: 'Donald Trump', articles: ['struggle', 'g7', 'deadline24', 'visit', 'races'] },
  // Lutnick is not in the Expo piece (Bessent's visit) nor the April one.
  lutnick: { id: 'howard-lutnick', name: 'Howard Lutnick', articles: ['g7', 'deadline24', 'races'] },
  bessent: { id: 'scott-bessent', name: 'Scott Bessent', articles: ['g7', 'visit', 'races'] },
  ishiba: { id: 'shigeru-ishiba', name: 'Shigeru Ishiba', articles: ['g7', 'visit', 'races'] },
};

/** The 25% duty on cars: the Bloomberg piece ("car imports") and the G7 piece ("automobiles"). */
export const autoTariff = { id: '25-percent-autos', rate: '25%', articles: ['g7', 'visit'] as ArticleKey[] };

/** Curly quotes, dashes and runs of spaces vary with typography; compare without them. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The article a piece of link text names, if any. */
export function articleKeyForTitle(text: string): ArticleKey | undefined {
  const wanted = normaliseText(text).toLowerCase();
  return chronological.find((key) => wanted.includes(normaliseText(articles[key].title).toLowerCase()));
}

/**
 * Pages every build has at fixed paths (relative to the path prefix), with the
 * content type a static host must send for them.
 */
export const fixedUrls: { path: string; type: RegExp }[] = [
  { path: '', type: /^text\/html/ },
  { path: 'newest/', type: /^text\/html/ },
  { path: 'people/', type: /^text\/html/ },
  { path: `people/${people.akazawa!.id}/`, type: /^text\/html/ },
  { path: `people/${people.lutnick!.id}/`, type: /^text\/html/ },
  { path: 'tariffs/', type: /^text\/html/ },
  { path: `tariffs/${autoTariff.id}/`, type: /^text\/html/ },
  { path: 'venues/', type: /^text\/html/ },
  { path: 'deadlines/', type: /^text\/html/ },
  { path: 'about/', type: /^text\/html/ },
  { path: 'search/', type: /^text\/html/ },
  { path: '404.html', type: /^text\/html/ },
  { path: 'feed.xml', type: /xml/ },
  { path: 'sitemap.xml', type: /xml/ },
  { path: 'robots.txt', type: /^text\/plain/ },
  { path: 'data/archive.json', type: /^application\/json/ },
  { path: 'data/people.csv', type: /^text\/csv/ },
  { path: 'data/tariffs.csv', type: /^text\/csv/ },
  { path: 'data/events.csv', type: /^text\/csv/ },
];

/**
 * One page of each type. Types whose ids the seeds do not fix (article slugs,
 * venue and deadline ids) name the index page to take the first link from.
 */
export const pageTypes: { type: string; path?: string; firstLinkOn?: { index: string; pattern: RegExp } }[] = [
  { type: 'timeline', path: '' },
  { type: 'newest', path: 'newest/' },
  { type: 'article', firstLinkOn: { index: '', pattern: /\/articles\/[^/]+\/$/ } },
  { type: 'people index', path: 'people/' },
  { type: 'person', path: `people/${people.akazawa!.id}/` },
  { type: 'tariffs index', path: 'tariffs/' },
  { type: 'tariff', path: `tariffs/${autoTariff.id}/` },
  { type: 'venues index', path: 'venues/' },
  { type: 'venue', firstLinkOn: { index: 'venues/', pattern: /\/venues\/[^/]+\/$/ } },
  { type: 'deadlines index', path: 'deadlines/' },
  { type: 'deadline', firstLinkOn: { index: 'deadlines/', pattern: /\/deadlines\/[^/]+\/$/ } },
  { type: 'about', path: 'about/' },
  { type: 'search', path: 'search/' },
  { type: '404', path: 'no-such-page/' },
];
