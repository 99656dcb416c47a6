import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleExtraction } from './extract-article.ts';

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

/**
 * Extraction results on disk, one JSON file per content hash (the article's text, language, date,
 * the registry and the extractor version): an unchanged article is never extracted twice.
 */
export class ExtractionCache {
  constructor(private readonly dir: string) {}

  static hash(parts: readonly string[]): string {
    const hash = createHash('sha256');
    hash.update(EXTRACTOR_VERSION);
    for (const part of parts) hash.update('\u0000').update(part);
    return hash.digest('hex');
  }

  async get(hash: string): Promise<ArticleExtraction | undefined> {
    try {
      return JSON.parse(await readFile(this.file(hash), 'utf8')) as ArticleExtraction;
    } catch {
      return undefined;
    }
  }

  async set(hash: string, value: ArticleExtraction): Promise<void> {
    const file = this.file(hash);
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed, so a build stopped halfway never leaves a torn cache entry.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(value));
    await rename(temporary, file);
  }

  private file(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }
}
