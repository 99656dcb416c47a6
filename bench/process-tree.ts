import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface RunMeasurement {
  seconds: number;
  /** Largest total resident memory of the process and all its children (Pagefind runs as one), sampled every 100 ms. */
  peakRssBytes: number;
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

/**
 * Runs a command and measures its wall time and the peak memory of its whole process tree.
 * Node's own `maxRSS` would miss Pagefind, which indexes in a child process; sampling /proc sees
 * both (Linux only, which is where the benchmark runs).
 */
export async function measureRun(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<RunMeasurement> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakRssBytes = 0;
  let sampling = false;
  const timer = setInterval(() => {
    if (sampling || child.pid === undefined) return;
    sampling = true;
    treeRss(child.pid)
      .then((rss) => (peakRssBytes = Math.max(peakRssBytes, rss)))
      .catch(() => undefined)
      .finally(() => (sampling = false));
  }, 100);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  }).finally(() => clearInterval(timer));
  return { seconds: (performance.now() - started) / 1000, peakRssBytes, stdout, stderr, exitCode };
}

const PAGE_SIZE = 4096;

async function treeRss(root: number): Promise<number> {
  const processes: { pid: number; parent: number; rss: number }[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // The command name is in parentheses and may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length < 22) continue;
    processes.push({ pid: Number(name), parent: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE });
  }
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const process of processes) {
      if (!inTree.has(process.pid) && inTree.has(process.parent)) {
        inTree.add(process.pid);
        grew = true;
      }
    }
  }
  return processes.filter((process) => inTree.has(process.pid)).reduce((sum, process) => sum + process.rss, 0);
}
