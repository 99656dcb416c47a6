// The baseline: plain Eleventy 3 renders the same Markdown files through a one-line layout, with no
// Chronicle code. Run as its own process (`tsx bench/plain-eleventy.ts CONTENT OUTPUT`) so its wall
// time and peak memory are measured the same way as `chronicle build`'s.
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Eleventy } from '@11ty/eleventy';

const [contentDir, outputDir] = process.argv.slice(2);
if (!contentDir || !outputDir) throw new Error('usage: plain-eleventy.ts CONTENT OUTPUT');
// The layout lives beside the content, not in it, so the content folder stays exactly what Chronicle reads.
const includes = path.join(path.dirname(path.resolve(outputDir)), 'plain-eleventy-layout');
await mkdir(includes, { recursive: true });
await writeFile(path.join(includes, 'base.liquid'), '<!doctype html><html lang="en"><meta charset="utf-8"><title>{{ title }}</title><main>{{ content }}</main></html>\n');
const eleventy = new Eleventy(contentDir, outputDir, {
  quietMode: true,
  config(config) {
    config.setLayoutsDirectory(path.relative(contentDir, includes));
    config.addGlobalData('layout', 'base.liquid');
  },
});
await eleventy.write();
