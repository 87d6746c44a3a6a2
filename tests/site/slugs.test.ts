import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/site/model.ts';
import { planPages } from '../../src/site/page-plan.ts';
import { noSlugs, publishedSlugs, uniqueSlugs } from '../../src/site/slugs.ts';
import type { SiteModel } from '../../src/types.ts';
import { archiveOf, article, ev, person, tariff } from './records.ts';

const options = { title: 'Test', siteUrl: 'https://example.org' };

describe('uniqueSlugs', () => {
  it('gives namesakes the qualifier, then a number', () => {
    const slugs = uniqueSlugs([
      { key: 'José Ortiz', base: 'José Ortiz', qualifier: 'Spain' },
      { key: 'Jose Ortiz', base: 'Jose Ortiz', qualifier: 'Mexico' },
      { key: 'JOSE ORTIZ', base: 'JOSE ORTIZ', qualifier: 'Mexico' },
      { key: 'Jose  Ortiz', base: 'Jose  Ortiz' },
    ]);
    expect([...slugs.values()]).toEqual(['jose-ortiz', 'jose-ortiz-mexico', 'jose-ortiz-2', 'jose-ortiz-3']);
  });

  it('keeps one slug per key however often it is claimed', () => {
    const slugs = uniqueSlugs([
      { key: 'a', base: 'Same' },
      { key: 'b', base: 'Same' },
      { key: 'a', base: 'Same' },
    ]);
    expect(Object.fromEntries(slugs)).toEqual({ a: 'same', b: 'same-2' });
  });

  it('never lets a real slug and a suffixed one collide', () => {
    const slugs = uniqueSlugs([
      { key: 'x', base: 'Name' },
      { key: 'y', base: 'Name' },
      { key: 'z', base: 'Name 2' },
    ]);
    expect(new Set(slugs.values()).size).toBe(3);
  });

  it('gives a key the slug it had while no other key holds it, before serving the rest in order', () => {
    const claims = [
      { key: 'new', base: 'Talks' },
      { key: 'old', base: 'Talks' },
      { key: 'older', base: 'Talks' },
    ];
    expect(Object.fromEntries(uniqueSlugs(claims, { old: 'talks', older: 'talks-2', gone: 'talks-3' }))).toEqual({ new: 'talks-4', old: 'talks', older: 'talks-2' });
    // Two keys kept at one slug (an edited file): the first claimant keeps it.
    expect(Object.fromEntries(uniqueSlugs(claims, { old: 'talks', older: 'talks' }))).toEqual({ new: 'talks-2', old: 'talks', older: 'talks-3' });
  });

  it('keeps the slug of a key that is gone from a newcomer, unless the newcomer succeeds it', () => {
    const claims = [{ key: 'new', base: 'Talks' }];
    expect(Object.fromEntries(uniqueSlugs(claims, { gone: 'talks' }))).toEqual({ new: 'talks-2' });
    expect(Object.fromEntries(uniqueSlugs(claims, { gone: 'talks' }, (_, gone) => gone === 'gone'))).toEqual({ new: 'talks' });
  });

  it('makes path-safe slugs from hostile text', () => {
    const slugs = uniqueSlugs([
      { key: '1', base: '../../etc/passwd' },
      { key: '2', base: '<script>alert(1)</script>' },
      { key: '3', base: '' },
    ]);
    for (const slug of slugs.values()) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

/** Every slug the model hands out, by kind. */
function slugsOf(model: SiteModel): Record<string, string[]> {
  return {
    articles: model.articles.map((a) => a.slug),
    people: model.people.map((p) => p.id),
    tariffs: model.tariffs.map((t) => t.id),
    venues: model.venues.map((v) => v.id),
    deadlines: model.deadlines.map((d) => d.id),
    events: model.events.map((e) => e.id),
  };
}

describe('site slugs', () => {
  const first = article('000_a.txt', {
    slug: 'talks',
    published: '2025-07-01',
    publishedPrecision: 'day',
    people: [person('José Ortiz', { country: 'Spain' }), person('Ryosei Akazawa', { country: 'Japan' })],
    tariffs: [tariff(25, 'autos', { target: 'Japan' })],
    venues: [{ id: 'white-house', name: 'White House', known: true, evidence: [] }],
    deadlines: [{ date: '2025-08-01', precision: 'day', what: 'deadline', tariff: null, evidence: [] }],
  });
  const second = article('001_b.txt', {
    slug: 'talks',
    published: '2025-07-02',
    publishedPrecision: 'day',
    people: [person('Jose Ortiz', { country: 'Mexico' })],
    tariffs: [tariff(25, 'autos', { target: 'South Korea' })],
  });
  // Sorts first by date, but joins the archive last.
  const later = article('002_c.txt', {
    slug: 'talks',
    published: '2025-06-01',
    publishedPrecision: 'day',
    people: [person('Jose  Ortiz'), person('Ryosei Akazawa', { country: 'Japan' })],
    tariffs: [tariff(25, 'autos', { target: null })],
    venues: [{ id: 'white-house', name: 'White-House', known: false, evidence: [] }],
  });

  it('never gives two things of one kind the same slug', () => {
    const model = buildSiteModel(archiveOf([first, second, later]), options);
    for (const [kind, slugs] of Object.entries(slugsOf(model))) expect(new Set(slugs).size, kind).toBe(slugs.length);
    expect(model.articles.map((a) => a.slug).sort()).toEqual(['talks', 'talks-2025-06-01', 'talks-2025-07-02']);
    expect(model.people.map((p) => p.id).sort()).toEqual(['jose-ortiz', 'jose-ortiz-2', 'jose-ortiz-mexico', 'ryosei-akazawa']);
    // One tariff per country; a report that names none stays apart once two countries are known.
    expect(model.tariffs.map((t) => [t.id, t.target]).sort()).toEqual([
      ['25-percent-autos', 'Japan'],
      ['25-percent-autos-south-korea', 'South Korea'],
      ['25-percent-autos-target-not-given', null],
    ]);
    expect(model.venues.map((v) => v.id).sort()).toEqual(['white-house', 'white-house-2']);
  });

  it('keeps every existing slug when an article is added', () => {
    const before = slugsOf(buildSiteModel(archiveOf([first, second]), options));
    const after = slugsOf(buildSiteModel(archiveOf([first, second, later]), options));
    for (const [kind, slugs] of Object.entries(before)) expect(after[kind], kind).toEqual(expect.arrayContaining(slugs));
  });

  // Seed files are named by date, so an article from the past sorts before those it joins.
  const earlier = article('000_0.txt', {
    slug: 'talks',
    published: '2025-06-01',
    publishedPrecision: 'day',
    people: [person('Jose Ortiz', { country: 'Mexico' })],
    tariffs: [tariff(25, 'autos', { target: 'South Korea' })],
    venues: [{ id: 'white-house', name: 'White-House', known: false, evidence: [] }],
  });
  const rebuilt = (records: ReturnType<typeof article>[], before: SiteModel) =>
    buildSiteModel(archiveOf(records), { ...options, published: { anchors: {}, parts: [], slugs: publishedSlugs(noSlugs(), before.slugs) } });

  it('keeps every published slug when an article from the past sorts first', () => {
    const before = buildSiteModel(archiveOf([first, second]), options);
    const after = rebuilt([earlier, first, second], before);
    // Without what the site published, the newcomer takes the plain slugs.
    expect(buildSiteModel(archiveOf([earlier, first, second]), options).articles.find((a) => a.file === '000_0.txt')!.slug).toBe('talks');
    expect(after.articles.find((a) => a.file === '000_a.txt')!.slug).toBe('talks');
    expect(after.articles.find((a) => a.file === '000_0.txt')!.slug).toBe('talks-2025-06-01');
    for (const [kind, slugs] of Object.entries(slugsOf(before))) expect(slugsOf(after)[kind], kind).toEqual(expect.arrayContaining(slugs));
    expect(after.venues.find((v) => v.name === 'White-House')!.id).toBe('white-house-2');
  });

  it('keeps the second namesake’s slug when the first is taken out, and gives the first its own back when it returns', () => {
    const before = buildSiteModel(archiveOf([first, second]), options);
    const without = rebuilt([second], before);
    expect(without.articles.map((a) => a.slug)).toEqual(['talks-2025-07-02']);
    expect(without.people.map((p) => p.id)).toEqual(['jose-ortiz-mexico']);
    expect(without.tariffs.map((t) => t.id)).toEqual(['25-percent-autos-south-korea']);
    // What the site keeps after that build still knows the article taken out.
    const kept = publishedSlugs(before.slugs, without.slugs);
    expect(kept.articles).toEqual({ '000_a.txt': 'talks', '001_b.txt': 'talks-2025-07-02' });
    const back = buildSiteModel(archiveOf([first, second]), { ...options, published: { anchors: {}, parts: [], slugs: kept } });
    expect(slugsOf(back)).toEqual(slugsOf(before));
  });

  it('never hands the slug of an article taken out to a newcomer with its headline, and gives it back when it returns', () => {
    const before = buildSiteModel(archiveOf([first, second]), options);
    const without = rebuilt([second], before);
    const newcomer = article('003_d.txt', { slug: 'talks', published: '2025-07-05', publishedPrecision: 'day' });
    const kept = publishedSlugs(publishedSlugs(noSlugs(), before.slugs), without.slugs);
    const joined = buildSiteModel(archiveOf([second, newcomer]), { ...options, published: { anchors: {}, parts: [], slugs: kept } });
    expect(joined.articles.map((a) => a.slug)).toEqual(['talks-2025-07-02', 'talks-2025-07-05']);
    const back = buildSiteModel(archiveOf([first, second, newcomer]), { ...options, published: { anchors: {}, parts: [], slugs: publishedSlugs(kept, joined.slugs) } });
    expect(back.articles.find((a) => a.file === '000_a.txt')!.slug).toBe('talks');
  });

  it('gives a tariff reported without its country, then with it, the same slug, and no other country’s tariff that slug', () => {
    const noCountry = article('000_n.txt', { tariffs: [tariff(25, 'autos', { target: null })] });
    const japan = article('001_j.txt', { tariffs: [tariff(25, 'autos', { target: 'Japan' })] });
    const korea = article('002_k.txt', { tariffs: [tariff(25, 'autos', { target: 'South Korea' })] });
    const before = buildSiteModel(archiveOf([noCountry]), options);
    expect(before.tariffs.map((t) => t.id)).toEqual(['25-percent-autos']);
    const named = rebuilt([noCountry, japan], before);
    expect(named.tariffs.map((t) => [t.id, t.target])).toEqual([['25-percent-autos', 'Japan']]);
    const other = buildSiteModel(archiveOf([korea]), { ...options, published: { anchors: {}, parts: [], slugs: publishedSlugs(before.slugs, named.slugs) } });
    expect(other.tariffs.map((t) => t.id)).toEqual(['25-percent-autos-south-korea']);
  });

  it('lets a slug go to another once the one that held it is gone and the site has published it elsewhere', () => {
    const before = buildSiteModel(archiveOf([first]), options);
    const taken = publishedSlugs(before.slugs, { ...before.slugs, articles: { '002_c.txt': 'talks' } });
    expect(taken.articles).toEqual({ '002_c.txt': 'talks' });
  });

  it('keeps an article titled like a month, a year or "Undated" off the article index’s part addresses', () => {
    const titled = ['undated', '2025-07', '2025', 'undated-2', 'july-2025'].map((slug, i) => article(`01${i}_t.txt`, { slug }));
    const model = buildSiteModel(archiveOf(titled), { ...options, pageBudget: 1 });
    expect(model.articles.map((a) => a.slug)).toEqual(['article-undated', 'article-2025-07', 'article-2025', 'article-undated-2', 'july-2025']);
    const pages = new Set([...model.articles.map((a) => `/articles/${a.slug}/`), ...model.articlePages.parts.map((p) => p.url)]);
    expect(pages.size).toBe(titled.length + model.articlePages.parts.length);
  });

  it('keeps a deadline worded "by month" off the folder of the deadlines index’s month parts', () => {
    const due = (date: string | null, what: string) => ({ date, precision: date ? ('month' as const) : null, what, tariff: null, evidence: [ev(`Due ${what}.`)] });
    const model = buildSiteModel(archiveOf([article('010_d.txt', { deadlines: [due(null, 'By month'), due('2025-07', 'the pause ends')] })]), options);
    expect(model.deadlines.map((d) => d.id).sort()).toEqual(['2025-07', 'deadline-by-month']);
  });

  it('reads a tariff with no country as the one tariff of that rate and scope', () => {
    const model = buildSiteModel(archiveOf([first, article('001_d.txt', { tariffs: [tariff(25, 'autos', { target: null, status: 'lifted' })] })]), options);
    expect(model.tariffs).toHaveLength(1);
    expect(model.tariffs[0]!.history.map((h) => h.status)).toEqual(['in effect', 'lifted']);
    expect(model.tariffs[0]!.target).toBe('Japan');
  });
});

describe('page addresses', () => {
  it('stop the build when two pages would be written at one address', () => {
    const model = buildSiteModel(archiveOf([article('000_a.txt', { slug: 'talks' })]), options);
    expect(planPages(model, 'key', {}, () => false).urls).toContain('/articles/talks/');
    model.movedPages.push({ url: '/articles/talks/', to: '/', label: 'the timeline', kind: 'page' });
    expect(() => planPages(model, 'key', {}, () => false)).toThrow('Two pages at one address, /articles/talks/');
  });
});
