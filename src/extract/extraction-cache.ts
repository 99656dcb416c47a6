import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleExtraction } from './extract-article.ts';
import { interner, pack, unpack } from './packed-extraction.ts';

/**
 * The extractor's own source, hashed: any change to the code that decides what is found makes
 * earlier cached results unreachable, with no version number to remember to bump.
 */
export const EXTRACTOR_VERSION = (() => {
  const folder = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.ts')).sort()) hash.update(name).update(readFileSync(path.join(folder, name)));
  return hash.digest('hex').slice(0, 16);
})();

/** One line of a pack: `<64 hex digits> <JSON>\n`, as read (bytes) or as made in this build (text). */
type Line = Buffer | string;

const SHARDS = '0123456789abcdef';
const HASH_LENGTH = 64;
const HEX = /^[0-9a-f]{64}$/;

/**
 * Extraction results on disk, keyed by content hash (the article's text, language, date, the
 * registry and the extractor version): an unchanged article is never extracted twice.
 *
 * Results are packed sixteen files to the folder, one line per article, by the hash's first digit:
 * a build reads sixteen files instead of one per article. Lines are parsed only when asked for,
 * each a compact form of the extraction (see packed-extraction.ts).
 * `save()` rewrites a pack only when it gains results or holds some this build no longer asked
 * for (an edited article's old text, an older extractor's), so the cache never outgrows the
 * archive. A pack is written aside and renamed into place, so a build stopped halfway or a
 * concurrent build never leaves a torn file; a line that does not read is a miss, never an error.
 */
export class ExtractionCache {
  private packs: Promise<Map<string, Line>[]> | undefined;
  private readonly used = new Set<string>();
  private readonly fresh = new Map<string, Line>();

  constructor(private readonly dir: string) {}

  static hash(parts: readonly string[]): string {
    const hash = createHash('sha256');
    hash.update(EXTRACTOR_VERSION);
    for (const part of parts) hash.update('\u0000').update(part);
    return hash.digest('hex');
  }

  /** `text` is the article's extraction text, which the hash was made of: entries keep positions in it. */
  async get(hash: string, text: string): Promise<ArticleExtraction | undefined> {
    const line = (await this.read())[shardOf(hash)]?.get(hash);
    const value = line === undefined ? undefined : this.parse(line, text);
    if (value) this.used.add(hash);
    return value;
  }

  /** Kept in memory until `save()`. */
  async set(hash: string, value: ArticleExtraction, text: string): Promise<void> {
    this.setPacked(hash, JSON.stringify(pack(value, text)));
  }

  /** The same, for a result already packed (as workers send them); kept as the string it came as until written. */
  setPacked(hash: string, packed: string): void {
    this.fresh.set(hash, `${hash} ${packed}\n`);
  }

  /** Writes the packs that changed since they were read, keeping the results asked for or set since. */
  async save(): Promise<void> {
    const packs = await this.read();
    await mkdir(this.dir, { recursive: true });
    await Promise.all(
      packs.map(async (pack, shard) => {
        const fresh = [...this.fresh].filter(([hash]) => shardOf(hash) === shard);
        const stale = [...pack.keys()].filter((hash) => !this.used.has(hash) && !this.fresh.has(hash));
        if (fresh.length === 0 && stale.length === 0) return;
        for (const hash of stale) pack.delete(hash);
        for (const [hash, line] of fresh) pack.set(hash, line);
        await writePack(path.join(this.dir, packName(shard)), [...pack.values()]);
      }),
    );
    this.used.clear();
    this.fresh.clear();
    // What was read is let go (a quarter of a gigabyte at 100,000 articles) and read again if asked.
    this.packs = undefined;
    await tidy(this.dir);
  }

  private parse(line: Line, text: string): ArticleExtraction | undefined {
    let value: unknown;
    try {
      value = JSON.parse(typeof line === 'string' ? line.slice(HASH_LENGTH + 1) : line.toString('utf8', HASH_LENGTH + 1));
    } catch {
      return undefined;
    }
    return unpack(value, text, this.intern);
  }

  /** One string for each registry key and name, shared by every article that repeats it. */
  readonly intern = interner();

  private read(): Promise<Map<string, Line>[]> {
    this.packs ??= Promise.all([...SHARDS].map((_, shard) => readPack(path.join(this.dir, packName(shard)), shard)));
    return this.packs;
  }
}

function shardOf(hash: string): number {
  return SHARDS.indexOf(hash[0] ?? '');
}

function packName(shard: number): string {
  return `${SHARDS[shard]}.pack`;
}

async function readPack(file: string, shard: number): Promise<Map<string, Line>> {
  const lines = new Map<string, Line>();
  const buffer = await readFile(file).catch(() => undefined);
  if (!buffer) return lines;
  for (let start = 0; start < buffer.length; ) {
    const newline = buffer.indexOf(0x0a, start);
    // A last line without its newline was cut short: skip it like any other line that does not read.
    if (newline < 0) break;
    const hash = buffer.toString('latin1', start, start + HASH_LENGTH);
    if (buffer[start + HASH_LENGTH] === 0x20 && HEX.test(hash) && shardOf(hash) === shard) lines.set(hash, buffer.subarray(start, newline + 1));
    start = newline + 1;
  }
  return lines;
}

async function writePack(file: string, lines: readonly Line[]): Promise<void> {
  if (lines.length === 0) {
    await unlink(file).catch(() => undefined);
    return;
  }
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, chunks(lines));
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** A few hundred lines per write: one write per line is slow, one buffer for a whole pack is big. */
function* chunks(lines: readonly Line[]): Iterable<Buffer> {
  for (let at = 0; at < lines.length; at += 256) yield Buffer.concat(lines.slice(at, at + 256).map((line) => (typeof line === 'string' ? Buffer.from(line) : line)));
}

/**
 * Earlier versions kept one file per article in folders named by the hash's first two digits; a
 * build stopped while writing leaves its temporary pack behind. Both go.
 */
async function tidy(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const anHourAgo = Date.now() - 3_600_000;
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      if (/^[0-9a-f]{2}$/.test(name)) await rm(file, { recursive: true, force: true });
      else if (name.endsWith('.tmp') && ((await stat(file).catch(() => undefined))?.mtimeMs ?? Infinity) < anHourAgo) await rm(file, { force: true });
    }),
  );
}
