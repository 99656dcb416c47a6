import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadContent } from '../../src/content/load-content.ts';
import { formatDiagnostic } from '../../src/content/diagnostic.ts';
import { placeContainers } from '../../src/content/place-containers.ts';
import { REGISTRY, removeFolder, writeContentFolder } from './content-folder.ts';
import { entityRecord } from './records.ts';

/*
 * Two places naming each other as their country: "Moscow, country: Russia" beside a mistaken
 * "Russia, country: Moscow". Walking up such a chain never ended, so clustering hung the build.
 */

const LOOPED = [
  entityRecord('place', 'moscow', 'Moscow', { country: 'Russia' }),
  entityRecord('place', 'russia', 'Russia', { aliases: ['Russian Federation'], country: 'Moscow' }),
  entityRecord('place', 'red-square', 'Red Square', { country: 'Moscow' }),
  entityRecord('place', 'kyiv', 'Kyiv', { aliases: ['Kiev'], country: 'Ukraine' }),
  entityRecord('place', 'ukraine', 'Ukraine'),
  entityRecord('place', 'monaco', 'Monaco', { country: 'Monaco' }),
];

describe('places inside places', () => {
  it('should find a loop of two places naming each other as their country', () => {
    assert.deepEqual(placeContainers(LOOPED).loops, [['moscow', 'russia']]);
  });

  it('should find a loop of three, once, starting from its smallest id', () => {
    const three = [
      entityRecord('place', 'c', 'C', { country: 'A' }),
      entityRecord('place', 'a', 'A', { country: 'B' }),
      entityRecord('place', 'b', 'B', { country: 'C' }),
    ];
    assert.deepEqual(placeContainers(three).loops, [['a', 'b', 'c']]);
  });

  it('should keep every other link and cut the loop open, so that walking up from any place ends', () => {
    const { parent } = placeContainers(LOOPED);
    assert.equal(parent.get('kyiv'), 'ukraine');
    assert.equal(parent.get('red-square'), 'moscow');
    assert.equal(parent.has('monaco'), false, 'a place naming itself lies in nothing');
    assert.equal([parent.has('moscow'), parent.has('russia')].filter(Boolean).length, 1, 'one of the two links of the loop is left out');
    for (const start of parent.keys()) {
      const seen = new Set<string>();
      for (let at: string | undefined = start; at !== undefined; at = parent.get(at)) {
        assert.ok(!seen.has(at), `walking up from ${start} comes back to ${at}`);
        seen.add(at);
      }
    }
  });

  it('should find no loop in a registry without one', () => {
    assert.deepEqual(placeContainers(LOOPED.filter((place) => place.id !== 'russia')).loops, []);
  });

  it('should let clustering finish on a registry with a loop, placing stories in Moscow and Kyiv', () => {
    // Run apart, with a time limit: before the fix this loop never returned and would hang the test run.
    const script = `
      import { clusterEvents } from ${JSON.stringify(new URL('../../src/events/cluster-events.ts', import.meta.url).href)};
      import { entityRecord } from ${JSON.stringify(new URL('./records.ts', import.meta.url).href)};
      const entities = ${JSON.stringify(LOOPED)};
      const people = ['person:ignazio-cassis', 'person:sergey-lavrov'];
      const article = (id) => ({ id, file: 'content/articles/' + id + '.md', title: id, date: '2026-02-06T10:00:00+01:00', day: '2026-02-06',
        source: { name: 'Wire ' + id, url: null }, language: 'en', summary: '', tags: [],
        people: [], organizations: [], places: [], events: [], dates: [] });
      const evidence = (places) => ({ happenings: [{ text: 'on Friday', date: '2026-02-06', precision: 'day', method: 'relative',
        sentence: 'They met on Friday.', offset: 0, places, participants: people, main: true }], forms: new Map(), figures: [] });
      const records = { articles: [article('a'), article('b'), article('c')], entities: [...entities, entityRecord('person', 'ignazio-cassis', 'Ignazio Cassis'), entityRecord('person', 'sergey-lavrov', 'Sergey Lavrov')], events: [] };
      const found = new Map([['a', evidence(['place:kyiv'])], ['b', evidence(['place:moscow'])], ['c', evidence(['place:moscow', 'place:kyiv'])]]);
      const { events } = clusterEvents(records, found);
      console.log(JSON.stringify(events.map((event) => ({ places: event.places, reports: event.reports.map((report) => report.article) }))));
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.error, undefined, `clustering did not finish: ${String(run.error)}`);
    assert.equal(run.status, 0, run.stderr);
    const events = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Array<{ places: string[]; reports: string[] }>;
    assert.ok(events.length > 0, 'the stories form events');
    assert.deepEqual(events.flatMap((event) => event.reports).sort(), ['a', 'b', 'c']);
  });
});

describe('chronicle check on places that lie in each other', () => {
  const folders: string[] = [];
  after(async () => {
    await Promise.all(folders.map(removeFolder));
  });

  it('should report the loop once, at the country line of the first file, saying how to fix it', async () => {
    const root = await writeContentFolder({
      ...REGISTRY,
      'places/russia.md': ['---', 'name: Russia', 'description: "A country."', 'country: Moscow', '---', ''].join('\n'),
    });
    folders.push(root);
    const { diagnostics } = await loadContent(root);
    const loops = diagnostics.filter((d) => d.rule === 'registry/place-loop');
    assert.equal(loops.length, 1, diagnostics.map(formatDiagnostic).join('\n'));
    const loop = loops[0]!;
    assert.equal(loop.severity, 'error');
    assert.equal(path.basename(loop.file), 'moscow.md');
    assert.deepEqual([loop.line, loop.column], [3, 1], 'the line of `country: Russia` in moscow.md');
    assert.match(loop.message, /country: "Russia"/);
    assert.match(loop.message, /Moscow in Russia, Russia in Moscow/);
    assert.match(loop.hint ?? '', /russia\.md:4:1/, 'the hint points at the other half of the loop');
    assert.match(formatDiagnostic(loop), /moscow\.md:3:1 country: "Russia" makes a loop .* — a place's country must be a larger place/);
  });

  it('should report nothing for places that lie in one another the right way round', async () => {
    const root = await writeContentFolder({
      ...REGISTRY,
      'places/russia.md': ['---', 'name: Russia', 'description: "A country."', '---', ''].join('\n'),
    });
    folders.push(root);
    const { diagnostics } = await loadContent(root);
    assert.deepEqual(diagnostics.filter((d) => d.rule === 'registry/place-loop'), []);
  });
});
