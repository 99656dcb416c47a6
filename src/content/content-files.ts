import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from './diagnostic.ts';

export const COLLECTIONS = ['articles', 'people', 'organizations', 'places', 'events'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export interface ContentFile {
  collection: Collection;
  /** Absolute path, for reading. */
  absolutePath: string;
  /** Path as the editor sees it (relative to the working directory when inside it), for messages. */
  file: string;
}

/**
 * Finds every Markdown file in the content folder and says which collection it belongs to.
 * A Markdown file outside the known folders is reported, not ignored: silently skipping it would lose work.
 */
export async function listContentFiles(contentDir: string): Promise<{ files: ContentFile[]; diagnostics: Diagnostic[] }> {
  const root = path.resolve(contentDir);
  const files: ContentFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let entries: string[];
  try {
    entries = (await readdir(root, { recursive: true })).map(String);
  } catch {
    diagnostics.push(diagnostic(displayPath(root), { line: 1, column: 1 }, 'content/missing-folder',
      'the content folder does not exist', 'create it, or pass the right folder with --content DIR'));
    return { files, diagnostics };
  }
  for (const relative of entries.sort()) {
    // `.markdown` and upper-case `.MD` are Markdown too; skipping them silently would lose work.
    if (!/\.(md|markdown)$/i.test(relative)) continue;
    const parts = relative.split(path.sep);
    if (parts.some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    const absolutePath = path.join(root, relative);
    const collection = COLLECTIONS.find((name) => name === parts[0]);
    if (!collection || (collection !== 'articles' && parts.length > 2)) {
      diagnostics.push(diagnostic(displayPath(absolutePath), { line: 1, column: 1 }, 'content/unknown-folder',
        `this file is not in a content folder Chronicle reads, so it would not be published`,
        `move it into one of ${COLLECTIONS.map((name) => `${path.basename(root)}/${name}/`).join(', ')}`, 'warning'));
      continue;
    }
    files.push({ collection, absolutePath, file: displayPath(absolutePath) });
  }
  return { files, diagnostics };
}

export function displayPath(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolutePath;
}
