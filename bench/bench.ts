// npm run bench -- [--articles 1000,10000,100000] [--no-browser] [--no-determinism] [--keep]
//
// For each N: writes a deterministic synthetic archive into a temporary folder, builds it with
// `chronicle build` cold (empty cache) and again with nothing changed, renders the same Markdown
// with plain Eleventy as the baseline (and indexes the baseline's pages with Pagefind alone: the
// least a searchable site costs), and prints stage times, speed, memory, output size and the
// ratios the performance targets are stated in. With the browser on, it also measures a search in
// headless Chromium and the save-to-reload time of `chronicle serve`. Timing lives here, never in tests.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { STAGES, type StageTimings } from '../src/build/stage-timings.ts';
import { PACKAGE_ROOT } from '../src/paths.ts';
import { measureEdit, type EditMeasurement } from './measure-edit.ts';
import { formatSearchMeasurement, measureSearch } from './measure-search.ts';
import { measureRun, type RunMeasurement } from './process-tree.ts';
import { compareTrees, HTML_BUDGET_BYTES, siteStats } from './site-stats.ts';
import { writeSyntheticArchive } from './synthetic-archive.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    'no-browser': { type: 'boolean', default: false },
    'no-determinism': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.articles.split(',').map((value) => Number(value.trim()));
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error(`bench: --articles takes whole numbers, e.g. --articles 1000,10000 (got "${values.articles}")`);
  process.exit(2);
}

const CLI = path.join(PACKAGE_ROOT, 'bin', 'chronicle.js');
const TSX = path.join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');
const PAGEFIND_CLI = path.join(PACKAGE_ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
const MiB = 2 ** 20;

console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.availableParallelism()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);

interface Row {
  articles: number;
  cold: RunMeasurement & { stages: StageTimings };
  unchanged: RunMeasurement & { stages: StageTimings };
  baseline: RunMeasurement;
  searchFloor: RunMeasurement;
}
const rows: Row[] = [];

for (const count of sizes) {
  const work = await mkdtemp(path.join(os.tmpdir(), `chronicle-bench-${count}-`));
  try {
    rows.push(await benchOne(count, work));
  } finally {
    if (values.keep) console.log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

if (rows.length > 1) {
  console.log('\nper stage, seconds (and seconds per 1,000 articles):');
  console.log(['articles', ...STAGES, 'total', 'baseline', 'Pagefind on its pages', 'peak RSS'].join('\t'));
  for (const row of rows) {
    const perThousand = (seconds: number | undefined) => (seconds === undefined ? '–' : `${seconds.toFixed(1)} (${((seconds / row.articles) * 1000).toFixed(2)})`);
    console.log([row.articles, ...STAGES.map((stage) => perThousand(row.cold.stages[stage])), perThousand(row.cold.seconds), perThousand(row.baseline.seconds), perThousand(row.searchFloor.seconds), `${(row.cold.peakRssBytes / MiB).toFixed(0)} MiB`].join('\t'));
  }
}

async function benchOne(count: number, work: string): Promise<Row> {
  console.log(`\n=== ${count.toLocaleString('en')} articles (${work})`);
  const contentDir = path.join(work, 'content');
  const generated = await writeSyntheticArchive(contentDir, count);
  console.log(`archive: ${generated.articles} articles, ${Math.round(generated.words / generated.articles)} words on average, ${generated.entities} registry entries, ${(generated.bytes / MiB).toFixed(1)} MiB of Markdown`);

  const build = async (label: string, output: string, cache: string) => {
    const run = await measureRun(process.execPath, [CLI, 'build', '--content', contentDir, '--output', output], { cwd: work, env: { CHRONICLE_CACHE: cache } });
    if (run.exitCode !== 0) throw new Error(`${label} build failed (exit ${run.exitCode}):\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-4000)}`);
    const stages = parseStages(run.stdout);
    console.log(`${label.padEnd(26)} ${run.seconds.toFixed(1).padStart(6)} s  ${Math.round(count / run.seconds)} articles/s  peak RSS ${(run.peakRssBytes / MiB).toFixed(0)} MiB  [${STAGES.map((stage) => `${stage} ${stages[stage]?.toFixed(1) ?? '–'}`).join(' · ')}]`);
    return { ...run, stages };
  };
  const site = path.join(work, 'site');
  const cache = path.join(work, 'cache');
  const cold = await build('chronicle build, cold', site, cache);
  const unchanged = await build('chronicle build, unchanged', site, cache);

  const baseline = await measureRun(process.execPath, ['--import', TSX, path.join(PACKAGE_ROOT, 'bench', 'plain-eleventy.ts'), contentDir, path.join(work, 'plain')], { cwd: work });
  if (baseline.exitCode !== 0) throw new Error(`plain Eleventy failed:\n${baseline.stderr.slice(-4000)}`);
  console.log(`${'plain Eleventy (baseline)'.padEnd(26)} ${baseline.seconds.toFixed(1).padStart(6)} s  ${Math.round(count / baseline.seconds)} articles/s  peak RSS ${(baseline.peakRssBytes / MiB).toFixed(0)} MiB`);
  console.log(`ratio to baseline: cold ${(cold.seconds / baseline.seconds).toFixed(2)}× (target ≤ 2), unchanged ${(unchanged.seconds / baseline.seconds).toFixed(2)}× (target ≤ 1.2)`);
  // What search costs on its own: Pagefind's command line over the baseline's pages, with no
  // Chronicle code. The baseline has no search; baseline + this is the least any site with a
  // Pagefind index of these stories can take, whatever else it does.
  const searchFloor = await measureRun(process.execPath, [PAGEFIND_CLI, '--site', path.join(work, 'plain')], { cwd: work });
  if (searchFloor.exitCode !== 0) throw new Error(`Pagefind over the baseline's pages failed:\n${searchFloor.stderr.slice(-4000)}`);
  const withSearch = baseline.seconds + searchFloor.seconds;
  console.log(`${'Pagefind on its pages'.padEnd(26)} ${searchFloor.seconds.toFixed(1).padStart(6)} s  peak RSS ${(searchFloor.peakRssBytes / MiB).toFixed(0)} MiB — baseline + search index ${withSearch.toFixed(1)} s = ${(withSearch / baseline.seconds).toFixed(2)}× baseline; cold build ${(cold.seconds / withSearch).toFixed(2)}× that`);

  const stats = await siteStats(site);
  console.log(`output: ${stats.files.toLocaleString('en')} files, ${(stats.bytes / MiB).toFixed(0)} MiB, ${stats.htmlPages.toLocaleString('en')} HTML pages, largest ${(stats.largestHtml.bytes / 1024).toFixed(0)} KB (${stats.largestHtml.path}), ${stats.overBudget} over ${HTML_BUDGET_BYTES / 1024} KB`);

  if (!values['no-determinism']) {
    const again = path.join(work, 'site-again');
    await build('chronicle build, again cold', again, path.join(work, 'cache-again'));
    const comparison = await compareTrees(site, again);
    const differing = [...comparison.differing, ...comparison.onlyInFirst, ...comparison.onlyInSecond];
    console.log(`deterministic: ${differing.length === 0 ? 'yes' : 'NO'} — ${comparison.identical.toLocaleString('en')} files byte-identical, ${differing.length} differ${differing.length ? ` (${differing.slice(0, 5).join(', ')})` : ''}, Pagefind files differing: ${comparison.pagefindDiffering}`);
    await rm(again, { recursive: true, force: true });
  }

  if (!values['no-browser']) {
    const query = 'Keller';
    const search = await measureSearch(site, { query });
    console.log(formatSearchMeasurement(search));
    // A sentence added (the story's text alone changes) and a new title (pages listing the story change too).
    for (const kind of ['text', 'title'] as const) {
      const edit: EditMeasurement = await measureEdit({
        contentDir,
        articleFile: generated.articleFiles[0]!,
        articleUrl: `/articles/${path.basename(generated.articleFiles[0]!, '.md')}/`,
        port: 8390,
        outputDir: path.join(work, 'serve'),
        env: { CHRONICLE_CACHE: cache },
        edit: kind,
      });
      console.log(`chronicle serve, save → visible (${kind} edit): ${edit.saves.map((save) => (save.seconds === null ? 'timeout' : `${save.seconds.toFixed(2)} s`)).join(', ')} (median ${edit.medianSeconds === null ? '–' : `${edit.medianSeconds.toFixed(2)} s`}, target < 2 s)`);
    }
  }
  return { articles: count, cold, unchanged, baseline, searchFloor };
}

/** Reads the stage line `chronicle build` prints: `(12.3s: load 0.4s · extract 3.1s · …)`. */
function parseStages(stdout: string): StageTimings {
  const line = stdout.split('\n').find((text) => text.startsWith('Built ') || text.startsWith('Nothing changed')) ?? '';
  const stages: StageTimings = {};
  for (const match of line.matchAll(/\b(load|extract|link|render|index) ([\d.]+)s/g)) stages[match[1] as keyof StageTimings] = Number(match[2]);
  return stages;
}
