import path from 'node:path';
import { parseArgs } from 'node:util';
import { readFullDate } from '../import/find-date.ts';
import { CONFIG_FILE, readSite } from '../site/site-config.ts';
import { reportDiagnostics } from './report.ts';
import { runBuild } from './build-command.ts';
import { runCheck } from './check-command.ts';
import { runImport } from './import-command.ts';
import { runServe } from './serve-command.ts';

const USAGE = `Usage: chronicle <command> [options]

Commands:
  build   [--content DIR] [--output DIR] [--verbose]   build the site (defaults: content/, _site/)
          [--site-url URL] [--path-prefix /PATH/]      where it is published (or chronicle.config.json)
  check   [--content DIR]                              validate all content and print every problem
  serve   [--content DIR] [--output DIR] [--port N]    dev server with live reload and search
          [--site-url URL] [--path-prefix /PATH/]
  import  FILE... [--out DIR] [--source NAME] [--url URL] [--date YYYY-MM-DD] [--lang xx] [--force]
          raw text (.txt), HTML (.html, .htm) or - (standard input) → Markdown articles
          (default --out content/articles; one file per input in <out>/<year>/)

Exit codes: 0 success, 1 content or build errors, 2 usage errors.`;

/** Parses the command line and runs one command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let values: {
    content: string; output: string; port: string; verbose: boolean; help: boolean;
    out: string; source?: string; url?: string; date?: string; lang?: string; force: boolean;
    'site-url'?: string; 'path-prefix'?: string;
  };
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: rest,
      options: {
        content: { type: 'string', default: 'content' },
        output: { type: 'string', default: '_site' },
        port: { type: 'string', default: '8080' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        out: { type: 'string', default: path.join('content', 'articles') },
        source: { type: 'string' },
        url: { type: 'string' },
        date: { type: 'string' },
        lang: { type: 'string' },
        force: { type: 'boolean', default: false },
        'site-url': { type: 'string' },
        'path-prefix': { type: 'string' },
      },
      strict: true,
      allowPositionals: command === 'import',
    });
    values = parsed.values as typeof values;
    positionals = parsed.positionals;
  } catch (error) {
    console.error(`chronicle: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!command || command === 'help' || command === '--help' || command === '-h' || values.help) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const site = () => {
    const { site: found, diagnostics } = readSite(CONFIG_FILE, { url: values['site-url'], pathPrefix: values['path-prefix'] });
    reportDiagnostics(diagnostics);
    return found;
  };
  switch (command) {
    case 'build': {
      const published = site();
      if (!published) return 1;
      return runBuild({ contentDir: values.content, outputDir: values.output, quiet: !values.verbose, site: published });
    }
    case 'check':
      return runCheck(values.content);
    case 'serve': {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port <= 0 || port > 65535) {
        console.error(`chronicle: --port must be a port number, not "${values.port}"`);
        return 2;
      }
      const published = site();
      if (!published) return 1;
      return runServe({ contentDir: values.content, outputDir: values.output, port, site: published });
    }
    case 'import': {
      const problem = importUsageProblem(positionals, values);
      if (problem) {
        console.error(`chronicle import: ${problem}\n\n${USAGE}`);
        return 2;
      }
      return runImport({
        inputs: positionals,
        outDir: values.out,
        force: values.force,
        options: {
          ...(values.source ? { source: values.source } : {}),
          ...(values.url ? { url: values.url } : {}),
          ...(values.date ? { date: values.date } : {}),
          ...(values.lang ? { language: values.lang } : {}),
        },
      });
    }
    default:
      console.error(`chronicle: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

function importUsageProblem(inputs: readonly string[], values: { url?: string; date?: string; lang?: string }): string | undefined {
  if (inputs.length === 0) return 'give at least one FILE (.txt, .html, .htm) or - for standard input';
  if (values.date && (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || !readFullDate(values.date, 'en'))) return `--date "${values.date}" is not a calendar date: write YYYY-MM-DD`;
  if (values.lang && !/^[a-z]{2}$/.test(values.lang)) return `--lang "${values.lang}" is not a two-letter language code (en, fr, de, it)`;
  if (values.url && !/^https?:\/\/\S+$/.test(values.url)) return `--url "${values.url}" is not a web address: write the full https://… link`;
  return undefined;
}
