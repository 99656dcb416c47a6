import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { articleUrl, dayUrl, entityUrl, eventUrl, monthUrl, yearUrl } from '../archive/urls.ts';

/**
 * After the dev server re-renders only the pages an edit touched, removes the pages a full build
 * would no longer write, which a partial run cannot know by itself:
 *
 * - the folder of every record or date gone from the archive (a deleted story, an event that no
 *   longer forms, a name no story mentions any more, a day with nothing left on it);
 * - the later pages of a list that got shorter: a run that wrote `<folder>/index.html` rendered
 *   every page of that list, so `<folder>/page/<n>/` it did not write is left over. Not when the
 *   archive was linked the same (`listsMayShrink` false, see `ArchiveChanges.wholeArchive`): then
 *   no list changed length, and a run renders only the pages of a list that hold a changed entry.
 *
 * Returns the folders removed.
 */
export async function prunePages(outputDir: string, previous: Archive, next: Archive, written: readonly string[], listsMayShrink = true): Promise<string[]> {
  const folders = new Set<string>();
  for (const url of urlsOf(previous)) folders.add(url);
  for (const url of urlsOf(next)) folders.delete(url);

  const writtenFiles = new Set(written);
  const lists = new Set((listsMayShrink ? written : []).filter((file) => path.basename(file) === 'index.html').map((file) => path.dirname(file)));
  const removed: string[] = [];
  for (const url of folders) {
    if (url === '/' || !url.startsWith('/')) continue;
    const folder = path.join(outputDir, url);
    await rm(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  for (const list of lists) {
    const pages = await readdir(path.join(list, 'page')).catch(() => [] as string[]);
    for (const number of pages) {
      if (!/^\d+$/.test(number) || writtenFiles.has(path.join(list, 'page', number, 'index.html'))) continue;
      const folder = path.join(list, 'page', number);
      await rm(folder, { recursive: true, force: true });
      removed.push(folder);
    }
  }
  return removed;
}

/** The folder of each page a record or date has, as src/archive/urls.ts addresses it. */
function* urlsOf(archive: Archive): Iterable<string> {
  for (const article of archive.articles) yield articleUrl(article.id);
  for (const event of archive.events) yield eventUrl(event.id);
  for (const entity of archive.entities) yield entityUrl(entity.kind, entity.id);
  for (const group of archive.days) yield dayUrl(group.day);
  for (const month of archive.months) yield monthUrl(month.year, month.month);
  for (const year of archive.years) yield yearUrl(year.year);
}
