import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { entrySchema, filterSchema, metaSchema, readPagefindFile, unpackPagefindFile } from '../../src/search/pagefind-files.ts';

/**
 * Reads the search index a build wrote, as the search page does: Pagefind's files are gzip, then the
 * signature `pagefind_dcd`, then JSON (fragments: one page each) or CBOR (metadata, filters).
 */
export interface Fragment {
  /** The page's id in the metadata and in search results (the fragment's file name). */
  id: string;
  url: string;
  content: string;
  word_count: number;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export async function readFragments(site: string): Promise<Fragment[]> {
  const folder = path.join(site, 'pagefind', 'fragment');
  const files = await readdir(folder);
  const fragments = await Promise.all(files.map(async (file) => ({
    id: file.replace(/\.pf_fragment$/, ''),
    ...(JSON.parse(unpackPagefindFile(await readFile(path.join(folder, file)), file).toString('utf8')) as Omit<Fragment, 'id'>),
  })));
  return fragments.sort((a, b) => a.url.localeCompare(b.url));
}

/** The metadata of the site's only language: pages (id, word count), filter files by name, sorts. */
export async function readMetadata(site: string): Promise<{ pages: Array<[string, number]>; filters: Map<string, string>; sorts: Map<string, number[]> }> {
  const entry = entrySchema.parse(JSON.parse(await readFile(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')));
  const [language, ...others] = Object.values(entry.languages);
  if (!language || others.length > 0) throw new Error('expected a single-language index');
  const [, pages, , filters, sorts] = metaSchema.parse(readPagefindFile(path.join(site, 'pagefind', `pagefind.${language.hash}.pf_meta`)));
  return { pages, filters: new Map(filters), sorts: new Map(sorts) };
}

/** A filter's values and the page numbers (positions in the metadata's pages) of each. */
export async function readFilter(site: string, hash: string): Promise<Map<string, number[]>> {
  const [, values] = filterSchema.parse(readPagefindFile(path.join(site, 'pagefind', 'filter', `${hash}.pf_filter`)));
  return new Map(values);
}

