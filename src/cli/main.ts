import { parseArgs } from 'node:util';
import { runBuild } from './build-command.ts';
import { runCheck } from './check-command.ts';
import { runServe } from './serve-command.ts';

const USAGE = `Usage: chronicle <command> [options]

Commands:
  build   [--content DIR] [--output DIR] [--verbose]   build the site (defaults: content/, _site/)
  check   [--content DIR]                              validate all content and print every problem
  serve   [--content DIR] [--output DIR] [--port N]    dev server with live reload and search

Exit codes: 0 success, 1 content or build errors, 2 usage errors.`;

/** Parses the command line and runs one command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let values: { content: string; output: string; port: string; verbose: boolean; help: boolean };
  try {
    const parsed = parseArgs({
      args: rest,
      options: {
        content: { type: 'string', default: 'content' },
        output: { type: 'string', default: '_site' },
        port: { type: 'string', default: '8080' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    values = parsed.values as typeof values;
  } catch (error) {
    console.error(`chronicle: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!command || command === 'help' || command === '--help' || command === '-h' || values.help) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'build':
      return runBuild({ contentDir: values.content, outputDir: values.output, quiet: !values.verbose });
    case 'check':
      return runCheck(values.content);
    case 'serve': {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port <= 0 || port > 65535) {
        console.error(`chronicle: --port must be a port number, not "${values.port}"`);
        return 2;
      }
      return runServe({ contentDir: values.content, outputDir: values.output, port });
    }
    default:
      console.error(`chronicle: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
