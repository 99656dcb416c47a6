import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Eleventy } from '@11ty/eleventy';
import { loadArchive } from '../archive/load-archive.ts';
import { hasErrors, type Diagnostic } from '../content/diagnostic.ts';
import { CONTENT_ENV, QUIET_ENV } from '../eleventy/settings.ts';
import { ELEVENTY_CONFIG, LAYOUTS_DIR } from '../paths.ts';

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Silence Eleventy's per-file log. */
  quiet: boolean;
}

export type BuildResult =
  | { ok: true; diagnostics: Diagnostic[]; articles: number; pages: number }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Validates the content, renders it with Eleventy and indexes it with Pagefind into a staging
 * folder beside the output, and only then swaps the staging folder in. A failed build leaves the
 * previous site exactly as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const { archive, diagnostics } = await loadArchive(options.contentDir);
  if (!archive || hasErrors(diagnostics)) return { ok: false, diagnostics };

  const outputDir = path.resolve(options.outputDir);
  const parent = path.dirname(outputDir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(outputDir)}.staging-`));
  try {
    process.env[CONTENT_ENV] = options.contentDir;
    process.env[QUIET_ENV] = options.quiet ? '1' : '';
    const eleventy = new Eleventy(path.relative(process.cwd(), LAYOUTS_DIR) || '.', staging, {
      configPath: ELEVENTY_CONFIG,
      quietMode: options.quiet,
    });
    const written = (await eleventy.write()) as unknown[];
    await swapIn(staging, outputDir);
    return { ok: true, diagnostics, articles: archive.articles.length, pages: countPages(written) };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function swapIn(staging: string, outputDir: string): Promise<void> {
  const exists = await stat(outputDir).then(() => true, () => false);
  if (!exists) {
    await rename(staging, outputDir);
    return;
  }
  const previous = `${staging}.previous`;
  await rename(outputDir, previous);
  await rename(staging, outputDir);
  await rm(previous, { recursive: true, force: true });
}

function countPages(written: unknown[]): number {
  // Eleventy's write() resolves to [passthroughCopies, templates]; count the rendered templates.
  const templates = Array.isArray(written?.[1]) ? (written[1] as unknown[]) : [];
  return templates.flat().length;
}
