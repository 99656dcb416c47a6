import type { ContentRecords } from '../content/load-content.ts';
import { ENTITY_FIELD, type Article, type DateMention, type Entity, type EntityKind, type LoadedArticle } from '../content/schemas.ts';
import { toSlug } from '../slug.ts';
import { extractionText, type ArticleExtraction } from './extract-article.ts';
import { ExtractionCache } from './extraction-cache.ts';
import { buildRegistryIndex, keyOf, type RegistryIndex } from './registry-index.ts';
import { interner, unpack } from './packed-extraction.ts';
import { withOwnStrings } from '../own-strings.ts';
import { extractInWorkers, extractPacked, workerCount, type ExtractionJob, type PackedResult } from './worker-pool.ts';

/** An entity extraction found that no editor has registered yet, with the articles that mention it. */
export interface Candidate {
  entity: Entity;
  articles: string[];
}

/** What each story says beyond its references, for forming events and comparing sources. */
export type ArticleEvidence = Pick<ArticleExtraction, 'happenings' | 'forms' | 'figures'>;

export interface ExtractedRecords {
  /** Without the articles' text, which nothing after extraction keeps (src/render/story-text.ts). */
  records: ContentRecords;
  candidates: Candidate[];
  /** By article id; happenings name discovered entities by their merged keys. */
  evidence: Map<string, ArticleEvidence>;
  stats: { extracted: number; cached: number };
}

export interface ExtractOptions {
  /**
   * Threads that extract: 1 extracts in this thread, more start that many worker threads.
   * Default: CHRONICLE_WORKERS, else one per core (and this thread alone for a few articles).
   */
  workers?: number;
  /**
   * The dev server's results from its previous load, kept in memory: an article read again from an
   * unchanged file is the same object, so its extraction is found without hashing its text; only
   * edited articles are extracted. Once filled for the current registry, it stands in for the cache on disk.
   */
  memo?: ExtractionMemo;
}

/** Extractions by article object, valid for one registry (its fingerprint, as the cache hashes it). */
export interface ExtractionMemo {
  registry: string;
  byArticle: WeakMap<LoadedArticle, ArticleExtraction>;
}

/**
 * Below this many articles to extract, starting workers costs more than it saves: a worker takes
 * half a second of a core to load the extractors (on two cores they pay from about 3,000).
 */
const FEW_ARTICLES = 2000;

/**
 * The extract stage: every article is read for the registry's names, new names and dates; the
 * results are merged into the records. Articles keep the references their editors wrote and gain
 * what the text mentions; discovered entities are merged across articles by name and alias.
 * Articles the cache knows are not extracted again; the rest are extracted across worker threads.
 */
export async function extractRecords(records: ContentRecords<LoadedArticle>, cache?: ExtractionCache, options: ExtractOptions = {}): Promise<ExtractedRecords> {
  const registryFingerprint = ExtractionCache.hash(
    records.entities.map((entity) => `${entity.kind}:${entity.id}:${entity.name}:${entity.aliases.join('|')}`).sort(),
  );
  const extractions = new Array<ArticleExtraction>(records.articles.length);
  const fresh: Array<{ position: number; hash: string }> = [];
  const memo = options.memo;
  // A memo made with this registry knows every article it saw; what it does not know was edited,
  // and an edited text is not in the cache either (asking would read all sixteen packs).
  if (memo?.registry === registryFingerprint) cache = undefined;
  else if (memo) Object.assign(memo, { registry: registryFingerprint, byArticle: new WeakMap() });
  for (const [position, article] of records.articles.entries()) {
    const known = memo?.byArticle.get(article);
    if (known) {
      extractions[position] = known;
      continue;
    }
    const text = extractionText(article);
    const hash = ExtractionCache.hash([registryFingerprint, article.language, article.date, text]);
    const hit = await cache?.get(hash, text);
    if (hit) extractions[position] = hit;
    else fresh.push({ position, hash });
  }
  // The text is made again when a job is sent rather than kept: at 100,000 new articles, 400 MB.
  const jobAt = (k: number): ExtractionJob => {
    const article = records.articles[fresh[k]!.position]!;
    const { file, title, summary, language, date, day } = article;
    return { file, title, summary, language, date, day, text: extractionText(article) };
  };
  await extractAll(fresh.length, jobAt, records.entities, options, cache?.intern ?? interner(), (k, extraction, packed) => {
    const { position, hash } = fresh[k]!;
    extractions[position] = extraction;
    cache?.setPacked(hash, packed);
  });
  await cache?.save();
  if (memo) records.articles.forEach((article, position) => memo.byArticle.set(article, extractions[position]!));
  return { ...mergeExtractions(records, extractions), stats: { extracted: fresh.length, cached: records.articles.length - fresh.length } };
}

/** Takes each new extraction, as the cache would give it back, with its packed form for the cache. */
type Accept = (index: number, extraction: ArticleExtraction, packed: PackedResult) => void;

/**
 * In this thread, or across workers; the results are the same either way. Each is read back from
 * its packed form even when made in this thread, as a cached one is: words of its own rather than
 * slices that would keep the article's whole text in memory (packed-extraction.ts), and the keys
 * shared by every article.
 */
async function extractAll(
  count: number,
  jobAt: (index: number) => ExtractionJob,
  entities: readonly Entity[],
  options: ExtractOptions,
  intern: (value: string) => string,
  accept: Accept,
): Promise<void> {
  const { workers, exact } = workerCount(options.workers);
  let index: RegistryIndex | undefined;
  const registryIndex = () => (index ??= buildRegistryIndex(entities));
  const settle = (k: number, job: ExtractionJob, packed: PackedResult) => {
    const extraction = unpack(JSON.parse(packed), job.text, intern);
    if (!extraction) throw new Error(`the extraction of ${job.file} does not read back from its packed form`);
    accept(k, extraction, packed);
  };
  if (workers <= 1 || count === 0 || (!exact && count < FEW_ARTICLES)) {
    for (let k = 0; k < count; k++) {
      const job = jobAt(k);
      settle(k, job, extractPacked(job, registryIndex()));
    }
    return;
  }
  const registry = entities.map(({ kind, id, name, aliases }) => ({ kind, id, name, aliases }));
  // One thread per core: a count someone set is all workers; by default this thread is one of them.
  await extractInWorkers(count, jobAt, {
    workers: exact ? workers : workers - 1,
    registry,
    helper: exact ? undefined : (job) => extractPacked(job, registryIndex()),
    onResult: (k, packed, job) => settle(k, job, packed),
  });
}

/** Pure: records plus one extraction per article (same order) → linked records and candidates. */
export function mergeExtractions(records: ContentRecords<LoadedArticle>, extractions: readonly ArticleExtraction[]): Omit<ExtractedRecords, 'stats'> {
  const curated = new Map(records.entities.map((entity) => [keyOf(entity.kind, entity.id), entity]));
  const discovered = new Map<string, Entity>();
  const aliasKeys = new Map<string, string>();
  const mentionedBy = new Map<string, Set<string>>();
  const evidence = new Map<string, ArticleEvidence>();

  // The entity's own id string for each key: a slice of the key in each of 100,000 stories' lists
  // would be that many objects more for every garbage collection.
  const idOf = (key: string, colon: number): string => (curated.get(key) ?? discovered.get(key))?.id ?? withOwnStrings(key.slice(colon + 1));

  const resolveDiscovery = (kind: EntityKind, name: string, aliases: readonly string[]): string | undefined => {
    const id = toSlug(name);
    if (!id) return undefined;
    const key = keyOf(kind, id);
    if (curated.has(key)) return key;
    const known = discovered.get(key) ?? discovered.get(aliasKeys.get(key) ?? '');
    const entity = known ?? { id, kind, file: null, name, aliases: [], description: '', roles: [], country: null, wikidata: null, bioHtml: '', curated: false };
    if (!known) discovered.set(key, entity);
    for (const alias of aliases) {
      if (!entity.aliases.includes(alias) && alias !== entity.name) entity.aliases.push(alias);
      const aliasId = toSlug(alias);
      if (aliasId) aliasKeys.set(keyOf(kind, aliasId), keyOf(kind, entity.id));
    }
    return keyOf(kind, entity.id);
  };

  const articles: Article[] = records.articles.map(({ body: _text, ...article }, position) => {
    const extraction = extractions[position];
    if (!extraction) return article;
    const lists = { people: [...article.people], organizations: [...article.organizations], places: [...article.places] };
    const add = (key: string) => {
      const colon = key.indexOf(':');
      const id = idOf(key, colon);
      const list = lists[ENTITY_FIELD[key.slice(0, colon) as EntityKind]];
      if (!list.includes(id)) list.push(id);
      // Only discovered entities are listed with their articles: curated ones have their own pages.
      if (curated.has(key)) return;
      const articles = mentionedBy.get(key);
      if (articles) articles.add(article.id);
      else mentionedBy.set(key, new Set([article.id]));
    };
    for (const key of extraction.linked) add(key);
    const discoveredKeys = extraction.discovered.map((found) => {
      const key = resolveDiscovery(found.kind, found.name, found.aliases);
      if (key) add(key);
      return key;
    });
    const resolve = (refs: readonly string[]) =>
      refs.flatMap((ref) => (ref.startsWith('discovered:') ? (discoveredKeys[Number(ref.slice(11))] ?? []) : [ref]));
    // Relative dates ("on Wednesday") count from the publication date; when that is a guess, so are
    // they: such a story keeps, and can place events by, only the dates written in full.
    const trusted = <T extends { method: DateMention['method'] }>(list: readonly T[]) =>
      article.dateUncertain ? list.filter((item) => item.method === 'explicit' || item.method === 'duration') : [...list];
    evidence.set(article.id, {
      // Without discoveries every reference is a registry key already, and the happening stands as extracted.
      happenings: trusted(extraction.happenings).map((happening) =>
        discoveredKeys.length === 0 ? happening : { ...happening, places: resolve(happening.places), participants: resolve(happening.participants) },
      ),
      forms: extraction.forms,
      figures: extraction.figures,
    });
    return { ...article, ...lists, dates: trusted(extraction.dates) };
  });

  const newEntities = [...discovered.values()];
  return {
    records: { ...records, articles, entities: [...records.entities, ...newEntities] },
    candidates: newEntities.map((entity) => ({ entity, articles: [...(mentionedBy.get(keyOf(entity.kind, entity.id)) ?? [])] })),
    evidence,
  };
}
