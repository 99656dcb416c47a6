/**
 * Eleventy keeps every page it renders in memory until its build ends (the rendered content, the
 * transformed content and the write results), so its memory grows with the site's bytes: 10,000
 * articles make some 40,000 pages and do not fit in 4 GB. `chronicle build` therefore renders the
 * site in shards, one Eleventy run after another into the same folder, each run writing every
 * `count`-th page of every paginated template; the memory of one run is freed before the next.
 */
export interface RenderShard {
  /** 0-based. */
  index: number;
  count: number;
}

export const SHARD_ENV = 'CHRONICLE_SHARD';

export const WHOLE_SITE: RenderShard = { index: 0, count: 1 };

/**
 * Eleventy holds a template clone, its data and its text for every page of a run, so a run's
 * memory follows its page count. Measured at 10,000 articles (some 80,000 pages and feeds, the
 * archive itself about 500 MB): 7 runs peaked at 2.4 GB, 20 runs at 1.1 GB.
 */
const ARTICLES_PER_SHARD = 500;

/** `CHRONICLE_SHARDS=n` overrides the count: to trade memory for speed, or to test sharding on a small archive. */
export const SHARD_COUNT_ENV = 'CHRONICLE_SHARDS';

export function shardCountFor(articles: number, env: NodeJS.ProcessEnv = process.env): number {
  const chosen = env[SHARD_COUNT_ENV];
  if (chosen !== undefined && chosen !== '') {
    if (!/^[1-9]\d*$/.test(chosen)) throw new Error(`${SHARD_COUNT_ENV}=${chosen}: expected a whole number of render shards, 1 or more`);
    return Number(chosen);
  }
  return Math.max(1, Math.ceil(articles / ARTICLES_PER_SHARD));
}

/** `CHRONICLE_SHARD=i/n`, as `chronicle build` sets it for each run; the whole site when unset. */
export function shardFromEnvironment(env: NodeJS.ProcessEnv): RenderShard {
  const match = /^(\d+)\/(\d+)$/.exec(env[SHARD_ENV] ?? '');
  if (!match) return WHOLE_SITE;
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (count < 1 || index >= count) throw new Error(`${SHARD_ENV}=${env[SHARD_ENV]}: expected i/n with 0 ≤ i < n`);
  return { index, count };
}

export function shardEnvironment(shard: RenderShard): string {
  return `${shard.index}/${shard.count}`;
}

/** This run's share of a template's pages: every `count`-th, so each run gets a mix of sizes. */
export function inShard<T>(pages: readonly T[], shard: RenderShard): T[] {
  return shard.count === 1 ? [...pages] : pages.filter((_, position) => position % shard.count === shard.index);
}

export function isFirstShard(shard: RenderShard): boolean {
  return shard.index === 0;
}

/**
 * The sitemap lists every page, but each run's `collections.all` holds only the pages it renders.
 * Each run adds its addresses here and the last run gets them all.
 */
const addresses = new Set<string>();

export function collectAddresses(shard: RenderShard, urls: readonly string[]): string[] | undefined {
  if (isFirstShard(shard)) addresses.clear();
  for (const url of urls) addresses.add(url);
  return shard.index === shard.count - 1 ? [...addresses].sort() : undefined;
}
