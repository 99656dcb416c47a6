import path from 'node:path';
import { Eleventy } from '@11ty/eleventy';
import { ELEVENTY_CONFIG, LAYOUTS_DIR } from '../paths.ts';

/**
 * One Eleventy run of the layouts into `outputDir`, as `chronicle build` (once per render shard)
 * and the dev server (once per edit) make them; resolves to the files it wrote.
 */
export async function runEleventy(outputDir: string, quiet: boolean): Promise<string[]> {
  const eleventy = new Eleventy(path.relative(process.cwd(), LAYOUTS_DIR) || '.', outputDir, { configPath: ELEVENTY_CONFIG, quietMode: quiet });
  return writtenFiles(await eleventy.write());
}

/** Eleventy's write() resolves to [passthrough copies, templates]; each template result names its outputPath. */
function writtenFiles(written: unknown): string[] {
  const templates = Array.isArray(written) && Array.isArray(written[1]) ? (written[1] as unknown[]).flat(2) : [];
  return templates.flatMap((entry) => {
    const outputPath = (entry as { outputPath?: unknown } | null)?.outputPath;
    return typeof outputPath === 'string' ? [path.resolve(outputPath)] : [];
  });
}
