import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { z } from 'zod';

/*
 * The files of a Pagefind 1.5 bundle, as chronicle reads them to merge several indexes into one
 * (src/search/merge-search-parts.ts). Pagefind can only merge indexes in the browser, where each
 * one loads its own WebAssembly and metadata, so the build merges them itself and has to know the
 * layout: gzip of the signature `pagefind_dcd` followed by CBOR. The shapes below are what Pagefind
 * 1.5.2 writes; a test decodes a real bundle with them, so an upgrade that changes them fails the
 * tests instead of shipping a broken search.
 */

const SIGNATURE = Buffer.from('pagefind_dcd');

/** One page of a word's list: the page number as a step from the previous entry's, the positions, the positions in metadata. */
const wordPageSchema = z.tuple([z.number().int().nonnegative(), z.array(z.number().int()), z.array(z.number().int())]);
const wordPagesSchema = z.array(wordPageSchema);
/** A word of an index chunk: the stemmed word, its pages, and the spellings (accented ones) with their own pages. */
const wordSchema = z.tuple([z.string(), wordPagesSchema, z.array(z.tuple([z.string(), wordPagesSchema]))]);
export const indexChunkSchema = z.tuple([z.array(wordSchema)]);
export type WordPage = z.infer<typeof wordPageSchema>;
export type Word = z.infer<typeof wordSchema>;

/** `pagefind.<lang>_<hash>.pf_meta`: every page's fragment and word count, the chunks, the filters, the sorted orders. */
export const metaSchema = z.tuple([
  z.string(),
  z.array(z.tuple([z.string(), z.number().int().nonnegative()])),
  z.array(z.tuple([z.string(), z.string(), z.string()])),
  z.array(z.tuple([z.string(), z.string()])),
  z.array(z.tuple([z.string(), z.array(z.number().int().nonnegative())])),
  z.array(z.string()),
]);
export type SearchMeta = z.infer<typeof metaSchema>;

/** `filter/<lang>_<hash>.pf_filter`: each value of one filter with its page numbers (not steps). */
export const filterSchema = z.tuple([z.string(), z.array(z.tuple([z.string(), z.array(z.number().int().nonnegative())]))]);

export const entrySchema = z.looseObject({
  version: z.string(),
  languages: z.record(z.string(), z.looseObject({ hash: z.string(), wasm: z.string().nullable().optional(), page_count: z.number() })),
});
export type SearchEntry = z.infer<typeof entrySchema>;

/** A fragment as far as the merge needs it. */
export const fragmentSchema = z.looseObject({ url: z.string() });

/** What a Pagefind file holds after its gzip and signature: CBOR, or JSON for a fragment. */
export function unpackPagefindFile(file: Buffer, name = 'the file'): Buffer {
  const raw = gunzipSync(file);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${name} is not a Pagefind file (no pagefind_dcd signature)`);
  return raw.subarray(SIGNATURE.length);
}

export function readPagefindFile(file: string): unknown {
  return decode(unpackPagefindFile(readFileSync(file), file));
}

export function readFragmentUrl(file: string): string {
  return fragmentSchema.parse(JSON.parse(unpackPagefindFile(readFileSync(file), file).toString('utf8'))).url;
}

export function encodePagefindFile(value: unknown): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, encode(value)]));
}

/**
 * A file name for `content` that no other file in `taken` has: Pagefind names files by a short hash
 * of what they hold and lengthens it on a collision; these names are hashed the same way.
 */
export function uniqueName(prefix: string, content: Uint8Array, length: number, taken: Set<string>): string {
  const hash = createHash('sha256').update(content).digest('hex');
  for (let size = length; size <= hash.length; size += 1) {
    const name = `${prefix}${hash.slice(0, size)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error(`two different search files hash to ${prefix}${hash}`);
}

/**
 * Pagefind sorts words as Rust sorts strings, by code point; JavaScript's `<` compares UTF-16 units,
 * which differs for characters beyond U+FFFF. The browser looks words up by these bounds, so the
 * merge must order them exactly as Pagefind does.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i += 1;
  }
  return a.length - b.length;
}
