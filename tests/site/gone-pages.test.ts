// An article taken out of the archive, or a person no article names any
// more, leaves addresses the deployed site published. Each should say that
// what was there is gone and point to the index of its kind, and should give
// way to the real page again when the article comes back.
import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/site/model.ts';
import { publishedAddresses } from '../../src/site/published-addresses.ts';
import { noSlugs } from '../../src/site/slugs.ts';
import type { ArticleRecord, PublishedAddresses, SiteModel } from '../../src/types.ts';
import { archiveOf, article, ev, person, tariff } from './records.ts';

const options = { title: 'Test', siteUrl: 'https://example.org', pageBudget: 2 };
const nothingPublished: PublishedAddresses = { anchors: {}, parts: [], slugs: noSlugs() };

const stays = article('001_talks.txt', { slug: 'talks', published: '2025-07-01', publishedPrecision: 'day', people: [person('Ryosei Akazawa', { evidence: [ev('Akazawa arrived.')] })] });
/** Four articles that alone name Kono and the 30% steel tariff: enough for his list of articles to run onto later pages. */
const retracted = [2, 3, 4, 5].map((n) =>
  article(`00${n}_kono.txt`, {
    slug: `kono-${n}`,
    published: `2025-07-0${n}`,
    publishedPrecision: 'day',
    people: [person('Taro Kono', { known: false, evidence: [ev(`Kono spoke on day ${n}.`)] })],
    tariffs: [tariff(30, 'steel', { evidence: [ev('A 30% tariff on steel.')] })],
  }),
);

const build = (records: ArticleRecord[], published: PublishedAddresses) => buildSiteModel(archiveOf(records), { ...options, published });
const gone = (model: SiteModel) => new Map(model.movedPages.filter((m) => m.kind === 'gone').map((m) => [m.url, m]));

describe('addresses of what the archive no longer holds', () => {
  const before = build([stays, ...retracted], nothingPublished);
  const published = publishedAddresses(nothingPublished, before);
  const after = build([stays], published);
  const konoPages = before.personPages.filter((p) => p.url.startsWith('/people/taro-kono/'));

  it('answer for the articles taken out and for the person and tariff only they named, with the index of their kind', () => {
    const pages = gone(after);
    for (const n of [2, 3, 4, 5]) expect(pages.get(`/articles/kono-${n}/`)).toMatchObject({ to: '/articles/', label: 'the article index' });
    expect(pages.get('/people/taro-kono/')).toMatchObject({ to: '/people/', label: 'the people in the archive' });
    const steel = before.tariffs.find((t) => t.rate === 30)!;
    expect(pages.get(`/tariffs/${steel.id}/`)).toMatchObject({ to: '/tariffs/' });
    expect(pages.has('/people/ryosei-akazawa/')).toBe(false);
    expect(pages.has('/articles/talks/')).toBe(false);
  });

  it('answer for the later pages of a gone person’s lists, and their folders', () => {
    const later = konoPages.filter((p) => p.list !== null);
    expect(later.length).toBeGreaterThan(0);
    const pages = gone(after);
    for (const p of later) {
      expect(pages.get(p.url)?.to, p.url).toBe('/people/');
      expect(pages.get(`/people/taro-kono/${p.list}/`)?.to).toBe('/people/');
    }
  });

  it('are pages again, under the same addresses, once the articles come back', () => {
    const back = build([stays, ...retracted], publishedAddresses(published, after));
    expect(gone(back).size).toBe(0);
    expect(back.personPages.filter((p) => p.url.startsWith('/people/taro-kono/')).map((p) => p.url)).toEqual(konoPages.map((p) => p.url));
    expect(back.articles.map((a) => a.slug).sort()).toEqual(before.articles.map((a) => a.slug).sort());
  });

  it('are none without a published site to compare with', () => {
    expect(gone(build([stays], nothingPublished)).size).toBe(0);
  });
});
