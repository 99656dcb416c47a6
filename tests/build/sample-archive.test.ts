import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventsExportSchema } from '../../src/export/api-schemas.ts';
import { timelineSchema } from '../../src/export/timelinejs-schema.ts';
import { runCli } from '../helpers/run-cli.ts';
import { readFile } from 'node:fs/promises';
import { internalLinks, listFiles, readSiteFile, sitePathExists } from '../helpers/site-files.ts';

/*
 * The sample archive in content/, built as a user builds it: its four events, each with its
 * sources, the Moscow visit's Thursday/Friday disagreement, and both event exports.
 */
describe('chronicle build on the sample archive: events', () => {
  let workDir: string;
  let site: string;

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-sample-'));
    site = path.join(workDir, 'site');
    const result = await runCli(['build', '--content', 'content', '--output', site]);
    assert.equal(result.code, 0, result.stderr);
  });

  after(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('should export the four events of the sample with their dates, places and sources', async () => {
    const events = eventsExportSchema.parse(JSON.parse(await readSiteFile(site, '/api/events.json')));
    const summary = events.map(({ id, date, precision, places, articles }) => ({ id, date, precision, places, sources: articles.length }));
    assert.deepEqual(summary, [
      { id: 'new-york-meeting-2022', date: '2022-09-21', precision: 'day', places: ['new-york'], sources: 1 },
      { id: 'davos-mediation-announcement-2026', date: '2026-01', precision: 'month', places: ['davos'], sources: 1 },
      { id: 'kyiv-visit-2026', date: '2026-02-02', precision: 'day', places: ['kyiv'], sources: 3 },
      { id: 'moscow-visit-2026', date: '2026-02-06', precision: 'day', places: ['moscow'], sources: 3 },
    ]);
    assert.deepEqual(events.find((event) => event.id === 'moscow-visit-2026')?.articles, [
      'cassis-expected-in-moscow-after-kiev-stop', 'cassis-meets-lavrov-in-moscow', 'osce-leaders-conclude-moscow-visit',
    ]);
  });

  it('should show on the Moscow event page that News Directory 3 says Thursday and the others Friday 6 February', async () => {
    const page = await readSiteFile(site, '/events/moscow-visit-2026/');
    const differences = page.slice(page.indexOf('class="differences"'), page.indexOf('</ul>', page.indexOf('class="differences"')));
    assert.match(differences, /Thursday 5 February 2026<\/time> according to <a href="\/articles\/cassis-meets-lavrov-in-moscow\/">News Directory 3<\/a> \(<q>on Thursday<\/q>\)/);
    assert.match(differences, /Friday 6 February 2026<\/time> according to <a[^>]*>blue News<\/a> \(<q>on Friday<\/q>, <q>February 6<\/q>\), <a[^>]*>OSCE<\/a> \(<q>on 6 February 2026<\/q>\)/);
    for (const original of ['https://www.bluewin.ch/', 'https://www.newsdirectory3.com/', 'https://www.osce.org/']) {
      assert.ok(page.includes(`href="${original}`), `links to the original at ${original}`);
    }
  });

  it('should export a TimelineJS timeline with one slide per event', async () => {
    const timeline = timelineSchema.parse(JSON.parse(await readSiteFile(site, '/api/timeline.json')));
    assert.deepEqual(timeline.events.map((slide) => [slide.unique_id, slide.start_date]), [
      ['new-york-meeting-2022', { year: 2022, month: 9, day: 21 }],
      ['davos-mediation-announcement-2026', { year: 2026, month: 1 }],
      ['kyiv-visit-2026', { year: 2026, month: 2, day: 2 }],
      ['moscow-visit-2026', { year: 2026, month: 2, day: 6 }],
    ]);
  });

  it('should make the timeline one of events, with a chart, chips and "on this day"', async () => {
    const home = await readSiteFile(site, '/');
    assert.equal((home.match(/class="entry entry--event"/g) ?? []).length, 4);
    assert.equal((home.match(/class="entry entry--story"/g) ?? []).length, 0, 'every sample story reports an event');
    assert.match(home, /<svg[^>]*role="img"[^>]*aria-labelledby="chart-home-title chart-home-desc"/);
    assert.match(home, /<a class="chip chip--person" href="\/people\/sergey-lavrov\/" data-filter-key="person:sergey-lavrov">/);
    const day = await readSiteFile(site, '/2026/02/06/');
    assert.match(day, /Events this day[\s\S]*\/events\/moscow-visit-2026\//);
    // The story of 2 February names the 6th five times ("on Friday" four times, "February 6" once): listed once, each wording once.
    const mentioned = day.slice(day.indexOf('id="mentioned-title"'));
    assert.equal((mentioned.match(/\/articles\/cassis-expected-in-moscow-after-kiev-stop\//g) ?? []).length, 1);
    assert.match(mentioned, /<q>on Friday<\/q>, <q>February 6<\/q> — blue News, 2 February 2026/);
    assert.ok(await sitePathExists(site, '/on-this-day/'));
    const person = await readSiteFile(site, '/people/sergey-lavrov/');
    assert.match(person, /aria-labelledby="chart-person-title chart-person-desc"/);
  });

  it('should resolve every internal link, run no inline script or handler, and open links out with noopener', async () => {
    const problems: string[] = [];
    for (const file of (await listFiles(site)).filter((name) => name.endsWith('.html'))) {
      const html = await readFile(path.join(site, file), 'utf8');
      for (const link of internalLinks(html)) if (!(await sitePathExists(site, link))) problems.push(`${file} → ${link}`);
      for (const script of html.matchAll(/<script\b([^>]*)>/g)) {
        const attributes = script[1] ?? '';
        if (!/\bsrc="/.test(attributes) && !/type="application\/ld\+json"/.test(attributes)) problems.push(`${file}: inline script <script${attributes}>`);
      }
      for (const handler of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)="/g)) problems.push(`${file}: event handler ${handler[1]}`);
      for (const out of html.matchAll(/<a\s[^>]*href="https?:\/\/[^"]*"[^>]*>/g)) {
        if (!/\brel="[^"]*\bnoopener\b/.test(out[0])) problems.push(`${file}: ${out[0]} lacks rel="noopener"`);
      }
      if (!html.includes('http-equiv="Content-Security-Policy"')) problems.push(`${file}: no Content-Security-Policy`);
    }
    assert.deepEqual(problems, []);
  });
});
