import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { articleFile, articlePath } from '../import/article-file.ts';
import { ImportError, importHtml, importText, type ImportOptions } from '../import/import-article.ts';

export interface ImportCommand {
  inputs: string[];
  outDir: string;
  force: boolean;
  options: Omit<ImportOptions, 'today'>;
}

/**
 * Imports each input on its own: one that cannot be read or holds no article is reported and the
 * others still import. Exit 1 when any input failed, 0 otherwise. Nothing is ever overwritten
 * without --force.
 */
export async function runImport({ inputs, outDir, force, options }: ImportCommand): Promise<number> {
  const today = DateTime.now().toISODate()!;
  let failed = 0;
  for (const input of inputs) {
    const name = input === '-' ? '<stdin>' : input;
    try {
      const content = input === '-' ? await readStdin() : await readFile(input, 'utf8');
      const html = input === '-' ? /^\s*<(!doctype|html|head|body|article|div|p)\b/i.test(content) : /\.html?$/i.test(input);
      if (input !== '-' && !html && !/\.txt$/i.test(input)) throw new ImportError('unknown kind of file: give a .txt, .html or .htm file, or - for standard input');
      const { article, warnings } = (html ? importHtml : importText)(content, { ...options, today });
      const target = articlePath(outDir, article);
      await mkdir(path.dirname(target), { recursive: true });
      try {
        await writeFile(target, articleFile(article), { encoding: 'utf8', flag: force ? 'w' : 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ImportError(`${target} already exists — it was left as it is; use --force to replace it`);
        throw error;
      }
      console.log(`${name} → ${target}`);
      console.log(`  "${article.title}", ${article.date} (${article.dateFoundBy}), ${article.source.name}, ${article.language}, ${article.paragraphs.length} paragraphs`);
      for (const warning of warnings) console.error(`${name}: warning: ${warning}`);
    } catch (error) {
      failed++;
      const reason = error instanceof ImportError ? error.message : describe(error);
      console.error(`${name}: error: ${reason}`);
    }
  }
  if (failed > 0) console.error(`${failed} of ${inputs.length} inputs failed to import.`);
  return failed > 0 ? 1 : 0;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file — check the path';
  if (code === 'EACCES') return 'cannot read the file (permission denied)';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return (error as Error).message;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
