import { performance } from 'node:perf_hooks';
import { buildSite, OutputFolderError, type BuildOptions } from '../build/build-site.ts';
import { reportDiagnostics } from './report.ts';
import { formatTimings } from '../build/stage-timings.ts';
import { SearchIndexError } from '../search/search-errors.ts';

export async function runBuild(options: BuildOptions): Promise<number> {
  const started = performance.now();
  try {
    const result = await buildSite(options);
    reportDiagnostics(result.diagnostics);
    if (!result.ok) {
      console.error(`\nBuild stopped: fix the errors above. ${options.outputDir} was left as it was.`);
      return 1;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.upToDate) {
      console.log(`Nothing changed since the last build (same content, settings and Chronicle): ${options.outputDir}/ is up to date with ${result.articles} articles in ${result.pages} files (${seconds}s: ${formatTimings(result.timings)})`);
      return 0;
    }
    console.log(`Built ${result.articles} articles into ${result.pages} files in ${options.outputDir}/ (${seconds}s: ${formatTimings(result.timings)})`);
    if (result.search && result.search.parts > 1) console.log(`Search: ${result.search.pages} pages indexed in ${result.search.parts} parts, merged into one index.`);
    return 0;
  } catch (error) {
    if (error instanceof OutputFolderError) {
      console.error(`chronicle build: ${error.message}`);
      return 1;
    }
    const reason = error instanceof SearchIndexError ? error.message : describeError(error);
    console.error(`Build failed: ${reason}\n${options.outputDir} was left as it was.`);
    return 1;
  }
}

/** Eleventy wraps the real problem in layers of errors; show each layer's message, the deepest with its stack. */
function describeError(error: unknown): string {
  const layers: string[] = [];
  let current: unknown = error;
  let deepest: Error | undefined;
  while (current instanceof Error && layers.length < 6) {
    layers.push(current.message);
    deepest = current;
    const next = (current as Error & { originalError?: unknown }).originalError ?? current.cause;
    current = next;
  }
  if (layers.length === 0) return String(error);
  return `${layers.join('\n  caused by: ')}\n${deepest?.stack ?? ''}`;
}
