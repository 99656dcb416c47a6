import type { UserConfig } from '@11ty/eleventy';

/**
 * Templates are TypeScript (`layouts/*.11ty.ts`): they render through the `html` tag, which escapes
 * everything from content, and they are type-checked against the archive model like the rest.
 */
export function layoutsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  eleventyConfig.addPassthroughCopy({ 'layouts/assets': 'assets' });
}
