import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entity } from '../../src/content/schemas.ts';
import { extractDates } from '../../src/extract/dates.ts';
import { discoverEntities } from '../../src/extract/discover.ts';
import { linkRegistry } from '../../src/extract/link-registry.ts';
import { buildRegistryIndex } from '../../src/extract/registry-index.ts';

function entity(kind: Entity['kind'], name: string, aliases: string[] = []): Entity {
  const id = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-');
  return { id, kind, file: null, name, aliases, description: '', roles: [], country: null, wikidata: null, bioHtml: '', curated: true };
}

const index = buildRegistryIndex([
  entity('person', 'Ignazio Cassis'),
  entity('person', 'Sergey Lavrov', ['Sergei Lavrov']),
  entity('person', 'Feridun Sinirlioğlu'),
  entity('organization', 'OSCE', ['Organization for Security and Co-operation in Europe', 'OSZE']),
  entity('organization', 'FDFA', ['Federal Department of Foreign Affairs', 'EDA']),
  entity('organization', 'Foreign Affairs Committee', ['Foreign Affairs']),
  entity('organization', 'United Nations', ['UN', 'UNO']),
  entity('place', 'Kyiv', ['Kiev']),
  entity('place', 'Switzerland', ['Suisse']),
]);
const ids = (text: string) => linkRegistry(text, index).map((mention) => mention.id);

describe('linking names to the registry', () => {
  it("should find a name inside a possessive and after a title", () => {
    assert.deepEqual(ids("Foreign Minister Sergey Lavrov replied to Mr Cassis' offer."), ['sergey-lavrov', 'ignazio-cassis']);
  });
  it('should match without diacritics and in any case', () => {
    assert.deepEqual(ids('SINIRLIOGLU and sergei lavrov'), ['feridun-sinirlioglu', 'sergey-lavrov']);
  });
  it('should resolve a surname alone when one person carries it', () => {
    assert.deepEqual(ids("Lavrov's remarks"), ['sergey-lavrov']);
  });
  it('should prefer the longest name', () => {
    assert.deepEqual(ids('the Federal Department of Foreign Affairs said'), ['fdfa']);
  });
  it('should make an acronym in parentheses an alias for the rest of the text', () => {
    const local = buildRegistryIndex([entity('organization', 'International Committee of the Red Cross')]);
    const found = linkRegistry('The International Committee of the Red Cross (ICRC) cut jobs. The ICRC said.', local);
    assert.deepEqual(found.map((mention) => [mention.text, mention.via]), [
      ['International Committee of the Red Cross', 'name'], ['ICRC', 'acronym'], ['ICRC', 'acronym'],
    ]);
  });
  it('should match acronyms only in capitals, and one-word names only capitalised', () => {
    assert.deepEqual(ids('un homme, une OSZE-Delegation, die Uno, l’espace aérien suisse, la Suisse'), ['osce', 'united-nations', 'switzerland']);
  });
  it('should read "Kiev" as Kyiv', () => {
    assert.deepEqual(ids('Cassis was in Kiev'), ['ignazio-cassis', 'kyiv']);
  });
});

describe('discovering names nobody registered', () => {
  it('should find people and organizations, but not page furniture', () => {
    const text = 'Federal Councillor Karin Keller-Sutter met the International Committee of the Red Cross (ICRC) in Zurich.\nRead more\nPopular Stories\nPhoto: Keystone / Peter Klaunzer\n- Politics\n- Business';
    const found = discoverEntities(text, 'en', []).map((item) => `${item.kind}:${item.name}`);
    assert.ok(found.includes('person:Karin Keller-Sutter'), found.join(' | '));
    assert.ok(found.includes('organization:International Committee of the Red Cross'), found.join(' | '));
    assert.ok(found.includes('place:Zurich'), found.join(' | '));
    assert.ok(!found.some((item) => /Read|Popular|Klaunzer|Politics|Business|Keystone/.test(item)), found.join(' | '));
  });
  it('should find French and German organizations by their form', () => {
    const fr = discoverEntities("les sanctions de l'Union européenne et la Banque nationale suisse (BNS)", 'fr', []).map((item) => item.name);
    assert.deepEqual(fr.sort(), ['Banque nationale suisse', 'Union européenne']);
    const de = discoverEntities('ein Land der Europäischen Union', 'de', []).map((item) => item.name);
    assert.deepEqual(de, ['Europäische Union']);
  });
});

describe('resolving dates against the publication date', () => {
  const friday = '2026-02-06T10:00:00+01:00';
  const resolved = (text: string, published = friday, language = 'en') =>
    extractDates(text, language, published).map((mention) => `${mention.text}=${mention.date}/${mention.precision}/${mention.method}`);
  it('should read "on Monday" in a Friday story as the Monday before', () => {
    assert.deepEqual(resolved('Cassis was in Kyiv on Monday.'), ['on Monday=2026-02-02/day/relative']);
  });
  it('should look forward when the sentence does', () => {
    assert.deepEqual(resolved('Cassis is due in Moscow on Friday.', '2026-02-02T10:00:00+01:00'), ['on Friday=2026-02-06/day/relative']);
  });
  it('should give "Wednesday, September 21" the year where that weekday matches', () => {
    assert.deepEqual(resolved('They met on Wednesday, September 21.', '2022-09-22T08:00:00+02:00'), ['on Wednesday, September 21=2022-09-21/day/inferred-year']);
    // From 2026 the nearest 21 September that is a Wednesday is in 2022, not 2025 (a Sunday).
    assert.deepEqual(resolved('Recall Wednesday, September 21.'), ['Wednesday, September 21=2022-09-21/day/inferred-year']);
  });
  it('should keep months, years and spans with their precision', () => {
    assert.deepEqual(resolved('He said so in January; in February 2024 too; nearly four years into the war.'), [
      'January=2026-01/month/inferred-year', 'February 2024=2024-02/month/explicit', 'nearly four years=P4Y/duration/duration',
    ]);
  });
  it('should not take a clock time for a date', () => {
    assert.deepEqual(resolved('They will speak at 17:00 local time.'), []);
  });
  it('should read French and German dates', () => {
    assert.deepEqual(resolved('Lundi, il était à Kiev; en janvier aussi.', friday, 'fr'), ['Lundi=2026-02-02/day/relative', 'en janvier=2026-01/month/inferred-year']);
    assert.deepEqual(resolved('Am 6. Februar 2026 und im Januar.', friday, 'de'), ['Am 6. Februar 2026=2026-02-06/day/explicit', 'im Januar=2026-01/month/inferred-year']);
  });
  it('should read a month without a day in a story published on the 29th, 30th or 31st', () => {
    // The unwritten day must not be taken from the publication day: 30 February is no date.
    for (const published of ['2026-03-29T10:00:00+02:00', '2026-03-30T10:00:00+02:00', '2026-03-31T10:00:00+02:00', '2026-05-31T10:00:00+02:00']) {
      const year = published.slice(0, 4);
      assert.deepEqual(resolved('He arrived in February; back in April.', published, 'en'), [`February=${year}-02/month/inferred-year`, `April=${year}-04/month/inferred-year`], published);
      assert.deepEqual(resolved('Il est arrivé en février, reparti en avril.', published, 'fr'), [`en février=${year}-02/month/inferred-year`, `en avril=${year}-04/month/inferred-year`], published);
      assert.deepEqual(resolved('Er kam im Februar, ging im April.', published, 'de'), [`im Februar=${year}-02/month/inferred-year`, `im April=${year}-04/month/inferred-year`], published);
      assert.deepEqual(resolved('Il est arrivé en février 2025.', published, 'fr'), ['en février 2025=2025-02/month/explicit'], published);
    }
  });
  it('should read a year alone in a story published on 29 February', () => {
    const leapDay = '2024-02-29T10:00:00+01:00';
    assert.deepEqual(resolved('He has served since 2023.', leapDay, 'en'), ['since 2023=2023/year/explicit']);
    assert.deepEqual(resolved('Il est en poste depuis 2023.', leapDay, 'fr'), ['depuis 2023=2023/year/explicit']);
    assert.deepEqual(resolved('Er ist seit 2023 im Amt.', leapDay, 'de'), ['seit 2023=2023/year/explicit']);
  });
});

describe('the extraction cache', () => {
  it('should never extract an unchanged article twice, and extract a changed one again', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const { ExtractionCache } = await import('../../src/extract/extraction-cache.ts');
    const { extractRecords } = await import('../../src/extract/extract-records.ts');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-cache-test-'));
    try {
      const article = (id: string, body: string) => ({
        id, file: `${id}.md`, title: id, date: '2026-02-06T00:00:00+01:00', day: '2026-02-06', source: { name: 'Wire', url: null },
        language: 'en', summary: '', tags: [], body, people: [], organizations: [], places: [], events: [], dates: [],
      });
      const entities = [entity('person', 'Sergey Lavrov')];
      const cache = new ExtractionCache(dir);
      const first = await extractRecords({ articles: [article('a', 'Lavrov spoke on Monday.'), article('b', 'Quiet day.')], entities, events: [] }, cache);
      assert.deepEqual(first.stats, { extracted: 2, cached: 0 });
      const second = await extractRecords({ articles: [article('a', 'Lavrov spoke on Monday.'), article('b', 'Quiet day, edited.')], entities, events: [] }, cache);
      assert.deepEqual(second.stats, { extracted: 1, cached: 1 });
      assert.deepEqual(second.records.articles[0]?.people, ['sergey-lavrov']);
      assert.equal(second.records.articles[0]?.dates[0]?.date, '2026-02-02');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('words that only look like dates', () => {
  it('should not read "sat" in "has sat on the council" as a Saturday', () => {
    assert.deepEqual(extractDates('He has sat on the Federal Council since 2017.', 'en', '2026-02-06T10:00:00+01:00').map((mention) => mention.text), ['since 2017']);
  });
});
