import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { ENTITY_FIELD } from '../content/schemas.ts';
import { mergeSearchParts, type SortValues } from './merge-search-parts.ts';
import { isPagefindGone } from './pagefind-exit.ts';
import { describeSearchError, SearchIndexError } from './search-errors.ts';
import { entrySchema, readPagefindFile } from './pagefind-files.ts';

/** The sections whose pages search finds: each story, event and profile at `<section>/<id>/`. */
export const SEARCH_SECTIONS: readonly string[] = ['articles', 'events', ...Object.values(ENTITY_FIELD)];

/** Pages handed to Pagefind before waiting for its answers. */
const IN_FLIGHT = 64;

/**
 * HTML given to one Pagefind process before its part is written and the process ends. Pagefind
 * peaks at about 23 bytes per byte of HTML while writing (1.58 GB for the 68 MB of 10,000 stories,
 * 0.52 GB for 29 MB), so a part of 12 MB stays near 300 MB however large the archive. The sample
 * archive and most sites fit in one part, which Pagefind writes as it always does.
 */
const PART_HTML_BYTES = 12_000_000;

/** The scratch folder of the parts, made beside the site (the merge moves files, so on the same disk). */
export const SEARCH_SCRATCH_PREFIX = '.chronicle-search-';

/** `CHRONICLE_SEARCH_PART_BYTES=n` overrides the part size: to test the merge on a small archive. */
export const SEARCH_PART_ENV = 'CHRONICLE_SEARCH_PART_BYTES';

export function searchPartBytes(env: NodeJS.ProcessEnv = process.env): number {
  const chosen = env[SEARCH_PART_ENV];
  if (chosen === undefined || chosen === '') return PART_HTML_BYTES;
  if (!/^[1-9]\d*$/.test(chosen)) throw new Error(`${SEARCH_PART_ENV}=${chosen}: expected a whole number of bytes, 1 or more`);
  return Number(chosen);
}

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
 * Pagefind keeps everything it indexes in memory, so a large site is indexed in parts: after
 * `PART_HTML_BYTES` of pages the part is written to a scratch folder and its Pagefind process
 * ends, and `writeTo` merges the parts into one bundle (src/search/merge-search-parts.ts), the same
 * search as one index of every page.
 *
 * Only the first page of each story, event and profile can carry `data-pagefind-body`, so only
 * `<section>/<id>/index.html` is read, not the tens of thousands of timeline, calendar and later
 * pages of a large archive. Each page is cut down here to its `data-pagefind-body` element (inside
 * an `<html lang>` for Pagefind's language) before Pagefind parses it: the navigation, asides and
 * lists around it were more than half of what Pagefind read. Pages are read one at a time while
 * Pagefind works through the ones before, in a fixed order, so no more than a window of pages is
 * held here.
 */
export class SearchIndex {
  private readonly problems: string[] = [];
  /** Pagefind's binary stopped (src/search/pagefind-exit.ts): nothing more can be indexed in this build. */
  private gone = false;
  private adding: Promise<void> = Promise.resolve();
  private pages = 0;
  private current: pagefind.PagefindIndex | undefined;
  private currentBytes = 0;
  private readonly partDirs: string[] = [];
  /** Pagefind's metadata keeps each part's sorted order but not the values; the merge needs them. */
  private readonly sortValues = new Map<string, SortValues>();

  private constructor(
    private readonly scratch: string,
    private readonly partBytes: number,
    first: pagefind.PagefindIndex,
  ) {
    this.current = first;
  }

  /** Parts are written in a scratch folder made in `scratchParent`, which should be on the site's disk: the merge moves files. */
  static async create(scratchParent: string): Promise<SearchIndex> {
    const partBytes = searchPartBytes();
    const first = await openIndex();
    return new SearchIndex(await mkdtemp(path.join(scratchParent, SEARCH_SCRATCH_PREFIX)), partBytes, first);
  }

  /** Queues pages and returns at once; they are read and indexed while the caller goes on. */
  addInBackground(pages: Iterable<SearchPage>): void {
    this.adding = this.adding.then(() => this.add(pages));
  }

  /** Waits for every queued page, then writes `pagefind/` into the site. */
  async writeTo(siteDir: string): Promise<{ pages: number; parts: number }> {
    await this.adding;
    failOn('index the pages', this.problems);
    const output = path.join(siteDir, 'pagefind');
    if (this.current && this.partDirs.length === 0) {
      const written = await this.current.writeFiles({ outputPath: output }).catch((error: unknown) => ({ errors: [describeSearchError(error)] }));
      failOn('write the search index', written.errors);
    } else {
      if (this.currentBytes > 0) await this.writePart();
      failOn('write the search index', this.problems);
      await rm(output, { recursive: true, force: true });
      mergeSearchParts(this.partDirs, output, (url) => this.sortValues.get(url));
    }
    return { pages: this.pages, parts: Math.max(1, this.partDirs.length) };
  }

  /** Ends Pagefind and removes the parts, whatever failed before: a dead Pagefind process cannot delete its index. */
  async close(): Promise<void> {
    try {
      await this.adding;
      await this.current?.deleteIndex().catch(() => undefined);
    } finally {
      await pagefind.close();
      await rm(this.scratch, { recursive: true, force: true });
    }
  }

  /**
   * Keeps a failure for `writeTo` to report. Once Pagefind's binary has stopped, every call fails
   * alike: that is said once, and nothing more is given to it.
   */
  private failed(where: string, error: unknown): void {
    if (!isPagefindGone(error)) {
      this.problems.push(`${where}: ${describeSearchError(error)}`);
      return;
    }
    if (!this.gone) this.problems.push(describeSearchError(error));
    this.gone = true;
  }

  /** Never rejects: a failure is kept in `problems` and reported by `writeTo`, not left unhandled meanwhile. */
  private async add(pages: Iterable<SearchPage>): Promise<void> {
    const inFlight: Array<Promise<void>> = [];
    const failed = (url: string) => (error: unknown) => this.failed(url, error);
    try {
      for (const page of pages) {
        if (this.gone) break;
        this.pages += 1;
        this.currentBytes += Buffer.byteLength(page.html);
        this.sortValues.set(page.url, sortValuesIn(page.html));
        this.current ??= await openIndex();
        inFlight.push(this.current.addHTMLFile({ url: page.url, content: page.html }).then((added) => { this.problems.push(...added.errors.map((error) => `${page.url}: ${error}`)); }, failed(page.url)));
        if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
        if (this.currentBytes >= this.partBytes) {
          await Promise.all(inFlight.splice(0));
          await this.writePart();
        }
      }
    } catch (error) {
      failed('reading the pages')(error);
    }
    await Promise.all(inFlight);
  }

  /** Writes the pages so far as a part and ends its Pagefind process, which is the only way to have its memory back. */
  private async writePart(): Promise<void> {
    const index = this.current;
    if (!index) return;
    const dir = path.join(this.scratch, `part-${this.partDirs.length}`);
    try {
      const written = await index.writeFiles({ outputPath: dir });
      this.problems.push(...written.errors);
      await untilWritten(dir);
      await index.deleteIndex();
    } catch (error) {
      this.failed(`writing part ${this.partDirs.length}`, error);
    }
    await pagefind.close();
    this.current = undefined;
    this.currentBytes = 0;
    this.partDirs.push(dir);
  }
}

/**
 * Waits until a part's entry file and metadata can be read. Once, on a loaded machine, the merge
 * found a part's `pagefind-entry.json` empty right after Pagefind had answered that it was written;
 * its process is ended next, so the files must be complete first.
 */
async function untilWritten(dir: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      const entry = entrySchema.parse(JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')));
      for (const { hash } of Object.values(entry.languages)) readPagefindFile(path.join(dir, `pagefind.${hash}.pf_meta`));
      return;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw new Error(`Pagefind did not finish writing ${dir}: ${error instanceof Error ? error.message : String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function openIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({}).catch((error: unknown) => ({ index: undefined, errors: [describeSearchError(error)] }));
  failOn('create the search index', errors);
  if (!index) throw new Error('Pagefind did not create an index');
  return index;
}

/** The `data-pagefind-sort="key:value"` attributes of a page, as our layouts write them. */
export function sortValuesIn(html: string): SortValues {
  const values: Record<string, string> = {};
  for (const [, key = '', value = ''] of html.matchAll(/\sdata-pagefind-sort="([^":]+):([^"]*)"/g)) values[key] = decodeEntities(value);
  return values;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

/** Indexes a whole built site at once (the dev server, and plain `npx @11ty/eleventy`). */
export async function indexSite(siteDir: string): Promise<{ pages: number }> {
  const index = await SearchIndex.create(path.dirname(siteDir));
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
  if (errors.length > 0) throw new SearchIndexError(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}
