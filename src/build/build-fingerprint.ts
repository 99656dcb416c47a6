import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../content/diagnostic.ts';
import { PACKAGE_ROOT } from '../paths.ts';

/*
 * A build is a pure function of its inputs: the content folder, the site settings and Chronicle's
 * own code (builds are deterministic, which the benchmark checks byte for byte). So when every input
 * is the same as for the site already in the output folder, building again would write the same
 * bytes, and the build can say so instead. The fingerprint is written into the output folder's
 * marker file; content files are hashed, with each hash reused while the file's size and
 * modification time stay the same, as git's index does.
 */

export interface BuildInputs {
  contentDir: string;
  /** Everything else that changes the output: site address, path prefix, title. */
  settings: unknown;
}

interface HashCacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
}

/** What a previous build left in the cache: content hashes and the diagnostics to repeat. */
interface FingerprintCache {
  files: Record<string, HashCacheEntry>;
  fingerprint: string;
  diagnostics: Diagnostic[];
  articles: number;
  pages: number;
  /** Every file the build left in the output folder, Pagefind's and the marker included. */
  outputFiles: number;
}

let codeDigest: Promise<string> | undefined;

/** Chronicle's code and locked dependencies: a new version of either may render differently. */
function chronicleCodeDigest(): Promise<string> {
  codeDigest ??= (async () => {
    const hash = createHash('sha256');
    const files = ['.eleventy.ts', 'package.json', 'package-lock.json'];
    for (const folder of ['src', 'layouts', 'bin']) {
      const entries = await readdir(path.join(PACKAGE_ROOT, folder), { recursive: true, withFileTypes: true });
      for (const entry of entries) if (entry.isFile()) files.push(path.relative(PACKAGE_ROOT, path.join(entry.parentPath, entry.name)));
    }
    for (const file of files.sort()) hash.update(`${file}\0`).update(await readFile(path.join(PACKAGE_ROOT, file)).catch(() => Buffer.alloc(0))).update('\0');
    return hash.digest('hex');
  })();
  return codeDigest;
}

export class BuildFingerprints {
  private constructor(private readonly cacheFile: string) {}

  /** The fingerprints kept in the cache folder for builds into `outputDir`. */
  static forOutput(cacheDir: string, outputDir: string): BuildFingerprints {
    return new BuildFingerprints(path.join(cacheDir, 'builds', `${createHash('sha256').update(outputDir).digest('hex').slice(0, 16)}.json`));
  }

  /** Read once: both the content hashes and the up-to-date check need it. */
  private previous: Promise<FingerprintCache | undefined> | undefined;

  /**
   * The fingerprint of this build's inputs. Every file in the content folder counts, not only
   * Markdown: a file the build ignores today costs one hash, and a rule that reads it tomorrow
   * must not be fooled.
   */
  async compute(inputs: BuildInputs): Promise<{ fingerprint: string; files: Record<string, HashCacheEntry> }> {
    const previous = (await this.read())?.files ?? {};
    const root = path.resolve(inputs.contentDir);
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const relativePaths = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))).sort();
    const files: Record<string, HashCacheEntry> = {};
    const hash = createHash('sha256').update(await chronicleCodeDigest()).update(JSON.stringify(inputs.settings));
    for (const relative of relativePaths) {
      const absolute = path.join(root, relative);
      const info = await stat(absolute);
      const known = previous[relative];
      const fileHash = known && known.size === info.size && known.mtimeMs === info.mtimeMs
        ? known.hash
        : createHash('sha256').update(await readFile(absolute)).digest('hex');
      files[relative] = { size: info.size, mtimeMs: info.mtimeMs, hash: fileHash };
      hash.update(`${relative}\0${fileHash}\0`);
    }
    return { fingerprint: hash.digest('hex'), files };
  }

  /** The previous build's result when it was made from exactly these inputs into this output folder. */
  async unchangedSince(fingerprint: string, outputDir: string, marker: string): Promise<FingerprintCache | undefined> {
    const cached = await this.read();
    if (!cached || cached.fingerprint !== fingerprint) return undefined;
    const written = await readFile(path.join(outputDir, marker), 'utf8').catch(() => '');
    if (!written.includes(fingerprint)) return undefined;
    // A page deleted from the output by hand is noticed; an edited one is not (that is what a build is for).
    const files = await readdir(outputDir, { recursive: true, withFileTypes: true }).catch(() => []);
    return files.filter((entry) => entry.isFile()).length === cached.outputFiles ? cached : undefined;
  }

  async save(entry: FingerprintCache): Promise<void> {
    await mkdir(path.dirname(this.cacheFile), { recursive: true });
    // Written beside and renamed, so a build stopped halfway never leaves half a file to trust.
    const temporary = `${this.cacheFile}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(entry));
    await rename(temporary, this.cacheFile);
  }

  private read(): Promise<FingerprintCache | undefined> {
    this.previous ??= this.readFromDisk();
    return this.previous;
  }

  private async readFromDisk(): Promise<FingerprintCache | undefined> {
    try {
      const parsed = JSON.parse(await readFile(this.cacheFile, 'utf8')) as FingerprintCache;
      return typeof parsed.fingerprint === 'string' && parsed.files && Array.isArray(parsed.diagnostics) ? parsed : undefined;
    } catch {
      // Missing or damaged: build as if there had been no previous build.
      return undefined;
    }
  }
}
