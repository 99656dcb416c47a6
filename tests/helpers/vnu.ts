import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** vnu.jar from the vnu-jar package (its main export is the jar's path, as a String object). */
export const VNU_JAR = String(require('vnu-jar'));

/**
 * The Java to run the Nu HTML Checker with: $JAVA, else $JAVA_HOME/bin/java, else `java` on the PATH.
 * Like the browser tests, these fail — never skip — without it, saying how to get it.
 */
export function javaPath(): string {
  const candidates = [process.env.JAVA, process.env.JAVA_HOME && path.join(process.env.JAVA_HOME, 'bin', 'java'), 'java'].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  for (const candidate of candidates) {
    if (candidate !== 'java' && !existsSync(candidate)) continue;
    const probe = spawnSync(candidate, ['-version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  throw new Error('Java 11 or newer is needed to run the Nu HTML Checker. Install it (Debian: apt-get install -y default-jre-headless) or set JAVA to its executable.');
}

export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  /** The file checked, from `url`. */
  file: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/**
 * Checks many HTML files in one Java run (starting the JVM is most of the cost): errors only, as
 * JSON. `vnu` exits 1 when it finds errors; that is a result, not a failure of the run.
 */
export function checkHtml(files: readonly string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(javaPath(), ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--stdout', '--skip-non-html', ...files]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        const report = JSON.parse(stdout) as { messages: Array<Omit<VnuMessage, 'file'>> };
        resolve(report.messages.map((message) => ({ ...message, file: message.url?.startsWith('file:') ? fileURLToPath(message.url) : (message.url ?? '') })));
      } catch {
        reject(new Error(`vnu exited with ${code} without a JSON report:\n${stdout}\n${stderr}`));
      }
    });
  });
}

/** `file:line:column: message`, with the offending source after it. */
export function describeMessages(messages: readonly VnuMessage[], root: string): string {
  return messages
    .map((message) => {
      const where = `${path.relative(root, message.file) || message.file}:${message.lastLine ?? message.firstLine ?? '?'}:${message.firstColumn ?? message.lastColumn ?? '?'}`;
      return `  ${where}: ${message.type}: ${message.message}${message.extract ? `\n      ${JSON.stringify(message.extract)}` : ''}`;
    })
    .join('\n');
}
