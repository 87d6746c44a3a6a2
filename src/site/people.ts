import type { EventType, SiteArticleRef, SiteEvent, SitePerson, SitePersonRef } from '../types.ts';
import type { ArticleContext } from './articles.ts';
import { bucketByEach } from '../story/buckets.ts';
import { byDate } from './dates.ts';
import type { SiteIds } from './ids.ts';

/** Event types in which the participants actually dealt with each other. */
const contactTypes = new Set<EventType>(['meeting', 'call', 'summit', 'visit']);

function byArticleDate(articles: SiteArticleRef[]): SiteArticleRef[] {
  return byDate(articles, (a) => a.published);
}

type Role = SitePerson['roles'][number];

/** The role wording most articles use; the most recent wording breaks a tie. */
function mainRole(roles: Role[]): string | null {
  const latest = (r: Role) => r.articles.at(-1)?.published ?? null;
  const ranked = byDate(roles, latest).reverse();
  // `byDate` puts undated last, so after reversing they come first: move them back.
  const ordered = [...ranked.filter((r) => latest(r)), ...ranked.filter((r) => !latest(r))];
  let best: Role | null = null;
  for (const role of ordered) if (!best || role.articles.length > best.articles.length) best = role;
  return best?.text ?? null;
}

function contacts(self: string, events: SiteEvent[]): SitePerson['contacts'] {
  const byPerson = new Map<string, { person: SitePersonRef; events: SiteEvent[] }>();
  for (const event of events) {
    if (event.status !== 'happened' || !contactTypes.has(event.type)) continue;
    for (const other of event.participants) {
      if (other.id === self) continue;
      const key = other.id ?? `name:${other.name}`;
      const entry = byPerson.get(key) ?? { person: other, events: [] };
      entry.events.push(event);
      byPerson.set(key, entry);
    }
  }
  return [...byPerson.values()].sort((a, b) => b.events.length - a.events.length || a.person.name.localeCompare(b.person.name));
}

/** People merged across articles by canonical name; most-reported first. */
export function buildPeople(articles: ArticleContext[], events: SiteEvent[], ids: SiteIds): SitePerson[] {
  const people = new Map<string, SitePerson>();
  const roleIndex = new Map<string, Map<string, Role>>();
  for (const { record, ref, cite } of articles) {
    for (const p of record.people) {
      const id = ids.person(p.name)!;
      let person = people.get(id);
      if (!person) {
        person = { id, name: p.name, country: p.country, known: p.known, role: null, roles: [], articles: [], first: null, last: null, events: [], contacts: [], quotes: [] };
        people.set(id, person);
        roleIndex.set(id, new Map());
      }
      person.country ??= p.country;
      person.known ||= p.known;
      // Articles come one at a time, so a repeat can only be the article just added.
      if (person.articles.at(-1) !== ref) person.articles.push(ref);
      for (const text of p.roles) {
        // Curly and straight apostrophes, and case, are the same wording.
        const key = text.toLowerCase().replace(/’/g, "'");
        const known = roleIndex.get(id)!;
        let role = known.get(key);
        if (!role) {
          role = { text, articles: [] };
          known.set(key, role);
          person.roles.push(role);
        }
        if (role.articles.at(-1) !== ref) role.articles.push(ref);
      }
      for (const q of p.quotes) person.quotes.push({ text: q.text, citation: cite([q.evidence]) });
    }
  }

  // Each person's events gathered in one pass, as for venues: not every event filtered for every person.
  const eventsOf = bucketByEach(events, (e) => e.participants.map((p) => p.id));
  const result: SitePerson[] = [];
  for (const person of people.values()) {
    person.articles = byArticleDate(person.articles);
    person.roles = person.roles.map((r) => ({ ...r, articles: byArticleDate(r.articles) }));
    person.role = mainRole(person.roles);
    const dated = person.articles.filter((a) => a.published);
    person.first = dated[0] ?? null;
    person.last = dated.at(-1) ?? null;
    person.events = byDate(eventsOf.get(person.id) ?? [], (e) => e.date);
    person.contacts = contacts(person.id, person.events);
    person.quotes = byDate(person.quotes, (q) => q.citation.article.published);
    result.push(person);
  }
  return result.sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name));
}
