import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export async function listFiles(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true }))
    .map(String)
    .filter((relative) => !relative.split(path.sep).includes('pagefind'))
    .sort();
}

/** Every file (not folder) under `root`, Pagefind's included, as relative paths, sorted. */
export async function listAllFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

export async function readSiteFile(root: string, sitePath: string): Promise<string> {
  return readFile(resolveSitePath(root, sitePath), 'utf8');
}

/** Site URL → file, as a static host resolves it (`/x/` → `/x/index.html`). */
export function resolveSitePath(root: string, sitePath: string): string {
  const clean = decodeURIComponent(sitePath.split('#')[0]!.split('?')[0]!);
  return path.join(root, clean.endsWith('/') ? `${clean}index.html` : clean);
}

export async function sitePathExists(root: string, sitePath: string): Promise<boolean> {
  return stat(resolveSitePath(root, sitePath)).then((info) => info.isFile(), () => false);
}

/**
 * Every site-relative href and src in a page. Our own generated HTML always double-quotes
 * attributes, so a pattern is enough here; no parser is needed to read what we wrote.
 */
export function internalLinks(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const value = match[1]!.replace(/&amp;/g, '&');
    if (value.startsWith('/') && !value.startsWith('//')) links.push(value);
  }
  return links;
}
