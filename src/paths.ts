import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Chronicle's own folder, so the CLI finds its config and layouts from any working directory. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELEVENTY_CONFIG = path.join(PACKAGE_ROOT, '.eleventy.ts');
export const LAYOUTS_DIR = path.join(PACKAGE_ROOT, 'layouts');
