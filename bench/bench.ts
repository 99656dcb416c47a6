// npm run bench -- [--articles N]: extraction and event clustering speed on a deterministic synthetic archive.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ExtractionCache } from '../src/extract/extraction-cache.ts';
import { clusterEvents } from '../src/events/cluster-events.ts';
import { extractRecords } from '../src/extract/extract-records.ts';
import { syntheticArchive } from './synthetic-archive.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const count = Number(values.articles);
const { articles, entities } = syntheticArchive(count);
const words = articles.reduce((sum, article) => sum + article.body.split(/\s+/).length, 0);
const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-bench-'));
try {
  const records = { articles, entities, events: [] };
  const cache = new ExtractionCache(cacheDir);
  const cold = await time(() => extractRecords(records, cache));
  const warm = await time(() => extractRecords(records, cache));
  const clustered = await time(async () => clusterEvents(warm.result.records, warm.result.evidence));
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, node ${process.version}`);
  console.log(`articles: ${count} (${Math.round(words / count)} words on average), registry: ${entities.length} entities`);
  console.log(`extract, cold (nothing cached): ${cold.seconds.toFixed(1)} s — ${Math.round(count / cold.seconds)} articles/s`);
  console.log(`extract, warm (all cached):     ${warm.seconds.toFixed(1)} s — ${warm.result.stats.cached} of ${count} from the cache`);
  const events = clustered.result.events;
  const sources = events.filter((event) => event.reports.length > 1).length;
  console.log(`cluster events:                 ${clustered.seconds.toFixed(1)} s — ${events.length} events, ${sources} with more than one story, ${events.filter((event) => event.disagreements.length > 0).length} with disagreements`);
  console.log(`peak RSS so far: ${rss.toFixed(0)} MiB`);
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}

async function time<T>(run: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { seconds: (performance.now() - started) / 1000, result };
}
