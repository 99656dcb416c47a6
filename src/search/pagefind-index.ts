import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { ENTITY_FIELD } from '../content/schemas.ts';

/** The sections whose pages search finds: each story, event and profile at `<section>/<id>/`. */
export const SEARCH_SECTIONS: readonly string[] = ['articles', 'events', ...Object.values(ENTITY_FIELD)];

/** Pages handed to Pagefind before waiting for its answers. */
const IN_FLIGHT = 64;

/** A page as Pagefind is given it: only the element that carries `data-pagefind-body`. */
export interface SearchPage {
  url: string;
  html: string;
}

/**
 * A Pagefind index being filled. `chronicle build` hands it each render shard's pages as soon as
 * they are written: Pagefind indexes in its own process, so it works on the second core while the
 * next shard renders, instead of after the whole site. Every call's `errors` array is checked: a
 * search index that silently failed would ship a broken search page.
 *
 * Only the first page of each story, event and profile can carry `data-pagefind-body`, so only
 * `<section>/<id>/index.html` is read, not the tens of thousands of timeline, calendar and later
 * pages of a large archive. Each page is cut down here to its `data-pagefind-body` element (inside
 * an `<html lang>` for Pagefind's language) before Pagefind parses it: the navigation, asides and
 * lists around it were more than half of what Pagefind read. Pages are read one at a time while
 * Pagefind works through the ones before (it handles one request at a time, on one core), in a
 * fixed order, so no more than a window of pages is held here.
 */
export class SearchIndex {
  private readonly problems: string[] = [];
  private adding: Promise<void> = Promise.resolve();
  private pages = 0;

  private constructor(private readonly index: pagefind.PagefindIndex) {}

  static async create(): Promise<SearchIndex> {
    const { index, errors } = await pagefind.createIndex({});
    failOn('create the search index', errors);
    if (!index) throw new Error('Pagefind did not create an index');
    return new SearchIndex(index);
  }

  /** Queues pages and returns at once; they are read and indexed while the caller goes on. */
  addInBackground(pages: Iterable<SearchPage>): void {
    this.adding = this.adding.then(() => this.add(pages));
  }

  /** Waits for every queued page, then writes `pagefind/` into the site. */
  async writeTo(siteDir: string): Promise<{ pages: number }> {
    await this.adding;
    failOn('index the pages', this.problems);
    const written = await this.index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    failOn('write the search index', written.errors);
    return { pages: this.pages };
  }

  async close(): Promise<void> {
    await this.adding;
    await this.index.deleteIndex();
    await pagefind.close();
  }

  /** Never rejects: a failure is kept in `problems` and reported by `writeTo`, not left unhandled meanwhile. */
  private async add(pages: Iterable<SearchPage>): Promise<void> {
    const inFlight: Array<Promise<void>> = [];
    const failed = (url: string) => (error: unknown) => {
      this.problems.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    };
    try {
      for (const page of pages) {
        this.pages += 1;
        inFlight.push(this.index.addHTMLFile({ url: page.url, content: page.html }).then((added) => { this.problems.push(...added.errors.map((error) => `${page.url}: ${error}`)); }, failed(page.url)));
        if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
      }
    } catch (error) {
      failed('reading the pages')(error);
    }
    await Promise.all(inFlight);
  }
}

/** Indexes a whole built site at once (the dev server, and plain `npx @11ty/eleventy`). */
export async function indexSite(siteDir: string): Promise<{ pages: number }> {
  const index = await SearchIndex.create();
  try {
    index.addInBackground(searchPages(siteDir));
    return await index.writeTo(siteDir);
  } finally {
    await index.close();
  }
}

/**
 * The searchable pages among files just written (a render shard's), cut to their indexed part, in
 * section and address order.
 */
export function* searchPagesAmong(siteDir: string, writtenFiles: readonly string[]): Generator<SearchPage> {
  const sections = new Set(SEARCH_SECTIONS);
  const found: Array<{ section: string; name: string }> = [];
  for (const file of writtenFiles) {
    const [section = '', name = '', leaf, ...rest] = path.relative(siteDir, file).split(path.sep);
    if (sections.has(section) && name !== 'page' && leaf === 'index.html' && rest.length === 0) found.push({ section, name });
  }
  const order = (section: string) => SEARCH_SECTIONS.indexOf(section);
  found.sort((a, b) => order(a.section) - order(b.section) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { section, name } of found) {
    const page = readSearchPage(siteDir, section, name);
    if (page) yield page;
  }
}

/**
 * Every page of the site that search finds, cut to its indexed part, in the order they are indexed:
 * by section, then by address. Read synchronously, one at a time: for 30,000 small files that takes
 * a third of the CPU time of promise-based reads (1.0 s instead of 2.9 s at 10,000 articles).
 */
export function* searchPages(siteDir: string): Generator<SearchPage> {
  for (const section of SEARCH_SECTIONS) {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(siteDir, section), { withFileTypes: true });
    } catch {
      continue;
    }
    const names = entries.filter((entry) => entry.isDirectory() && entry.name !== 'page').map((entry) => entry.name).sort();
    for (const name of names) {
      const page = readSearchPage(siteDir, section, name);
      if (page) yield page;
    }
  }
}

function readSearchPage(siteDir: string, section: string, name: string): SearchPage | undefined {
  let html: string;
  try {
    html = readFileSync(path.join(siteDir, section, name, 'index.html'), 'utf8');
  } catch {
    return undefined;
  }
  return searchPage(`/${section}/${name}/`, html);
}

/**
 * The page as Pagefind needs it, or undefined when it carries no `data-pagefind-body` (later pages,
 * events search leaves out). Filters, sort keys and metadata sit inside the body element in every
 * layout (layouts/_components/search-attributes.ts), so nothing Pagefind reads is cut away.
 */
export function searchPage(url: string, html: string): SearchPage | undefined {
  // The attribute of a start tag, not the same words in a title, a description or another
  // attribute's value (our layouts always double-quote attribute values).
  const opening = /<([a-z][a-z0-9]*)(?:\s+[a-z][\w:-]*(?:="[^"]*")?)*?\s+data-pagefind-body(?=[\s>=/])/i.exec(html);
  if (!opening) return undefined;
  const start = opening.index;
  const tag = opening[1]!;
  const end = closingTag(html, tag, start);
  const lang = /<html[^>]*\slang="([^"]*)"/.exec(html.slice(0, 500))?.[1];
  return { url, html: `<html${lang ? ` lang="${lang}"` : ''}><body>${html.slice(start, end)}</body></html>` };
}

/** Where the element opened at `start` ends (after its closing tag), counting nested elements of the same name. */
function closingTag(html: string, tag: string, start: number): number {
  const pattern = new RegExp(`<(/?)${tag}[\\s>]`, 'gi');
  pattern.lastIndex = start;
  let depth = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return html.indexOf('>', match.index) + 1;
  }
  return html.length;
}

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}
