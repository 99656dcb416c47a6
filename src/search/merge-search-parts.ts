import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  compareCodePoints,
  encodePagefindFile,
  entrySchema,
  filterSchema,
  indexChunkSchema,
  metaSchema,
  readFragmentUrl,
  readPagefindFile,
  uniqueName,
  type SearchEntry,
  type SearchMeta,
  type Word,
  type WordPage,
} from './pagefind-files.ts';

/** Sort values of a page by sort key, as its `data-pagefind-sort` attributes give them. */
export type SortValues = Readonly<Record<string, string>>;

/**
 * Pagefind's own chunk size: a chunk is closed once its words hold this many positions and pages,
 * so a query downloads chunks of the size Pagefind would have written.
 */
const CHUNK_SIZE = 20_000;

interface Part {
  dir: string;
  meta: SearchMeta;
  /** Number of this part's first page in the merged index. */
  offset: number;
  /** Where each of this part's metadata fields is in the merged list of fields. */
  fieldAt: number[];
}

/**
 * Merges Pagefind bundles written for disjoint sets of pages into one bundle at `outDir`, as if one
 * Pagefind index had been given every page. Pagefind holds all it indexes in memory and needs about
 * twenty times the indexed HTML while writing (1.5 GB for 10,000 stories, past 14 GB for 100,000), so the
 * build indexes the site in parts of bounded size, one Pagefind process at a time, and merges them
 * here. Fragment files move as they are; index chunks are read one at a time per part and merged
 * word by word, so memory stays at a few chunks plus the page list. `sortValuesOf` gives each
 * page's sort values by address: Pagefind's metadata keeps only each part's order, not the values.
 */
export function mergeSearchParts(partDirs: readonly string[], outDir: string, sortValuesOf: (url: string) => SortValues | undefined): void {
  const entries = partDirs.map((dir) => entrySchema.parse(JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8'))));
  for (const folder of ['index', 'fragment', 'filter']) mkdirSync(path.join(outDir, folder), { recursive: true });
  copyAssets(partDirs, outDir);
  const languages: SearchEntry['languages'] = {};
  const taken = { index: new Set<string>(), filter: new Set<string>(), meta: new Set<string>() };
  const languageNames = [...new Set(entries.flatMap((entry) => Object.keys(entry.languages)))].sort();
  for (const language of languageNames) {
    const parts: Part[] = [];
    let offset = 0;
    partDirs.forEach((dir, i) => {
      const described = entries[i]!.languages[language];
      if (!described) return;
      const meta = metaSchema.parse(readPagefindFile(path.join(dir, `pagefind.${described.hash}.pf_meta`)));
      parts.push({ dir, meta, offset, fieldAt: [] });
      offset += meta[1].length;
    });
    const fields = [...new Set(parts.flatMap((part) => part.meta[5]))].sort();
    for (const part of parts) part.fieldAt = part.meta[5].map((field) => fields.indexOf(field));
    const sortKeys = [...new Set(parts.flatMap((part) => part.meta[4].map(([key]) => key)))].sort();
    const urls = sortKeys.length > 0 ? parts.map((part) => part.meta[1].map(([hash]) => readFragmentUrl(path.join(part.dir, 'fragment', `${hash}.pf_fragment`)))) : [];
    const meta: SearchMeta = [
      parts[0]!.meta[0],
      moveFragments(parts, outDir),
      mergeWords(parts, outDir, language, taken.index),
      mergeFilters(parts, outDir, language, taken.filter),
      sortKeys.map((key) => [key, mergeSortOrder(parts, key, urls, sortValuesOf)] as [string, number[]]),
      fields,
    ];
    const file = encodePagefindFile(meta);
    const hash = uniqueName(`${language}_`, file, 10, taken.meta);
    writeFileSync(path.join(outDir, `pagefind.${hash}.pf_meta`), file);
    // Its WebAssembly and anything else Pagefind says of the language, as the first part with it says.
    languages[language] = { ...entries.find((entry) => entry.languages[language])!.languages[language]!, hash, page_count: offset };
  }
  writeFileSync(path.join(outDir, 'pagefind-entry.json'), JSON.stringify({ ...entries[0]!, languages }));
}

/** Pagefind's scripts, styles and per-language WebAssembly: the same in every part, taken from the first that has each. */
function copyAssets(partDirs: readonly string[], outDir: string): void {
  for (const dir of partDirs) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile() || entry.name === 'pagefind-entry.json' || entry.name.endsWith('.pf_meta')) continue;
      const target = path.join(outDir, entry.name);
      if (!existsSync(target)) copyFileSync(path.join(dir, entry.name), target);
    }
  }
}

/**
 * Moves every part's fragments into the merged bundle and returns the merged page list. Identical
 * pages share one fragment, as in Pagefind; a different page whose short hash is already used gets
 * a new name.
 */
function moveFragments(parts: readonly Part[], outDir: string): SearchMeta[1] {
  const taken = new Set<string>();
  const target = (name: string) => path.join(outDir, 'fragment', `${name}.pf_fragment`);
  return parts.flatMap((part) => {
    const renamed = new Map<string, string>();
    return part.meta[1].map(([hash, wordCount]): [string, number] => {
      const from = path.join(part.dir, 'fragment', `${hash}.pf_fragment`);
      if (!taken.has(hash)) {
        taken.add(hash);
        renameSync(from, target(hash));
        renamed.set(hash, hash);
      } else if (!renamed.has(hash)) {
        const content = readFileSync(from);
        const name = content.equals(readFileSync(target(hash))) ? hash : uniqueName(hash.slice(0, hash.indexOf('_') + 1), content, 7, taken);
        if (name !== hash) renameSync(from, target(name));
        renamed.set(hash, name);
      }
      return [renamed.get(hash)!, wordCount];
    });
  });
}

/** One part's words in order, one chunk in memory at a time. */
function* wordsOf(part: Part): Generator<Word> {
  for (const [, , hash] of part.meta[2]) yield* indexChunkSchema.parse(readPagefindFile(path.join(part.dir, 'index', `${hash}.pf_index`)))[0];
}

/**
 * A merged list of pages for one word or spelling. Page numbers are steps from the previous entry;
 * positions in metadata name their field by a negative marker, -(index + 1) in the list of fields,
 * which the merged list renumbers.
 */
class PageList {
  readonly pages: WordPage[] = [];
  private last = 0;

  append(pages: readonly WordPage[], part: Part): void {
    let local = 0;
    const sameFields = part.fieldAt.every((at, i) => at === i);
    for (const [step, positions, metaPositions] of pages) {
      local += step;
      const page = part.offset + local;
      this.pages.push([page - this.last, positions, sameFields ? metaPositions : metaPositions.map((at) => (at < 0 ? -(part.fieldAt[-at - 1]! + 1) : at))]);
      this.last = page;
    }
  }
}

function mergeWords(parts: readonly Part[], outDir: string, language: string, taken: Set<string>): SearchMeta[2] {
  const streams = parts.map((part) => ({ part, words: wordsOf(part), head: undefined as Word | undefined }));
  for (const stream of streams) stream.head = stream.words.next().value ?? undefined;
  const chunks: Array<{ first: string; last: string; hash: string }> = [];
  let chunk: Word[] = [];
  let size = 0;
  const close = () => {
    const file = encodePagefindFile([chunk]);
    const hash = uniqueName(`${language}_`, file, 7, taken);
    writeFileSync(path.join(outDir, 'index', `${hash}.pf_index`), file);
    chunks.push({ first: chunk[0]![0], last: chunk.at(-1)![0], hash });
    chunk = [];
    size = 0;
  };
  for (;;) {
    let word: string | undefined;
    for (const { head } of streams) if (head && (word === undefined || compareCodePoints(head[0], word) < 0)) word = head[0];
    if (word === undefined) break;
    const pages = new PageList();
    const spellings = new Map<string, PageList>();
    for (const stream of streams) {
      if (stream.head?.[0] !== word) continue;
      const [, ownPages, ownSpellings] = stream.head;
      pages.append(ownPages, stream.part);
      for (const [spelling, spellingPages] of ownSpellings) {
        if (!spellings.has(spelling)) spellings.set(spelling, new PageList());
        spellings.get(spelling)!.append(spellingPages, stream.part);
      }
      stream.head = stream.words.next().value ?? undefined;
    }
    const merged: Word = [word, pages.pages, [...spellings].map(([spelling, list]) => [spelling, list.pages])];
    chunk.push(merged);
    size += weight(merged[1]) + merged[2].reduce((sum, [, list]) => sum + 1 + weight(list), 0);
    if (size >= CHUNK_SIZE) close();
  }
  if (chunk.length > 0) close();
  return chunks.map(({ first, last, hash }, i) => {
    const before = chunks[i - 1];
    const after = chunks[i + 1];
    const from = before ? distinctPrefixes(before.last, first)[1] : first;
    // Pagefind shortens a chunk's end only where that keeps it at or after the chunk's start.
    const to = after ? distinctPrefixes(last, after.first)[0] : last;
    return [from, compareCodePoints(to, from) >= 0 ? to : last, hash];
  });
}

/** What Pagefind counts toward a chunk's size: each page's positions, its metadata positions, and the page. */
function weight(pages: readonly WordPage[]): number {
  return pages.reduce((sum, [, positions, metaPositions]) => sum + positions.length + metaPositions.length + 1, 0);
}

/**
 * The shortest prefixes that still tell the last word of one chunk from the first of the next, as
 * Pagefind writes chunk bounds: the browser picks the chunks to load by comparing a query with them.
 */
function distinctPrefixes(last: string, first: string): [string, string] {
  const a = [...last];
  const b = [...first];
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  return [a.slice(0, common + 1).join(''), b.slice(0, common + 1).join('')];
}

function mergeFilters(parts: readonly Part[], outDir: string, language: string, taken: Set<string>): SearchMeta[3] {
  const filters = new Map<string, Map<string, number[]>>();
  for (const part of parts) {
    for (const [, hash] of part.meta[3]) {
      const [name, values] = filterSchema.parse(readPagefindFile(path.join(part.dir, 'filter', `${hash}.pf_filter`)));
      if (!filters.has(name)) filters.set(name, new Map());
      const merged = filters.get(name)!;
      for (const [value, pages] of values) {
        if (!merged.has(value)) merged.set(value, []);
        merged.get(value)!.push(...pages.map((page) => page + part.offset));
      }
    }
  }
  return [...filters.keys()].sort().map((name) => {
    const values = [...filters.get(name)!].sort(([a], [b]) => compareCodePoints(a, b));
    const file = encodePagefindFile([name, values]);
    const hash = uniqueName(`${language}_`, file, 7, taken);
    writeFileSync(path.join(outDir, 'filter', `${hash}.pf_filter`), file);
    return [name, hash];
  });
}

/**
 * Every part's pages in `key` order, as one order. Pagefind decides per index whether a key's values
 * are numbers, so the parts' own orders are not trusted across parts: all pages are sorted again
 * by their recorded values, numerically when every value is a number, otherwise as text; the sort
 * is stable, so ties keep the parts' order.
 */
function mergeSortOrder(parts: readonly Part[], key: string, urls: readonly string[][], sortValuesOf: (url: string) => SortValues | undefined): number[] {
  const pages = parts.flatMap((part, i) =>
    (part.meta[4].find(([name]) => name === key)?.[1] ?? []).map((page) => {
      const url = urls[i]![page]!;
      const value = sortValuesOf(url)?.[key];
      if (value === undefined) throw new Error(`search index: ${url} is sorted by ${key} in its part, but its sort value was not recorded`);
      return { page: page + part.offset, value };
    }),
  );
  const numeric = pages.every(({ value }) => value.trim() !== '' && Number.isFinite(Number(value)));
  const compare = numeric ? (a: string, b: string) => Number(a) - Number(b) : compareCodePoints;
  return pages.sort((a, b) => compare(a.value, b.value)).map(({ page }) => page);
}
