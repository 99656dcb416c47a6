import type { ArchiveChanges } from '../../src/archive/archive-changes.ts';
import type { Archive, TimelineEntry } from '../../src/archive/archive.ts';
import type { Site } from '../../src/site/site-config.ts';
import { inShard, isFirstShard, type RenderShard } from '../../src/eleventy/render-shards.ts';

/** What every Eleventy run is told about which pages it renders (see src/eleventy/archive-plugin.ts). */
export interface RunData {
  /** In the dev server after an edit: the pages the edit touched. */
  changes?: ArchiveChanges;
  /** In `chronicle build`: which shard of the site this run writes (src/eleventy/render-shards.ts). */
  shard: RenderShard;
}

/**
 * An Eleventy pagination `before` hook: after an edit in the dev server, keep only the pages the
 * edit touched (`changes`, see src/archive/archive-changes.ts); otherwise every page. Pages not
 * rendered again stay in the output folder as they were, which is what they would have been.
 */
export function changedOnly<T>(keyOf: (item: T) => string) {
  return (items: T[], data: Pick<RunData, 'changes'>): T[] => {
    const changes = data.changes;
    return changes ? items.filter((item) => changes.has(keyOf(item))) : items;
  };
}

/**
 * For pages about the whole archive (the timeline, On this day, indexes): after an edit that left
 * the archive linked the same (`changes.wholeArchive` false), keep only the pages that hold one of
 * the edit's changed entries (`keysOf` names those a page holds; none: the page never changes then);
 * otherwise every page.
 */
export function holdingChanges<T>(keysOf: (page: T) => Iterable<string>) {
  return (pages: T[], data: Pick<RunData, 'changes'>): T[] => {
    const changes = data.changes;
    if (!changes || changes.wholeArchive) return pages;
    return pages.filter((page) => {
      for (const key of keysOf(page)) if (changes.has(key)) return true;
      return false;
    });
  };
}

/** For pages that show no story: every page, or none after an edit that left the archive linked the same. */
export function unlessLinkedTheSame<T>(pages: T[], data: Pick<RunData, 'changes'>): T[] {
  return holdingChanges<T>(() => [])(pages, data);
}

/** The key of a timeline entry among the changes (see `ArchiveChanges.wholeArchive`). */
export function entryKey(entry: TimelineEntry): string {
  return entry.kind === 'event' ? `entry:event:${entry.event.id}` : `entry:article:${entry.article.id}`;
}

/**
 * Wraps a pagination `before` hook so the run renders only its shard's share of the pages. Every
 * paginated template goes through this; the others (404, robots, search) use `firstShardOnly`.
 *
 * The whole list of a template's pages is worked out once per archive and kept (`pageLists`), not
 * once per run: a build of 100,000 stories makes 200 runs, and working out some 170,000 event pages
 * in each of them made the render stage grow with the square of the archive. `template` names the
 * list, since Eleventy imports each template anew for every run and so hands over a new hook each
 * time. The list is reused only for the same archive, the same edit (`changes`) and the same site.
 */
export function thisShard<Item, Page, Data>(template: string, pages: (items: Item[], data: Data) => Page[]) {
  return (items: Item[], data: Data & ShardData): Page[] => inShard(pageList(template, () => pages(items, data), data), data.shard);
}

/** What a hook's page list may depend on besides the archive: the edit being shown, the site it is published as. */
interface ShardData extends Pick<RunData, 'shard' | 'changes'> {
  archive: Archive;
  site?: Site;
}

interface PageList {
  changes: ArchiveChanges | undefined;
  site: string;
  pages: readonly unknown[];
}

/** Held only while the archive is: a build's lists go with its archive. */
const pageLists = new WeakMap<Archive, Map<string, PageList>>();

function pageList<Page>(template: string, work: () => Page[], data: ShardData): readonly Page[] {
  let lists = pageLists.get(data.archive);
  if (!lists) pageLists.set(data.archive, (lists = new Map()));
  const site = JSON.stringify(data.site ?? null);
  const kept = lists.get(template);
  if (kept && kept.changes === data.changes && kept.site === site) return kept.pages as readonly Page[];
  const pages = work();
  lists.set(template, { changes: data.changes, site, pages });
  return pages;
}

/** A permalink for a single-page template: written by the first shard, skipped by the others. */
export function firstShardOnly(permalink: string) {
  return ({ shard }: Pick<RunData, 'shard'>): string | false => (isFirstShard(shard) ? permalink : false);
}
