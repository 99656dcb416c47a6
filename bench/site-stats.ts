import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface SiteStats {
  files: number;
  bytes: number;
  htmlPages: number;
  largestHtml: { path: string; bytes: number };
  /** HTML pages over the 200 KB budget a reader's phone should never have to load. */
  overBudget: number;
}

export const HTML_BUDGET_BYTES = 200 * 1024;

export async function siteStats(siteDir: string): Promise<SiteStats> {
  const stats: SiteStats = { files: 0, bytes: 0, htmlPages: 0, largestHtml: { path: '', bytes: 0 }, overBudget: 0 };
  for (const relative of await listFiles(siteDir)) {
    const { size } = await stat(path.join(siteDir, relative));
    stats.files++;
    stats.bytes += size;
    if (!relative.endsWith('.html')) continue;
    stats.htmlPages++;
    if (size > HTML_BUDGET_BYTES) stats.overBudget++;
    if (size > stats.largestHtml.bytes) stats.largestHtml = { path: relative, bytes: size };
  }
  return stats;
}

export interface TreeComparison {
  identical: number;
  /** Files whose bytes differ, outside Pagefind's folder. */
  differing: string[];
  onlyInFirst: string[];
  onlyInSecond: string[];
  /** Pagefind's own files that differ (its index and fragment names carry content hashes). */
  pagefindDiffering: number;
}

/** Compares two builds file by file, to prove the same content gives the same bytes. */
export async function compareTrees(first: string, second: string): Promise<TreeComparison> {
  const [a, b] = await Promise.all([listFiles(first), listFiles(second)]);
  const inB = new Set(b);
  const inA = new Set(a);
  const result: TreeComparison = { identical: 0, differing: [], onlyInFirst: [], onlyInSecond: [], pagefindDiffering: 0 };
  for (const relative of a) {
    const isPagefind = relative.startsWith('pagefind/');
    if (!inB.has(relative)) {
      if (isPagefind) result.pagefindDiffering++;
      else result.onlyInFirst.push(relative);
      continue;
    }
    const [x, y] = await Promise.all([digest(path.join(first, relative)), digest(path.join(second, relative))]);
    if (x === y) result.identical++;
    else if (isPagefind) result.pagefindDiffering++;
    else result.differing.push(relative);
  }
  for (const relative of b) {
    if (inA.has(relative)) continue;
    if (relative.startsWith('pagefind/')) result.pagefindDiffering++;
    else result.onlyInSecond.push(relative);
  }
  return result;
}

async function digest(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
