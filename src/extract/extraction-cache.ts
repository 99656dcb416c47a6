import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleExtraction } from './extract-article.ts';

/** Bump when extraction changes what it finds, so cached results from older code are not reused. */
export const EXTRACTOR_VERSION = '1';

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
