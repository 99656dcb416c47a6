import * as pagefind from 'pagefind';
import { ENTITY_FIELD } from '../content/schemas.ts';

/**
 * The pages search finds: each story, event and profile at its own address (`<section>/<id>/`).
 * Only these carry `data-pagefind-body`; listing them saves Pagefind reading the tens of thousands
 * of timeline, calendar, feed and later-page files that a large archive also has.
 */
export const SEARCHABLE_PAGES = `{${['articles', 'events', ...Object.values(ENTITY_FIELD)].join(',')}}/*/index.html`;

/**
 * Indexes the built site with Pagefind's Node API and writes `pagefind/` into it. Every call's
 * `errors` array is checked: a search index that silently failed would ship a broken search page.
 */
export async function indexSite(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  failOn('create the search index', errors);
  if (!index) throw new Error('Pagefind did not create an index');
  try {
    const added = await index.addDirectory({ path: siteDir, glob: SEARCHABLE_PAGES });
    failOn(`index ${siteDir}`, added.errors);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    failOn('write the search index', written.errors);
    return { pages: added.page_count };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}
