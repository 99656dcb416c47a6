import type { ContentRecords } from '../content/load-content.ts';
import { placeContainers } from '../content/place-containers.ts';
import { type Article, type Entity, type Event, type EventClaim, type EventReport } from '../content/schemas.ts';
import type { ArticleEvidence } from '../extract/extract-records.ts';
import type { Happening } from '../extract/happenings.ts';
import { html } from '../render/html.ts';
import { withOwnStrings } from '../own-strings.ts';
import { toSlug } from '../slug.ts';
import { compareSources } from './compare-sources.ts';

/*
 * Written here because event detection libraries (GDELT-style pipelines, TimelineJS's own tools)
 * need a server or a trained model; ours is a few transparent rules over what extraction found.
 *
 * Articles whose happenings share a date, a place and participants form one event. Curated events
 * are seeds: a happening that fits one joins it, so editors name and describe events while the
 * build keeps finding their sources. Any other happening with a date, a place and a participant
 * founds an event of its own, which further happenings may join.
 */

interface Cluster {
  /** Order of creation: ties go to the older event, whatever order the index returns them in. */
  seq: number;
  /** The editor's record, when the event is curated. */
  curated?: Event;
  date: string;
  precision: 'day' | 'month' | 'year';
  places: Set<string>;
  actors: Set<string>;
  found: Found[];
  listedBy: Set<string>;
}

interface Found {
  article: Article;
  happening: Happening;
}

const ONE_DAY = 86_400_000;
const MAX_PARTICIPANTS = 8;

/** Records with events formed and linked: every event knows its reports, every article its events. */
export function clusterEvents(records: ContentRecords, evidence: ReadonlyMap<string, ArticleEvidence>): ContentRecords {
  const articles = [...records.articles].sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
  const clusters: Cluster[] = records.events.map((event, seq) => ({
    seq,
    curated: event,
    date: event.date,
    precision: event.precision,
    places: new Set(event.places.map((id) => `place:${id}`)),
    actors: new Set([...event.people.map((id) => `person:${id}`), ...event.organizations.map((id) => `organization:${id}`)]),
    found: [],
    listedBy: new Set(),
  }));
  const byId = new Map(clusters.map((cluster) => [cluster.curated!.id, cluster]));
  const places = new PlaceHierarchy(records.entities);
  const calendar = new ClusterCalendar(places);
  for (const cluster of clusters) calendar.add(cluster);
  for (const article of articles) for (const id of article.events) byId.get(id)?.listedBy.add(article.id);

  for (const item of inOrder(articles, evidence, places)) {
    const { happening } = item;
    const fit = bestFit(calendar.near(happening), happening, places);
    if (fit) {
      fit.found.push(item);
      if (!fit.curated) {
        for (const place of happening.places) {
          if (!fit.places.has(place)) calendar.addPlace(fit, place);
          fit.places.add(place);
        }
        for (const actor of happening.participants) {
          if (!fit.actors.has(actor)) calendar.addActor(fit, actor);
          fit.actors.add(actor);
        }
      }
    } else if (happening.places.length > 0 && happening.participants.length > 0) {
      const cluster: Cluster = {
        seq: clusters.length,
        date: happening.date,
        precision: happening.precision,
        places: new Set(happening.places),
        actors: new Set(happening.participants),
        found: [item],
        listedBy: new Set(),
      };
      clusters.push(cluster);
      calendar.add(cluster);
    }
  }

  const entityByRef = new Map(records.entities.map((entity) => [`${entity.kind}:${entity.id}`, entity]));
  const taken = new Set(records.events.map((event) => event.id));
  const articleById = new Map(articles.map((article) => [article.id, article]));
  const order = new Map(articles.map((article, position) => [article.id, position]));
  const events = clusters
    .filter((cluster) => cluster.curated || cluster.found.length > 0)
    .map((cluster) => toEvent(cluster, { articles: articleById, order, evidence, entities: entityByRef, places, taken }));

  const eventsOf = new Map<string, string[]>();
  for (const event of events) {
    for (const report of event.reports) {
      const list = eventsOf.get(report.article);
      if (list) list.push(event.id);
      else eventsOf.set(report.article, [event.id]);
    }
  }
  return {
    ...records,
    articles: records.articles.map((article) => ({
      ...article,
      events: [...new Set([...article.events, ...(eventsOf.get(article.id) ?? [])])],
    })),
    events,
  };
}

/**
 * Each happening with its story: main happenings first, so a story's own subject founds its event
 * before passing mentions do; within each, by story. Made one at a time: at 100,000 stories a
 * queue of a million copies was a sixth of clustering, most of it the garbage collector's.
 */
function* inOrder(articles: readonly Article[], evidence: ReadonlyMap<string, ArticleEvidence>, places: PlaceHierarchy): Generator<Found> {
  for (const main of [true, false]) {
    for (const article of articles) {
      for (const happening of evidence.get(article.id)?.happenings ?? []) {
        if (happening.main !== main) continue;
        // "Moscow" and "Russia" together mean Moscow; the happening is copied only when that drops a place.
        const specific = places.mostSpecific(happening.places);
        yield { article, happening: specific.length === happening.places.length ? happening : { ...happening, places: specific } };
      }
    }
  }
}

/**
 * Events by day and month, each under its places (and the places containing them) and its
 * participants, so a happening is compared only with the few events it could join: on a busy
 * news day thousands of events share a date, but few share a place.
 */
class ClusterCalendar {
  /** By place or participant, then by slot: a day, a month (every event in it), or a month's month-wide events (`YYYY-MM~`). */
  private readonly index = new Map<string, Map<string, Set<Cluster>>>();
  private readonly around = new Map<string, string[]>();

  constructor(private readonly places: PlaceHierarchy) {}

  add(cluster: Cluster): void {
    if (cluster.places.size === 0) this.file(cluster, 'place:');
    for (const place of cluster.places) this.addPlace(cluster, place);
    for (const actor of cluster.actors) this.file(cluster, actor);
  }

  addPlace(cluster: Cluster, place: string): void {
    for (const around of this.places.withContainers(place)) this.file(cluster, around);
  }

  addActor(cluster: Cluster, actor: string): void {
    this.file(cluster, actor);
  }

  /** Events a happening could belong to: a day either side of its day, or anything in its month, sharing a place or (without one) a participant. */
  near(happening: Happening): Cluster[] {
    const keys = happening.places.length > 0 ? ['place:', ...happening.places.flatMap((place) => this.places.withContainers(place))] : happening.participants;
    const month = happening.date.slice(0, 7);
    const days = happening.precision === 'month' ? [] : this.daysAround(happening.date);
    // A month-wide happening may join any event of its month; a dated one only the month-wide ones.
    const monthSlot = happening.precision === 'month' ? month : `${month}~`;
    const found = new Set<Cluster>();
    for (const key of keys) {
      const slots = this.index.get(key);
      if (!slots) continue;
      for (const day of days) for (const cluster of slots.get(day) ?? []) found.add(cluster);
      for (const cluster of slots.get(monthSlot) ?? []) found.add(cluster);
    }
    return [...found];
  }

  /** The day before, the day and the day after; worked out once per day, not once per happening and key. */
  private daysAround(day: string): string[] {
    let days = this.around.get(day);
    if (!days) {
      const at = Date.parse(day);
      this.around.set(day, (days = [at - ONE_DAY, at, at + ONE_DAY].map((time) => new Date(time).toISOString().slice(0, 10))));
    }
    return days;
  }

  private file(cluster: Cluster, key: string): void {
    if (cluster.precision === 'year') return;
    let slots = this.index.get(key);
    if (!slots) this.index.set(key, (slots = new Map()));
    const add = (slot: string) => {
      const set = slots.get(slot);
      if (set) set.add(cluster);
      else slots.set(slot, new Set([cluster]));
    };
    const month = cluster.date.slice(0, 7);
    add(month);
    add(cluster.precision === 'day' ? cluster.date : `${month}~`);
  }
}

/** The cluster a happening belongs to: same day (or a day apart, with a shared person), place and people. */
function bestFit(clusters: readonly Cluster[], happening: Happening, places: PlaceHierarchy): Cluster | undefined {
  let best: { cluster: Cluster; score: number } | undefined;
  const fits: Cluster[] = [];
  for (const cluster of clusters) {
    const apart = distance(happening, cluster);
    if (apart === undefined) continue;
    const shared = happening.participants.filter((actor) => cluster.actors.has(actor));
    const sharesPerson = shared.some((actor) => actor.startsWith('person:'));
    if (apart > 0 && !sharesPerson) continue; // "Thursday" vs "Friday": only the same people make it the same event
    if (happening.places.length > 0) {
      const samePlace = happening.places.some((place) => cluster.places.has(place));
      const related = samePlace || places.overlap(happening.places, [...cluster.places]);
      if (!related && cluster.places.size > 0) continue;
      if (shared.length === 0 && !(samePlace && apart === 0)) continue;
    } else if (apart > 0 || shared.length === 0) {
      continue;
    }
    fits.push(cluster);
    const score = shared.length * 2 - apart * 3 + (cluster.curated ? 1 : 0);
    if (!best || score > best.score || (score === best.score && cluster.seq < best.cluster.seq)) best = { cluster, score };
  }
  // Without a place, a happening joins only when one event could be meant.
  if (happening.places.length === 0 && fits.length > 1) return undefined;
  return best?.cluster;
}

/** Days between a happening and an event, 0 when a month contains the other's day; undefined when they cannot match. */
function distance(happening: Happening, cluster: Cluster): number | undefined {
  if (cluster.precision === 'year') return undefined;
  if (happening.precision === 'month' || cluster.precision === 'month') {
    return happening.date.slice(0, 7) === cluster.date.slice(0, 7) ? 0 : undefined;
  }
  const days = Math.abs(Date.parse(happening.date) - Date.parse(cluster.date)) / ONE_DAY;
  return days <= 1 ? days : undefined;
}

interface Context {
  articles: ReadonlyMap<string, Article>;
  /** Each article's place among the articles sorted by day, then id. */
  order: ReadonlyMap<string, number>;
  evidence: ReadonlyMap<string, ArticleEvidence>;
  /** The registry by reference ("place:bern"). */
  entities: ReadonlyMap<string, Entity>;
  places: PlaceHierarchy;
  /** Event ids given out so far. */
  taken: Set<string>;
}

function toEvent(cluster: Cluster, { articles, order, evidence, ...context }: Context): Event {
  const reports = reportsOf(cluster, articles, order);
  const base = cluster.curated ?? formedEvent(cluster, reports, articles, context);
  const event: Event = { ...base, reports, disagreements: [] };
  return { ...event, disagreements: compareSources(event, articles, evidence) };
}

/** The stories of an event, oldest first: each with its role and the dates it gives. */
function reportsOf(cluster: Cluster, articles: ReadonlyMap<string, Article>, order: ReadonlyMap<string, number>): EventReport[] {
  const byArticle = new Map<string, EventReport>();
  const reportFor = (id: string) => {
    let report = byArticle.get(id);
    if (!report) byArticle.set(id, (report = { article: id, role: 'mention', claims: [] }));
    return report;
  };
  for (const { article, happening } of cluster.found) {
    const report = reportFor(article.id);
    if (happening.main) report.role = 'main';
    if (!report.claims.some((claim) => claim.text === happening.text && claim.date === happening.date)) {
      const { text, date, precision, method, sentence }: EventClaim = happening;
      report.claims.push({ text, date, precision, method, sentence });
    }
  }
  for (const id of cluster.listedBy) {
    // An editor listing an event first says the story is about it.
    const report = reportFor(id);
    if (articles.get(id)?.events[0] === cluster.curated?.id) report.role = 'main';
  }
  // By the articles' own order, worked out once: comparing days and ids as text for every pair
  // of an event with thousands of stories was a tenth of clustering.
  return [...byArticle.values()]
    .filter((report) => order.has(report.article))
    .sort((a, b) => order.get(a.article)! - order.get(b.article)!);
}

/** An event nobody curated: its date is what most sources say, its title who met where. */
function formedEvent(
  cluster: Cluster,
  reports: readonly EventReport[],
  articles: ReadonlyMap<string, Article>,
  { entities, places: hierarchy, taken }: Omit<Context, 'articles' | 'order' | 'evidence'>,
): Omit<Event, 'reports' | 'disagreements'> {
  const { date, precision } = agreedDate(reports);
  const count = (refs: Iterable<string>) => {
    const tally = new Map<string, number>();
    for (const ref of refs) tally.set(ref, (tally.get(ref) ?? 0) + 1);
    return [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([ref]) => ref);
  };
  const places = hierarchy.mostSpecific(count(cluster.found.flatMap(({ happening }) => happening.places)));
  const actors = count(cluster.found.flatMap(({ happening }) => happening.participants)).slice(0, MAX_PARTICIPANTS);
  // The registry's own id strings: a slice of each reference, kept by thousands of events, would be an object of its own.
  const idsOf = (kind: string, refs: readonly string[]) => refs.filter((ref) => ref.startsWith(`${kind}:`)).map((ref) => entities.get(ref)?.id ?? ref.slice(kind.length + 1));
  const people = idsOf('person', actors);
  const organizations = idsOf('organization', actors);
  const placeIds = idsOf('place', places);
  const nameOf = (ref: string) => entities.get(ref)?.name ?? ref;
  const who = people.length > 0 ? people.slice(0, 2).map((id) => nameOf(`person:${id}`)) : organizations.slice(0, 1).map((id) => nameOf(`organization:${id}`));
  const where = placeIds[0] ? nameOf(`place:${placeIds[0]}`) : '';
  const title = `${who.join(' and ')}${where ? ` in ${where}` : ''}`;
  const id = uniqueId(toSlug(`${where || who[0] || 'event'} ${date}`), people[0] ?? organizations[0] ?? 'event', taken);
  const first = cluster.found.find(({ happening }) => happening.main) ?? cluster.found[0]!;
  const source = articles.get(first.article.id)?.source.name ?? '';
  return {
    id,
    file: null,
    // Built of pieces, the title and summary would keep each piece as an object of its own for as
    // long as the archive lives: one flat string each.
    title: withOwnStrings(title),
    date,
    endDate: null,
    precision,
    places: placeIds,
    people,
    organizations,
    summaryHtml: withOwnStrings(html`<p>${first.happening.sentence}</p><p class="muted">As told by ${source}; formed from ${reports.length === 1 ? 'one story' : `${reports.length} stories`} by the build.</p>`.toString()),
    curated: false,
  };
}

/** The date most sources give; written-out dates outweigh weekdays and inferred years on a tie. */
function agreedDate(reports: readonly EventReport[]): { date: string; precision: 'day' | 'month' } {
  const weight = { explicit: 3, 'inferred-year': 2, relative: 1, duration: 0 } as const;
  const votes = new Map<string, { count: number; weight: number; precision: 'day' | 'month' }>();
  for (const report of reports) {
    const best = [...report.claims].sort((a, b) => (a.precision === b.precision ? weight[b.method] - weight[a.method] : a.precision === 'day' ? -1 : 1))[0];
    if (!best) continue;
    const vote = votes.get(best.date) ?? { count: 0, weight: 0, precision: best.precision };
    votes.set(best.date, { ...vote, count: vote.count + 1, weight: vote.weight + weight[best.method] });
  }
  const [date, vote] = [...votes.entries()].sort((a, b) => b[1].count - a[1].count || b[1].weight - a[1].weight || a[0].localeCompare(b[0]))[0]!;
  return { date, precision: vote.precision };
}

function uniqueId(base: string, qualifier: string, taken: Set<string>): string {
  let id = taken.has(base) ? `${base}-${qualifier}` : base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${qualifier}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Which place lies in which, from the registry's `country` field: a happening "in Russia" can be
 * the same as one "in Moscow", and a story naming both meant the city.
 */
class PlaceHierarchy {
  private readonly parent = new Map<string, string>();

  constructor(entities: readonly Entity[]) {
    // Never circular: places naming each other as their country (reported by the content check) are cut open.
    for (const [place, container] of placeContainers(entities).parent) this.parent.set(`place:${place}`, `place:${container}`);
  }

  /** A place and every place it lies in. */
  withContainers(place: string): string[] {
    const chain = [place];
    for (let at = this.parent.get(place); at && !chain.includes(at); at = this.parent.get(at)) chain.push(at);
    return chain;
  }

  contains(outer: string, inner: string): boolean {
    // A chain is at most as long as there are links; the bound keeps the walk finite whatever the map holds.
    let steps = 0;
    for (let at = this.parent.get(inner); at && steps <= this.parent.size; at = this.parent.get(at), steps++) if (at === outer) return true;
    return false;
  }

  overlap(a: readonly string[], b: readonly string[]): boolean {
    return a.some((x) => b.some((y) => x === y || this.contains(x, y) || this.contains(y, x)));
  }

  /** Drop a place when a place inside it is also named. */
  mostSpecific(refs: readonly string[]): string[] {
    return refs.filter((outer) => !refs.some((inner) => inner !== outer && this.contains(outer, inner)));
  }
}
