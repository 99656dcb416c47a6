import path from 'node:path';
import type { UserConfig } from '@11ty/eleventy';
import { LAYOUTS_DIR } from '../paths.ts';

/**
 * Templates are TypeScript (`layouts/*.11ty.ts`): they render through the `html` tag, which escapes
 * everything from content, and they are type-checked against the archive model like the rest.
 */
export function layoutsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), path.join(LAYOUTS_DIR, 'assets'))]: 'assets' });
}
