// How long an editor waits between saving an article and seeing the change in the open browser tab:
// `chronicle serve` started as a child process, the article's page open in headless Chromium, a
// marker sentence appended to the Markdown and saved, the page watched until the marker shows. A
// measurement printed by `npm run bench`, never asserted.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from '../tests/helpers/chromium.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO_ROOT, 'bin', 'chronicle.js');

export interface EditOptions {
  contentDir: string;
  /** The article's Markdown file, relative to contentDir. */
  articleFile: string;
  /** The site path of that article's page, e.g. /articles/report-12/. */
  articleUrl: string;
  port: number;
  outputDir: string;
  /** Added to this process's environment for the server (e.g. CHRONICLE_CACHE). */
  env?: NodeJS.ProcessEnv;
  /** How many saves, each with a new marker; default 3. */
  saves?: number;
  /**
   * Where the marker goes: 'text' (default) appends a sentence to the story, which changes nothing
   * but its text; 'title' adds it to the title, which every list of stories shows, so the archive
   * is linked again and the pages listing the story are rendered again.
   */
  edit?: 'text' | 'title';
  /** How long one save may take to show before it counts as a timeout; default 120 s. */
  saveTimeoutMs?: number;
  /** How long the server may take to build and answer; default 600 s. */
  startupTimeoutMs?: number;
}

export interface SaveMeasurement {
  marker: string;
  /** Write → marker visible in the open page; null when it did not show within the timeout. */
  seconds: number | null;
  /** Whether the tab reloaded to show it (false: the dev server patched the page in place). */
  reloaded: boolean;
}

export interface EditMeasurement {
  url: string;
  /** Spawn → "serving" printed and the article answering 200 (the first full build included). */
  startupSeconds: number;
  saves: SaveMeasurement[];
  /** Median of the saves, a timeout counting as longer than any; null when that median is a timeout. */
  medianSeconds: number | null;
  /** How the server stopped: SIGINT is the clean way; SIGTERM/SIGKILL mean it did not stop on SIGINT. */
  stoppedWith: 'SIGINT' | 'SIGTERM' | 'SIGKILL' | 'exited';
  /** First signal → the server's exit. */
  stopSeconds: number;
  /** Anything that qualifies the figures. */
  notes: string[];
  /** The server's stdout and stderr (the last 200 lines), for when something went wrong. */
  serverLog: string;
}

export async function measureEdit(options: EditOptions): Promise<EditMeasurement> {
  const saveCount = options.saves ?? 3;
  const saveTimeoutMs = options.saveTimeoutMs ?? 120_000;
  const startupTimeoutMs = options.startupTimeoutMs ?? 600_000;
  const contentDir = path.resolve(options.contentDir);
  const articlePath = path.resolve(contentDir, options.articleFile);
  const original = await readFile(articlePath);
  const notes: string[] = [];
  // The dev server moves to another port when its own is taken; then the URL below would be answered
  // by whatever holds it. Better to stop here.
  await assertPortFree(options.port);

  const server = startServer(contentDir, path.resolve(options.outputDir), options.port, options.env);
  let browser: LaunchedBrowser | undefined;
  let written = false;
  let measured: Omit<EditMeasurement, 'stoppedWith' | 'stopSeconds' | 'serverLog'> | undefined;
  let failure: unknown;
  // Should this process be interrupted (Ctrl-C on the bench), the article and the server, which runs
  // in a process group of its own and would outlive it, are still put right.
  const emergency = () => {
    if (written) {
      try { writeFileSync(articlePath, original); } catch { /* nothing more to do on the way out */ }
    }
    server.killNow();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    emergency();
    process.off('exit', emergency);
    process.kill(process.pid, signal);
  };
  process.once('exit', emergency);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const startedAt = performance.now();
    const base = await server.waitForServing(startupTimeoutMs);
    const url = new URL(options.articleUrl.replace(/^\//, ''), base).toString();
    await waitFor200(url, server, startupTimeoutMs - (performance.now() - startedAt));
    const startupSeconds = (performance.now() - startedAt) / 1000;

    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('pageerror', (error) => notes.push(`page error: ${error.message}`));
    await page.goto(url, { waitUntil: 'load' });
    // Let the live-reload client connect and the server settle before the first save.
    await server.waitForIdle(1500, startupTimeoutMs);

    const saves: SaveMeasurement[] = [];
    const run = randomBytes(4).toString('hex');
    for (let index = 1; index <= saveCount; index += 1) {
      // A lowercase token, no names, dates or punctuation Markdown would change: nothing for the
      // extractor to link and nothing for the typographer to rewrite.
      const marker = `zqmark${run}n${index}z`;
      let navigations = 0;
      const onNavigate = (frame: unknown) => { if (frame === page.mainFrame()) navigations += 1; };
      page.on('framenavigated', onNavigate);
      // Saving while a rebuild runs would measure the wait for it too: start from a server at rest.
      await server.waitForIdle(1500, saveTimeoutMs);
      const markedAt = server.mark(`--- save ${index} (${marker}) ---`);
      const savedAt = performance.now();
      written = true;
      await saveLikeAnEditor(articlePath, (options.edit === 'title' ? withTitleMarker : withMarker)(original.toString('utf8'), marker));
      const shownAt = await waitForText(page, marker, saveTimeoutMs, () => server.exited);
      page.off('framenavigated', onNavigate);
      if (server.exited) throw new Error(`the server exited during save ${index} (${server.exitDescription()})`);
      const seconds = shownAt === null ? null : (shownAt - savedAt) / 1000;
      if (seconds === null) notes.push(`save ${index}: "${marker}" not visible after ${saveTimeoutMs / 1000} s`);
      // Other files changing meanwhile (the repository's own layouts are watched too) make the
      // rebuild longer than the edit alone would: say so beside the figure.
      const others = new Set(server.linesSince(markedAt).flatMap((line) => {
        const changed = /\[chronicle\] changed: (.*); rebuilding$/.exec(line)?.[1]?.trim();
        return changed ? changed.split(', ').filter((name) => !/^\d+ more$/.test(name) && path.resolve(REPO_ROOT, name.replace(/ and \d+ more$/, '')) !== articlePath) : [];
      }));
      if (others.size > 0) notes.push(`save ${index}: the server also saw other files change meanwhile (${[...others].join(', ')}); the figure includes those rebuilds`);
      server.mark(`--- save ${index}: ${seconds === null ? 'timed out' : `visible after ${seconds.toFixed(2)} s`} ---`);
      saves.push({ marker, seconds, reloaded: navigations > 0 });
    }
    measured = { url, startupSeconds, saves, medianSeconds: median(saves.map((save) => save.seconds)), notes };
  } catch (error) {
    failure = error;
  }
  // Whatever happened: the article as it was, the browser closed, the server stopped.
  await browser?.close().catch(() => undefined);
  if (written) {
    const restoredAt = server.mark('--- restoring the article ---');
    const restored = await writeFile(articlePath, original).then(() => true, (error: unknown) => {
      notes.push(`could not restore ${articlePath}: ${String(error)}`);
      return false;
    });
    // SIGINT during a rebuild waits for it, and cutting it short leaves the output half written:
    // let the server see the restored file and finish that rebuild first (bounded).
    if (restored && !server.exited) {
      const seen = await server.waitForLine((line) => /\[chronicle\] changed: /.test(line) && line.includes(path.basename(articlePath)), restoredAt, 10_000);
      if (seen) await server.waitForIdle(1000, failure === undefined ? saveTimeoutMs : 30_000);
    }
  }
  const stopping = performance.now();
  const stoppedWith = await server.stop();
  const stopSeconds = (performance.now() - stopping) / 1000;
  process.off('exit', emergency);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (stoppedWith !== 'SIGINT' && stoppedWith !== 'exited') notes.push(`the server did not stop on SIGINT within 30 s (a rebuild under way?); stopped with ${stoppedWith}`);
  if (failure !== undefined || measured === undefined) {
    const message = failure instanceof Error ? failure.message : String(failure);
    throw new Error(`measureEdit: ${message}\n--- chronicle serve output (last 200 lines) ---\n${server.log()}`, { cause: failure });
  }
  return { ...measured, stoppedWith, stopSeconds, serverLog: server.log() };
}

export function formatEditMeasurement(measurement: EditMeasurement): string {
  const seconds = (value: number | null) => (value === null ? 'timeout' : `${value.toFixed(2)} s`);
  const lines = [
    `edit: ${measurement.url}`,
    `  server up (first build included): ${measurement.startupSeconds.toFixed(1)} s`,
    `  save → visible: ${measurement.saves.map((save) => `${seconds(save.seconds)}${save.reloaded ? '' : ' (patched in place)'}`).join(', ')} — median ${seconds(measurement.medianSeconds)}`,
    `  server stopped with ${measurement.stoppedWith} after ${measurement.stopSeconds.toFixed(1)} s`,
  ];
  for (const note of measurement.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

/** The marker at the end of the title, which must be written on one line as `title: …`. */
function withTitleMarker(text: string, marker: string): string {
  const edited = text.replace(/^title: (.*)$/m, (_line, value: string) => {
    const title = /^(["']).*\1$/.test(value.trim()) ? value.trim().slice(1, -1) : value.trim();
    return `title: ${JSON.stringify(`${title} ${marker}`)}`;
  });
  if (edited === text) throw new Error('measureEdit: the article has no one-line title to edit');
  return edited;
}

function withMarker(text: string, marker: string): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return `${text.replace(/\s+$/, '')}${newline}${newline}the edit benchmark saved marker ${marker} here.${newline}`;
}

/** An editor's save: the file truncated and rewritten in place (what most editors do by default). */
async function saveLikeAnEditor(file: string, text: string): Promise<void> {
  await writeFile(file, text, 'utf8');
}

/**
 * Waits until the text is visible in the page (innerText leaves hidden elements out), across the
 * reloads live reload does: a reload destroys the context a check runs in, which is retried.
 * Returns performance.now() when it showed, or null on timeout.
 */
async function waitForText(page: Page, text: string, timeoutMs: number, abandon: () => boolean): Promise<number | null> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && !abandon()) {
    const found = await page
      .evaluate((wanted) => document.body !== null && document.body.innerText.includes(wanted), text)
      .catch(() => false);
    if (found) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return null;
}

function median(values: Array<number | null>): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY));
  if (sorted.length % 2 === 1) return sorted[(sorted.length - 1) / 2] ?? null;
  const lower = sorted[sorted.length / 2 - 1];
  const upper = sorted[sorted.length / 2];
  return lower === null || upper === null || lower === undefined || upper === undefined ? null : (lower + upper) / 2;
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `port ${port} is in use; pick another for measureEdit` : `port ${port}: ${error.message}`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

async function waitFor200(url: string, server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    if (server.exited) throw new Error(`the server exited before ${url} answered (${server.exitDescription()})`);
    const status = await fetch(url, { signal: AbortSignal.timeout(10_000) })
      .then(async (response) => { await response.arrayBuffer(); return response.status; })
      .catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    if (status === 200) return;
    last = String(status);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

// ——— The server as a child process ———

interface ServerProcess {
  readonly exited: boolean;
  exitDescription(): string;
  /** Resolves with the base URL the server prints it is serving at. */
  waitForServing(timeoutMs: number): Promise<string>;
  /**
   * Until no rebuild is under way (Eleventy printed "File changed" and not yet "Wrote … files") and
   * the server printed nothing for quietMs; at most maxMs.
   */
  waitForIdle(quietMs: number, maxMs: number): Promise<void>;
  /** Writes a line into the captured log, to tell the saves apart; returns its position. */
  mark(line: string): number;
  /** Every line since a mark. */
  linesSince(position: number): string[];
  /** Until a line after the mark matches; false on timeout or exit. */
  waitForLine(match: (line: string) => boolean, since: number, timeoutMs: number): Promise<boolean>;
  log(): string;
  /** SIGINT, then SIGTERM, then SIGKILL, to the server and whatever it started. */
  stop(): Promise<EditMeasurement['stoppedWith']>;
  /** SIGTERM to the server's group at once, synchronously (for a process on its way out). */
  killNow(): void;
}

function startServer(contentDir: string, outputDir: string, port: number, env: NodeJS.ProcessEnv | undefined): ServerProcess {
  // Its own process group, so whatever it starts (Pagefind's indexing binary) is stopped with it.
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--content', contentDir, '--output', outputDir, '--port', String(port)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const started = performance.now();
  // All output is kept (a few lines per rebuild); the report shows the last 200 lines.
  const lines: string[] = [];
  let partial = { stdout: '', stderr: '' };
  let lastOutput = performance.now();
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  let spawnError: Error | null = null;
  const listeners = new Set<() => void>();
  const notify = () => { for (const listener of [...listeners]) listener(); };
  const stamp = () => `[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s]`;
  let buildStarted = -1;
  let buildEnded = -1;
  const push = (line: string) => {
    lines.push(line);
    // `chronicle serve` says when it starts a rebuild and how each ends (src/cli/serve-command.ts).
    if (/\[chronicle\] (changed: |building the site)/.test(line)) buildStarted = lines.length;
    if (/\[chronicle\] (Wrote \d+ files?|Nothing changed|Built the whole site|The site was already built|The site was not updated|Rebuild failed)/.test(line)) buildEnded = lines.length;
  };
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]?.setEncoding('utf8');
    child[stream]?.on('data', (chunk: string) => {
      lastOutput = performance.now();
      const text = partial[stream] + chunk;
      const parts = text.split(/\r?\n/);
      partial = { ...partial, [stream]: parts.pop() ?? '' };
      for (const line of parts) push(`${stamp()} ${stream === 'stderr' ? '! ' : ''}${line}`);
      notify();
    });
  }
  child.on('error', (error) => { spawnError = error; notify(); });
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      for (const stream of ['stdout', 'stderr'] as const) if (partial[stream]) push(`${stamp()} ${partial[stream]}`);
      push(`${stamp()} (exited: ${code === null ? `signal ${signal}` : `code ${code}`})`);
      notify();
      resolve();
    });
  });
  const isExited = () => exit !== null || spawnError !== null;
  const describe = () => (spawnError ? `could not start: ${(spawnError as Error).message}` : exit ? (exit.code === null ? `signal ${exit.signal}` : `exit code ${exit.code}`) : 'running');

  const until = (condition: () => boolean, timeoutMs: number) =>
    new Promise<boolean>((resolve) => {
      const check = () => {
        if (!condition()) return;
        finish(true);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (result: boolean) => {
        clearTimeout(timer);
        listeners.delete(check);
        resolve(result);
      };
      listeners.add(check);
      check();
    });

  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    if (child.pid === undefined) return false;
    try {
      process.kill(-child.pid, signal);
      return true;
    } catch {
      return false;
    }
  };
  const groupAlive = () => signalGroup(0);

  return {
    get exited() { return isExited(); },
    exitDescription: describe,
    async waitForServing(timeoutMs) {
      let base: string | null = null;
      await until(() => {
        const line = lines.find((text) => /\bis serving\b/.test(text));
        const found = line ? /https?:\/\/\S+?(?=\s|$)/.exec(line)?.[0] : undefined;
        if (found) base = found.endsWith('/') ? found : `${found}/`;
        return base !== null || isExited();
      }, timeoutMs);
      if (base !== null) return base;
      throw new Error(isExited() ? `the server stopped before serving (${describe()})` : `the server did not say it was serving within ${Math.round(timeoutMs / 1000)} s`);
    },
    async waitForIdle(quietMs, maxMs) {
      const deadline = performance.now() + maxMs;
      while (performance.now() < deadline && !isExited()) {
        if (buildStarted <= buildEnded && performance.now() - lastOutput >= quietMs) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    mark(line) {
      push(`${stamp()} ${line}`);
      return lines.length - 1;
    },
    linesSince: (position) => lines.slice(position),
    async waitForLine(match, since, timeoutMs) {
      await until(() => lines.slice(since).some(match) || isExited(), timeoutMs);
      return lines.slice(since).some(match);
    },
    // Eleventy can print thousands of paths on one line: each line is cut to keep the report readable.
    log: () => lines.slice(-200).map((line) => (line.length > 2000 ? `${line.slice(0, 2000)} … (${line.length - 2000} more characters)` : line)).join('\n'),
    killNow() {
      if (groupAlive()) signalGroup('SIGTERM');
    },
    async stop() {
      if (isExited()) {
        // The server is gone; anything it left behind in its group goes too.
        if (groupAlive()) signalGroup('SIGTERM');
        return 'exited';
      }
      const steps: Array<['SIGINT' | 'SIGTERM' | 'SIGKILL', number]> = [['SIGINT', 30_000], ['SIGTERM', 5_000], ['SIGKILL', 5_000]];
      for (const [signal, waitMs] of steps) {
        // SIGINT to the server alone, as Ctrl-C would; the fallbacks to its whole group.
        if (signal === 'SIGINT') child.kill('SIGINT');
        else signalGroup(signal);
        const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), waitMs))]);
        if (stopped) {
          if (groupAlive()) signalGroup('SIGTERM');
          return signal;
        }
      }
      return 'SIGKILL';
    },
  };
}
