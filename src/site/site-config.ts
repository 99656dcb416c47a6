import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../content/diagnostic.ts';

/** Where the site is published: optional in chronicle.config.json, overridable on the command line. */
export const siteConfigSchema = z.strictObject({
  title: z.string().trim().min(1).default('Chronicle'),
  /** The published address, path included: https://example.org/archive/ */
  url: z.url({ protocol: /^https?$/, message: 'is not a web address: write the full https://… address the site is published at' }).optional(),
  /** The path the site is served under, when it differs from the URL's ("/archive/"). */
  pathPrefix: z.string().regex(/^\/([\w.~-]+\/)*$/, { message: 'is not a path: write it with slashes on both ends, e.g. /archive/' }).optional(),
});

export const siteSchema = z.object({
  title: z.string(),
  /** Absolute and ending in "/", or null when no address is configured (no canonical links, no sitemap). */
  url: z.string().nullable(),
  /** "/" or "/archive/": every site URL starts with it. */
  pathPrefix: z.string(),
});
export type Site = z.infer<typeof siteSchema>;

export const CONFIG_FILE = 'chronicle.config.json';

export interface SiteOverrides {
  url?: string | undefined;
  pathPrefix?: string | undefined;
}

/** The config file (if any) with command-line overrides, checked; problems are positioned diagnostics. */
export function readSite(file: string = CONFIG_FILE, overrides: SiteOverrides = {}): { site?: Site; diagnostics: Diagnostic[] } {
  let raw: unknown = {};
  let text = '';
  if (existsSync(file)) {
    text = readFileSync(file, 'utf8');
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const at = /position (\d+)/.exec((error as Error).message);
      return { diagnostics: [diagnostic(file, positionAt(text, at ? Number(at[1]) : 0), 'config/json', `is not valid JSON: ${(error as Error).message}`, 'fix the JSON, or delete the file to use the defaults')] };
    }
  }
  const merged = { ...(raw as object), ...(overrides.url ? { url: overrides.url } : {}), ...(overrides.pathPrefix ? { pathPrefix: withSlashes(overrides.pathPrefix) } : {}) };
  const parsed = siteConfigSchema.safeParse(merged);
  if (!parsed.success) {
    return {
      diagnostics: parsed.error.issues.map((issue) =>
        // A key given on the command line is not in the file: then the file's start is as close as it gets.
        diagnostic(file, positionAt(text, Math.max(0, text.indexOf(`"${String(issue.path[0] ?? '')}"`))), 'config/invalid', `${issue.path.join('.') || 'config'}: ${issue.message}`, `see "Deploying" in the README`),
      ),
    };
  }
  const url = parsed.data.url ? (parsed.data.url.endsWith('/') ? parsed.data.url : `${parsed.data.url}/`) : null;
  const pathPrefix = parsed.data.pathPrefix ?? (url ? new URL(url).pathname : '/');
  return { site: { title: parsed.data.title, url, pathPrefix }, diagnostics: [] };
}

function withSlashes(path: string): string {
  return `/${path.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** The absolute address of a site path ("/articles/x/"), when the site's address is known. */
export function absoluteUrl(site: Site, sitePath: string): string | null {
  return site.url ? new URL(sitePath.replace(/^\//, ''), site.url).href : null;
}

/** A site path as published: absolute when the site's address is known, else site-relative under the path prefix. */
export function publishedUrl(site: Site, sitePath: string): string {
  return absoluteUrl(site, sitePath) ?? prefixedPath(site, sitePath);
}

/** A site path under the path prefix ("/people/x/" → "/archive/people/x/"), for output the HTML base plugin does not rewrite. */
export function prefixedPath(site: Site, sitePath: string): string {
  return `${site.pathPrefix}${sitePath.replace(/^\//, '')}`;
}

/** Line and column (both from 1) of a character offset in the file. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
