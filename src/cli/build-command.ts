import { performance } from 'node:perf_hooks';
import { buildSite, type BuildOptions } from '../build/build-site.ts';
import { reportDiagnostics } from './report.ts';

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
    console.log(`Built ${result.articles} articles into ${result.pages} files in ${options.outputDir}/ (${seconds}s)`);
    return 0;
  } catch (error) {
    console.error(`Build failed: ${(error as Error).stack ?? String(error)}\n${options.outputDir} was left as it was.`);
    return 1;
  }
}
