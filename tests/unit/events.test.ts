import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Archive } from '../../src/archive/archive.ts';
import { loadArchive } from '../../src/archive/load-archive.ts';
import type { Article, Disagreement, Entity, Event, LoadedArticle } from '../../src/content/schemas.ts';
import { extractDates } from '../../src/extract/dates.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { extractRecords } from '../../src/extract/extract-records.ts';
import { findFigures } from '../../src/extract/figures.ts';
import { buildRegistryIndex } from '../../src/extract/registry-index.ts';
import { removeFolder, writeContentFolder } from './content-folder.ts';

// Every archive here is built from scratch: no extraction results are read from or written to disk.
process.env.CHRONICLE_CACHE = 'off';

/* ---- extraction: happenings and figures ---- */

function entity(kind: Entity['kind'], name: string, aliases: string[] = [], country: string | null = null): Entity {
  const id = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-');
  return { id, kind, file: null, name, aliases, description: '', roles: [], country, wikidata: null, bioHtml: '', curated: true };
}

const index = buildRegistryIndex([
  entity('person', 'Ignazio Cassis'),
  entity('person', 'Sergey Lavrov', ['Sergei Lavrov']),
  entity('person', 'Andrii Sybiha'),
  entity('organization', 'OSCE'),
  entity('place', 'Moscow', ['Moskau'], 'Russia'),
  entity('place', 'Russia', ['Russian Federation']),
  entity('place', 'Kyiv', ['Kiev'], 'Ukraine'),
  entity('place', 'Ukraine'),
  entity('place', 'Davos', [], 'Switzerland'),
  entity('place', 'Vienna'),
]);

/** The happenings extraction finds in a story published at 10:00 Zurich time on `day`, in a compact form. */
function happenings(body: string, day = '2026-02-06', { title = 'Wire report', summary = '', language = 'en' } = {}) {
  const extraction = extractArticle({ title, summary, body, language, date: `${day}T10:00:00+01:00`, day }, index);
  return extraction.happenings.map(({ text, date, precision, places, participants, main }) => ({ text, date, precision, places, participants, main }));
}

describe('happenings: dated sentences with a place or a participant', () => {
  it('should make a dated sentence with a place and people a happening', () => {
    assert.deepEqual(happenings('Ignazio Cassis met Sergey Lavrov in Moscow on 6 February 2026.'), [
      {
        text: 'on 6 February 2026', date: '2026-02-06', precision: 'day',
        places: ['place:moscow'], participants: ['person:ignazio-cassis', 'person:sergey-lavrov'], main: true,
      },
    ]);
  });

  it('should not make a reference point ("since …", "dated …") a happening', () => {
    assert.deepEqual(happenings('No OSCE chair had travelled to Russia since 24 February 2022.'), []);
    assert.deepEqual(happenings('In a roundup dated February 6, the OSCE placed Ignazio Cassis in Moscow.'), []);
    // The same words without "dated" are one: the rule, not the sentence, drops them.
    assert.equal(happenings('In a roundup on February 6, the OSCE placed Ignazio Cassis in Moscow.').length, 1);
  });

  it('should give a sentence opening with "He" the person last named', () => {
    assert.deepEqual(
      happenings('Ignazio Cassis spoke to reporters in the morning. The weather was fine. He was in Kyiv on Monday.').map((h) => h.participants),
      [['person:ignazio-cassis']],
    );
    // The pronoun's person comes first, before the people of the sentence itself.
    assert.deepEqual(
      happenings('Sergey Lavrov spoke to reporters.\n\nHe received Andrii Sybiha in Moscow on Thursday.').map((h) => h.participants),
      [['person:sergey-lavrov', 'person:andrii-sybiha']],
    );
    // Without the pronoun nobody is carried over, and a dated place alone with nobody is still a happening.
    assert.deepEqual(
      happenings('Ignazio Cassis spoke to reporters. Talks were held in Kyiv on Monday.').map((h) => [h.places, h.participants]),
      [[['place:kyiv'], []]],
    );
  });

  it('should not take "Ukraine\'s foreign minister" for the place of a happening', () => {
    assert.deepEqual(
      happenings("On Monday, Ignazio Cassis met Ukraine's foreign minister.").map((h) => [h.date, h.places, h.participants]),
      [['2026-02-02', [], ['person:ignazio-cassis']]],
    );
    assert.deepEqual(happenings("On Monday, Ignazio Cassis met Ukraine's foreign minister in Kyiv.").map((h) => h.places), [['place:kyiv']]);
  });

  it('should make the first happening of the lead near publication the main one, and only that one', () => {
    const found = happenings('Ignazio Cassis met Sergey Lavrov in Moscow on Thursday. He had been in Kyiv on Monday.\n\nIgnazio Cassis met Andrii Sybiha in Kyiv on 2 February 2026.');
    assert.deepEqual(found.map((h) => [h.text, h.date, h.main]), [
      ['on Thursday', '2026-02-05', true],
      ['on Monday', '2026-02-02', false],
      ['on 2 February 2026', '2026-02-02', false],
    ]);
    // Outside the lead (headline, summary, first paragraph) nothing is main, however near publication.
    assert.deepEqual(
      happenings('The talks were long.\n\nIgnazio Cassis met Sergey Lavrov in Moscow on Thursday.').map((h) => [h.date, h.main]),
      [['2026-02-05', false]],
    );
    // The summary is part of the lead.
    assert.deepEqual(
      happenings('The talks were long.', '2026-02-06', { summary: 'Ignazio Cassis met Sergey Lavrov in Moscow on Thursday.' }).map((h) => [h.date, h.main]),
      [['2026-02-05', true]],
    );
  });

  it('should not make a happening more than 10 days from publication the main one', () => {
    assert.deepEqual(happenings('Ignazio Cassis met Andrii Sybiha in Kyiv on 2 February 2026.', '2026-02-12').map((h) => h.main), [true]);
    assert.deepEqual(happenings('Ignazio Cassis met Andrii Sybiha in Kyiv on 1 February 2026.', '2026-02-12').map((h) => h.main), [false]);
    // An old meeting recalled in the lead does not stop a later, recent one from being main.
    assert.deepEqual(
      happenings('Ignazio Cassis met Sergey Lavrov in Vienna on 21 September 2022. Ignazio Cassis met Sergey Lavrov in Moscow on Thursday.').map((h) => [h.date, h.main]),
      [['2022-09-21', false], ['2026-02-05', true]],
    );
  });

  it('should keep a month-precise happening: "in January at the forum in Davos"', () => {
    assert.deepEqual(happenings('Ignazio Cassis spoke in January at the forum in Davos.', '2026-02-02'), [
      { text: 'January', date: '2026-01', precision: 'month', places: ['place:davos'], participants: ['person:ignazio-cassis'], main: false },
    ]);
    // Published in the same month, a month-precise happening is near publication.
    assert.deepEqual(happenings('Ignazio Cassis spoke in January at the forum in Davos.', '2026-01-25').map((h) => [h.date, h.main]), [['2026-01', true]]);
  });

  it('should keep the place after a German ordinal date ("am 6. Februar 2026 in Moskau")', () => {
    assert.deepEqual(
      happenings('Ignazio Cassis traf Sergey Lavrov am 6. Februar 2026 in Moskau.', '2026-02-06', { language: 'de' }).map((h) => [h.date, h.places, h.main]),
      [['2026-02-06', ['place:moscow'], true]],
    );
  });

  it('should leave out whoever a statement is attributed to', () => {
    assert.deepEqual(
      happenings('Ignazio Cassis met Sergey Lavrov in Moscow on Thursday, according to Andrii Sybiha.').map((h) => h.participants),
      [['person:ignazio-cassis', 'person:sergey-lavrov']],
    );
  });
});

describe('figures: numbers with the thing they count', () => {
  const published = '2026-02-06T10:00:00+01:00';
  const figures = (text: string, language = 'en') =>
    findFigures(text, language, extractDates(text, language, published)).map(({ value, noun }) => ({ value, noun }));

  it('should read "three OSCE staff members" as 3 staff members, skipping the acronym', () => {
    assert.deepEqual(figures('The Secretary General raised the cases of three OSCE staff members in detention.'), [{ value: 3, noun: 'staff member' }]);
  });
  it('should read "57 participating States" as 57 participating states', () => {
    assert.deepEqual(figures('With 57 participating States, the OSCE is the largest regional security body.'), [{ value: 57, noun: 'participating state' }]);
  });
  it('should read thousands separators and irregular plurals', () => {
    assert.deepEqual(figures('Some 1,200 people fled to 12 countries.'), [{ value: 1200, noun: 'person' }, { value: 12, noun: 'country' }]);
  });
  it('should find nothing in "the two met on Wednesday"', () => {
    assert.deepEqual(figures('The two met on Wednesday in New York.'), []);
  });
  it('should find nothing in a clock time', () => {
    assert.deepEqual(figures('The pair were due to brief journalists in Vienna at 17:00 local time.'), []);
  });
  it('should not take a year for a figure', () => {
    assert.deepEqual(figures('In 2022 the ministers met; 2022 elections were held.'), []);
    assert.deepEqual(figures('Nearly four years after the war began, two weeks of talks.'), []);
  });
  it('should read German number words and capitalised nouns', () => {
    assert.deepEqual(figures('Drei Mitarbeiter der OSZE sind in Haft.', 'de'), [{ value: 3, noun: 'mitarbeiter' }]);
  });
  it('should give the German dative plural the same noun as the nominative ("drei Mitarbeitern")', () => {
    assert.deepEqual(figures('Die OSZE fordert die Freilassung von drei Mitarbeitern.', 'de'), [{ value: 3, noun: 'mitarbeiter' }]);
  });
});

/* ---- archives built in temp folders: clustering and comparing sources ---- */

const REGISTRY: Record<string, string> = {
  'people/ignazio-cassis.md': '---\nname: Ignazio Cassis\n---\n',
  'people/sergey-lavrov.md': '---\nname: Sergey Lavrov\naliases: [Sergei Lavrov]\n---\n',
  'people/andrii-sybiha.md': '---\nname: Andrii Sybiha\n---\n',
  'organizations/osce.md': '---\nname: OSCE\n---\n',
  'places/moscow.md': '---\nname: Moscow\ncountry: Russia\n---\n',
  'places/russia.md': '---\nname: Russia\naliases: [Russian Federation]\n---\n',
  'places/kyiv.md': '---\nname: Kyiv\naliases: [Kiev]\ncountry: Ukraine\n---\n',
  'places/ukraine.md': '---\nname: Ukraine\n---\n',
  'places/geneva.md': '---\nname: Geneva\ncountry: Switzerland\n---\n',
  'places/switzerland.md': '---\nname: Switzerland\n---\n',
};

/** One article file: `articles/<id>.md` with a publisher, a publication day and a body. */
function story(id: string, fields: { day: string; source: string; title?: string; body: string; events?: string[] }): Record<string, string> {
  return {
    [`articles/${id}.md`]: [
      '---',
      `title: "${fields.title ?? 'Wire report'}"`,
      `date: ${fields.day}`,
      'timezone: Europe/Zurich',
      'source:',
      `  name: ${fields.source}`,
      ...(fields.events ? [`events: [${fields.events.join(', ')}]`] : []),
      '---',
      fields.body,
      '',
    ].join('\n'),
  };
}

const folders: string[] = [];
after(async () => {
  for (const folder of folders) await removeFolder(folder);
});

/** Registry plus `files` → the archive loadArchive builds from them (load, extract, cluster, link). */
async function archiveOf(...files: Array<Record<string, string>>): Promise<Archive> {
  const folder = await writeContentFolder(Object.assign({}, REGISTRY, ...files));
  folders.push(folder);
  const { archive, diagnostics } = await loadArchive(folder);
  assert.ok(archive, diagnostics.map((item) => `${item.file}:${item.line} ${item.message}`).join('\n'));
  return archive;
}

const reportIds = (event: Event) => event.reports.map((report) => report.article);
const eventsAt = (archive: Archive, place: string) => archive.events.filter((event) => event.places.includes(place));
function only<T>(list: readonly T[], what: string): T {
  assert.equal(list.length, 1, `expected one ${what}, found ${list.length}`);
  return list[0]!;
}
const kinds = (event: Event) => event.disagreements.map((item) => `${item.kind}:${item.subject}`);

describe('clustering happenings into events', () => {
  it('should make two publishers\' stories of one meeting (same day, city and person) one event with both as reports', async () => {
    const archive = await archiveOf(
      story('wire-one-geneva', { day: '2026-03-10', source: 'Wire One', body: 'Ignazio Cassis met Sergey Lavrov in Geneva on 10 March 2026.' }),
      story('wire-two-geneva', { day: '2026-03-10', source: 'Wire Two', body: 'Sergey Lavrov held talks with Ignazio Cassis in Geneva on Tuesday.' }),
    );
    const event = only(archive.events, 'event');
    assert.equal(event.date, '2026-03-10');
    assert.equal(event.precision, 'day');
    assert.equal(event.curated, false);
    assert.deepEqual(event.places, ['geneva']);
    assert.deepEqual([...event.people].sort(), ['ignazio-cassis', 'sergey-lavrov']);
    assert.deepEqual(event.reports.map((report) => [report.article, report.role]), [['wire-one-geneva', 'main'], ['wire-two-geneva', 'main']]);
    assert.deepEqual(event.disagreements, []);
    assert.deepEqual(archive.article('wire-two-geneva')?.events, [event.id]);
    assert.deepEqual(archive.reportsOf(event).map((article) => article.id), ['wire-one-geneva', 'wire-two-geneva']);
  });

  it('should make "Thursday" and "Friday 6 February" one event, dated by the majority, with a date disagreement', async () => {
    const archive = await archiveOf(
      story('a-thursday', { day: '2026-02-06', source: 'Wire One', body: 'Ignazio Cassis met Sergey Lavrov in Moscow on Thursday.' }),
      story('b-friday', { day: '2026-02-06', source: 'Wire Two', body: 'Ignazio Cassis and Sergey Lavrov held talks in Moscow on Friday 6 February.' }),
      story('c-dated', { day: '2026-02-07', source: 'Wire Three', body: 'Sergey Lavrov received Ignazio Cassis in Moscow on 6 February 2026.' }),
    );
    const event = only(archive.events, 'event');
    assert.equal(event.date, '2026-02-06');
    assert.deepEqual(reportIds(event), ['a-thursday', 'b-friday', 'c-dated']);
    assert.deepEqual(event.disagreements, [
      {
        kind: 'date',
        subject: 'date',
        readings: [
          { value: '2026-02-05', sources: [{ article: 'a-thursday', text: 'on Thursday' }] },
          { value: '2026-02-06', sources: [{ article: 'b-friday', text: 'on Friday 6 February' }, { article: 'c-dated', text: 'on 6 February 2026' }] },
        ],
      },
    ] satisfies Disagreement[]);
  });

  it('should let a story "in Russia" join the event "in Moscow" when Moscow lies in Russia', async () => {
    const moscow = story('in-moscow', { day: '2026-02-06', source: 'Wire One', body: 'Ignazio Cassis met Sergey Lavrov in Moscow on 6 February 2026.' });
    const russia = story('in-russia', { day: '2026-02-06', source: 'Wire Two', body: 'Ignazio Cassis held talks with Sergey Lavrov in Russia on 6 February 2026.' });
    const joined = only((await archiveOf(moscow, russia)).events, 'event');
    assert.deepEqual(reportIds(joined), ['in-moscow', 'in-russia']);
    assert.deepEqual(joined.places, ['moscow']);
    // Without the registry's `country: Russia` the two places are unrelated, and so are the stories.
    const unrelated = await archiveOf({ 'places/moscow.md': '---\nname: Moscow\n---\n' }, moscow, russia);
    assert.deepEqual(unrelated.events.map((event) => [event.places, reportIds(event)]), [[['moscow'], ['in-moscow']], [['russia'], ['in-russia']]]);
  });

  it('should keep two meetings on the same day in different cities apart', async () => {
    const archive = await archiveOf(
      story('moscow-talks', { day: '2026-02-06', source: 'Wire One', body: 'Ignazio Cassis met Sergey Lavrov in Moscow on 6 February 2026.' }),
      story('kyiv-talks', { day: '2026-02-06', source: 'Wire Two', body: 'Ignazio Cassis met Andrii Sybiha in Kyiv on 6 February 2026.' }),
    );
    assert.equal(archive.events.length, 2);
    assert.deepEqual(reportIds(only(eventsAt(archive, 'moscow'), 'Moscow event')), ['moscow-talks']);
    assert.deepEqual(reportIds(only(eventsAt(archive, 'kyiv'), 'Kyiv event')), ['kyiv-talks']);
  });

  it('should keep two meetings in one city two days apart apart', async () => {
    const archive = await archiveOf(
      story('first-round', { day: '2026-03-10', source: 'Wire One', body: 'Ignazio Cassis met Sergey Lavrov in Geneva on 10 March 2026.' }),
      story('second-round', { day: '2026-03-12', source: 'Wire Two', body: 'Ignazio Cassis met Sergey Lavrov in Geneva on 12 March 2026.' }),
    );
    assert.deepEqual(archive.events.map((event) => [event.date, reportIds(event)]), [['2026-03-10', ['first-round']], ['2026-03-12', ['second-round']]]);
  });

  it('should let a curated event absorb a matching story that does not list it, and list it in the story\'s events', async () => {
    const archive = await archiveOf(
      {
        'events/geneva-talks.md': [
          '---', 'title: Cassis and Lavrov talk in Geneva', 'date: 2026-03-10', 'places: [geneva]', 'people: [ignazio-cassis, sergey-lavrov]', '---', 'Talks.', '',
        ].join('\n'),
      },
      story('unlisted', { day: '2026-03-10', source: 'Wire One', body: 'Ignazio Cassis met Sergey Lavrov in Geneva on 10 March 2026.' }),
    );
    const event = only(archive.events, 'event');
    assert.equal(event.id, 'geneva-talks');
    assert.equal(event.curated, true);
    assert.deepEqual(event.reports, [
      {
        article: 'unlisted', role: 'main',
        claims: [{ text: 'on 10 March 2026', date: '2026-03-10', precision: 'day', method: 'explicit', sentence: 'Ignazio Cassis met Sergey Lavrov in Geneva on 10 March 2026.' }],
      },
    ]);
    assert.deepEqual(archive.article('unlisted')?.events, ['geneva-talks']);
    assert.deepEqual(archive.eventsOf(archive.article('unlisted')!).map((item) => item.id), ['geneva-talks']);
  });

  it('should give formed events the same ids on every build, never a curated event\'s id', async () => {
    const files = [
      // A curated event, about something else, that holds the id the Moscow meeting would otherwise get.
      {
        'events/moscow-2026-02-06.md': ['---', 'title: Something else', 'date: 2026-03-20', 'places: [geneva]', '---', 'Unrelated.', ''].join('\n'),
      },
      story('moscow-talks', { day: '2026-02-06', source: 'Wire One', body: 'Ignazio Cassis met Sergey Lavrov in Moscow on 6 February 2026.' }),
      story('kyiv-talks', { day: '2026-02-02', source: 'Wire Two', body: 'Ignazio Cassis met Andrii Sybiha in Kyiv on 2 February 2026.' }),
      story('geneva-talks', { day: '2026-03-10', source: 'Wire Three', body: 'Ignazio Cassis met Sergey Lavrov in Geneva on 10 March 2026.' }),
    ];
    const first = await archiveOf(...files);
    const second = await archiveOf(...files);
    assert.notEqual(first, second, 'two folders must mean two builds');
    const ids = (archive: Archive) => archive.events.map((event) => [event.id, reportIds(event)]);
    assert.deepEqual(ids(second), ids(first));
    assert.equal(new Set(first.events.map((event) => event.id)).size, 4);
    assert.equal(first.event('moscow-2026-02-06')?.curated, true);
    assert.deepEqual(first.event('moscow-2026-02-06')?.reports, []);
    const formedMoscow = only(eventsAt(first, 'moscow'), 'Moscow event');
    assert.notEqual(formedMoscow.id, 'moscow-2026-02-06');
    assert.match(formedMoscow.id, /^moscow-2026-02-06-[a-z]/);
    assert.equal(only(eventsAt(first, 'kyiv'), 'Kyiv event').id, 'kyiv-2026-02-02');
    assert.deepEqual(first.article('moscow-talks')?.events, [formedMoscow.id]);
  });
});

describe('comparing what the sources say', () => {
  it('should report "Kiev" in one story and "Kyiv" in another as a spelling disagreement', async () => {
    const archive = await archiveOf(
      story('says-kiev', { day: '2026-02-02', source: 'Wire One', body: 'Ignazio Cassis met Andrii Sybiha in Kiev on 2 February 2026.' }),
      story('says-kyiv', { day: '2026-02-02', source: 'Wire Two', body: 'Ignazio Cassis met Andrii Sybiha in Kyiv on 2 February 2026.' }),
    );
    const event = only(archive.events, 'event');
    assert.deepEqual(event.places, ['kyiv']);
    assert.deepEqual(event.disagreements, [
      {
        kind: 'spelling',
        subject: 'place:kyiv',
        readings: [
          { value: 'Kiev', sources: [{ article: 'says-kiev', text: 'Kiev' }] },
          { value: 'Kyiv', sources: [{ article: 'says-kyiv', text: 'Kyiv' }] },
        ],
      },
    ] satisfies Disagreement[]);
  });

  it('should not take "Russia" and "Russian Federation" for two spellings', async () => {
    const archive = await archiveOf(
      story('says-russia', { day: '2026-02-06', source: 'Wire One', body: 'Ignazio Cassis met Sergey Lavrov in Russia on 6 February 2026.' }),
      story('says-federation', { day: '2026-02-06', source: 'Wire Two', body: 'Ignazio Cassis met Sergey Lavrov in the Russian Federation on 6 February 2026.' }),
    );
    const event = only(archive.events, 'event');
    assert.deepEqual(reportIds(event), ['says-federation', 'says-russia']);
    assert.deepEqual(event.places, ['russia']);
    assert.deepEqual(event.disagreements, []);
  });

  it('should report "three staff members" and "four staff members" as a figure disagreement', async () => {
    const archive = await archiveOf(
      story('says-three', {
        day: '2026-02-06', source: 'Wire One',
        body: 'Ignazio Cassis met Sergey Lavrov in Moscow on 6 February 2026. He raised the cases of three OSCE staff members in detention.',
      }),
      story('says-four', {
        day: '2026-02-06', source: 'Wire Two',
        body: 'Ignazio Cassis met Sergey Lavrov in Moscow on 6 February 2026 and asked for four detained staff members to be freed.',
      }),
    );
    const event = only(archive.events, 'event');
    assert.deepEqual(event.disagreements, [
      {
        kind: 'figure',
        subject: 'staff member',
        readings: [
          { value: '3', sources: [{ article: 'says-three', text: 'three OSCE staff members' }] },
          { value: '4', sources: [{ article: 'says-four', text: 'four detained staff members' }] },
        ],
      },
    ] satisfies Disagreement[]);
  });

  it('should not count one story giving two versions as a disagreement between sources', async () => {
    const twoVersions = story('two-versions', {
      day: '2026-02-06', source: 'Wire One',
      body: [
        'Ignazio Cassis met Sergey Lavrov in Moscow on Thursday. Ignazio Cassis and Sergey Lavrov spoke in Moscow again on 6 February 2026.',
        '',
        'Ignazio Cassis spoke of three staff members in detention; Sergey Lavrov later said four staff members were held.',
      ].join('\n'),
    });
    // Alone, the story's two dates and two counts are its own business.
    const alone = only((await archiveOf(twoVersions)).events, 'event');
    assert.deepEqual(alone.reports.map((report) => report.claims.map((claim) => claim.date)), [['2026-02-05', '2026-02-06']]);
    assert.deepEqual(alone.disagreements, []);
    // A second story that gives one of the versions agrees with it.
    const archive = await archiveOf(
      twoVersions,
      story('one-version', {
        day: '2026-02-06', source: 'Wire Two',
        body: 'Ignazio Cassis met Sergey Lavrov in Moscow on 6 February 2026. He spoke of three staff members in detention.',
      }),
    );
    const event = only(archive.events, 'event');
    assert.deepEqual(reportIds(event), ['one-version', 'two-versions']);
    assert.deepEqual(event.disagreements, []);
    // …while a second story with neither version disagrees on both.
    const other = await archiveOf(
      twoVersions,
      story('z-other-version', {
        day: '2026-02-06', source: 'Wire Two',
        body: 'Ignazio Cassis met Sergey Lavrov in Moscow on Wednesday. He spoke of five staff members in detention.',
      }),
    );
    const disputed = only(other.events, 'event');
    assert.deepEqual(reportIds(disputed), ['two-versions', 'z-other-version']);
    assert.deepEqual(kinds(disputed), ['date:date', 'figure:staff member']);
  });
});

describe('comparing what the sources say about the event itself', () => {
  it('should not compare a figure a story gives about another event', async () => {
    const archive = await archiveOf(
      story('kyiv-story', {
        day: '2026-02-02', source: 'Wire One',
        body: 'Ignazio Cassis met Andrii Sybiha in Kyiv on 2 February 2026. They spoke about 12 prisoners of war.',
      }),
      story('moscow-story', {
        day: '2026-02-06', source: 'Wire Two',
        body: [
          'Ignazio Cassis met Sergey Lavrov in Moscow on 6 February 2026.',
          '',
          'Ignazio Cassis had met Andrii Sybiha in Kyiv on 2 February 2026.',
          '',
          'In Moscow, Sergey Lavrov said 40 prisoners of war were held in Russian jails.',
        ].join('\n'),
      }),
    );
    const kyiv = only(eventsAt(archive, 'kyiv'), 'Kyiv event');
    assert.deepEqual(reportIds(kyiv), ['kyiv-story', 'moscow-story']);
    assert.deepEqual(kinds(kyiv), []);
  });
});

describe('the evidence extraction hands to clustering', () => {
  it('should name discovered entities in happenings by their merged keys', async () => {
    const article: LoadedArticle = {
      id: 'bern-talks', file: 'bern-talks.md', title: 'Talks in Bern', date: '2026-03-03T10:00:00+01:00', day: '2026-03-03',
      source: { name: 'Wire', url: null }, language: 'en', summary: '', tags: [], body: 'Federal Councillor Karin Keller-Sutter met Ignazio Cassis in Zurich on 3 March 2026.',
      people: [], organizations: [], places: [], events: [], dates: [],
    };
    const { evidence, records } = await extractRecords({ articles: [article], entities: [entity('person', 'Ignazio Cassis')], events: [] });
    const found = evidence.get('bern-talks')?.happenings ?? [];
    assert.deepEqual(found.map((h) => [h.date, h.places, [...h.participants].sort()]), [
      ['2026-03-03', ['place:zurich'], ['person:ignazio-cassis', 'person:karin-keller-sutter']],
    ]);
    assert.ok(records.entities.some((item) => item.kind === 'person' && item.id === 'karin-keller-sutter' && !item.curated));
  });
});

/* ---- the shipped sample ---- */

const SAMPLE = path.resolve(import.meta.dirname, '../../content');

/** The sample content in a temp folder; without its curated events when `curated` is false. */
async function sampleArchive(curated: boolean): Promise<Archive> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'chronicle-events-sample-'));
  folders.push(folder);
  await cp(SAMPLE, folder, { recursive: true });
  if (!curated) {
    await rm(path.join(folder, 'events'), { recursive: true, force: true });
    for (const entry of await readdir(path.join(folder, 'articles'), { recursive: true })) {
      if (!entry.endsWith('.md')) continue;
      const file = path.join(folder, 'articles', entry);
      const text = await readFile(file, 'utf8');
      const stripped = text.split('\n').filter((line) => !/^events\s*:/.test(line)).join('\n');
      assert.notEqual(stripped, text, `${entry} lists events`);
      await writeFile(file, stripped, 'utf8');
    }
  }
  const { archive, diagnostics } = await loadArchive(folder);
  assert.ok(archive, diagnostics.map((item) => item.message).join('\n'));
  return archive;
}

const dateDisagreement = (event: Event) => event.disagreements.find((item) => item.kind === 'date');

describe('the shipped sample', () => {
  it('should form its four events by clustering alone, without curated events', async () => {
    const archive = await sampleArchive(false);
    assert.ok(archive.events.every((event) => !event.curated));
    const at = (date: string, place: string) => only(archive.events.filter((event) => event.date === date && event.places.includes(place)), `${place} event on ${date}`);

    const newYork = at('2022-09-21', 'new-york');
    assert.deepEqual(reportIds(newYork), ['cassis-renews-good-offices-offer-to-lavrov']);
    assert.deepEqual([...newYork.people].sort(), ['ignazio-cassis', 'sergey-lavrov']);

    const davos = at('2026-01', 'davos');
    assert.equal(davos.precision, 'month');

    const kyiv = at('2026-02-02', 'kyiv');
    assert.ok(kyiv.people.includes('ignazio-cassis'), kyiv.people.join(', '));

    const moscow = at('2026-02-06', 'moscow');
    assert.ok(moscow.reports.length >= 2, reportIds(moscow).join(', '));
    assert.ok(reportIds(moscow).includes('cassis-meets-lavrov-in-moscow'));
    assert.ok(reportIds(moscow).includes('osce-leaders-conclude-moscow-visit'));
    const disagreement = dateDisagreement(moscow);
    assert.ok(disagreement, kinds(moscow).join(', '));
    const values = disagreement.readings.map((reading) => reading.value);
    assert.ok(values.includes('2026-02-05') && values.includes('2026-02-06'), values.join(', '));
    assert.deepEqual(disagreement.readings.find((reading) => reading.value === '2026-02-05')?.sources, [
      { article: 'cassis-meets-lavrov-in-moscow', text: 'on Thursday' },
    ]);
    // Every story now lists the events clustering found for it.
    assert.ok(archive.article('cassis-meets-lavrov-in-moscow')?.events.includes(moscow.id));
  });

  it('should give the curated Moscow event the same date disagreement clustering finds alone', async () => {
    const formed = only((await sampleArchive(false)).events.filter((event) => event.date === '2026-02-06' && event.places.includes('moscow')), 'Moscow event');
    const archive = await sampleArchive(true);
    const curated = archive.event('moscow-visit-2026');
    assert.ok(curated?.curated);
    assert.ok(dateDisagreement(curated));
    assert.deepEqual(dateDisagreement(curated), dateDisagreement(formed));
    assert.deepEqual(reportIds(curated), reportIds(formed));
    // Clustering adds no second Moscow event beside the curated one.
    assert.deepEqual(eventsAt(archive, 'moscow').map((event) => event.id), ['moscow-visit-2026']);
  });
});

describe('a story whose date is uncertain', () => {
  it('should keep only the dates written in full, and form events only from them', async () => {
    const file = story('undated', {
      day: '2026-11-20',
      source: 'Wire',
      body: 'Ignazio Cassis met Sergey Lavrov in Moscow on Wednesday. Ignazio Cassis was in Geneva on 12 March 2026 for talks with Andrii Sybiha.',
    });
    const text = file['articles/undated.md']!.replace('timezone:', 'dateUncertain: true\ntimezone:');
    const archive = await archiveOf({ 'articles/undated.md': text });
    const article = archive.article('undated');
    assert.equal(article?.dateUncertain, true);
    // "on Wednesday" would count from a date nobody has confirmed.
    assert.deepEqual(article?.dates.map((mention) => [mention.text, mention.date]), [['on 12 March 2026', '2026-03-12']]);
    assert.deepEqual(archive.events.map((event) => [event.date, event.places]), [['2026-03-12', ['geneva']]]);
  });
});
