import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { readEventDate } from '../../src/content/calendar.ts';
import type { Diagnostic } from '../../src/content/diagnostic.ts';
import { parseFrontMatter } from '../../src/content/front-matter.ts';
import { validateFrontMatter } from '../../src/content/schema-diagnostics.ts';
import {
  articleFrontMatterSchema,
  eventFrontMatterSchema,
  organizationFrontMatterSchema,
  personFrontMatterSchema,
  placeFrontMatterSchema,
} from '../../src/content/schemas.ts';

const FILE = 'content/articles/2026/x.md';

/** Validates front matter written as YAML lines; line n of `lines` is line n + 1 of the file. */
function validate<S extends z.ZodType>(schema: S, lines: string[]) {
  const frontMatter = parseFrontMatter(`---\n${lines.join('\n')}\n---\nBody.\n`, FILE);
  assert.deepEqual(frontMatter.diagnostics, [], 'the fixture YAML itself must parse');
  return validateFrontMatter(schema, frontMatter, FILE);
}

function only(diagnostics: Diagnostic[]): Diagnostic {
  assert.equal(diagnostics.length, 1, `expected one diagnostic, got:\n${JSON.stringify(diagnostics, null, 2)}`);
  return diagnostics[0]!;
}

const SOURCE = ['source:', '  name: Keystone-SDA'];

describe('articleFrontMatterSchema through validateFrontMatter', () => {
  it('should accept a minimal article and fill in the defaults', () => {
    const { value, diagnostics } = validate(articleFrontMatterSchema, ['title: Cassis in Moscow', 'date: 2026-02-06', ...SOURCE]);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(value, {
      title: 'Cassis in Moscow',
      date: '2026-02-06',
      dateUncertain: false,
      timezone: 'UTC',
      source: { name: 'Keystone-SDA' },
      language: 'en',
      summary: '',
      tags: [],
      people: [],
      organizations: [],
      places: [],
      events: [],
      corrections: [],
    });
  });

  it('should default the language to en and the timezone to UTC', () => {
    const { value } = validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06', ...SOURCE]);
    assert.equal(value?.language, 'en');
    assert.equal(value?.timezone, 'UTC');
  });

  it('should keep a language and an IANA timezone the editor wrote', () => {
    const { value, diagnostics } = validate(articleFrontMatterSchema, [
      'title: T', 'date: 2026-02-06', 'timezone: Europe/Zurich', 'language: de-CH', ...SOURCE,
    ]);
    assert.deepEqual(diagnostics, []);
    assert.equal(value?.timezone, 'Europe/Zurich');
    assert.equal(value?.language, 'de-CH');
  });

  it('should trim the title', () => {
    const { value } = validate(articleFrontMatterSchema, ['title: "  Cassis in Moscow  "', 'date: 2026-02-06', ...SOURCE]);
    assert.equal(value?.title, 'Cassis in Moscow');
  });

  it('should accept an ISO date-time with offset', () => {
    const { diagnostics } = validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06T17:00:00+01:00', ...SOURCE]);
    assert.deepEqual(diagnostics, []);
  });

  it('should accept 29 February in a leap year', () => {
    const { diagnostics } = validate(articleFrontMatterSchema, ['title: T', 'date: 2024-02-29', ...SOURCE]);
    assert.deepEqual(diagnostics, []);
  });

  describe('a missing title', () => {
    const result = validate(articleFrontMatterSchema, ['date: 2026-02-06', ...SOURCE]);

    it('should give no value', () => {
      assert.equal(result.value, undefined);
    });

    it('should give a schema/required error that names the field and says how to add it', () => {
      const d = only(result.diagnostics);
      assert.equal(d.rule, 'schema/required');
      assert.equal(d.severity, 'error');
      assert.equal(d.file, FILE);
      assert.equal(d.message, 'title: is required');
      assert.match(d.hint ?? '', /title:/);
    });

    it('should point at the top of the file, where the field is missing from', () => {
      const d = only(result.diagnostics);
      assert.deepEqual([d.line, d.column], [1, 1]);
    });
  });

  it('should reject a title of only spaces as empty', () => {
    const d = only(validate(articleFrontMatterSchema, ['title: "   "', 'date: 2026-02-06', ...SOURCE]).diagnostics);
    assert.equal(d.rule, 'schema/invalid');
    assert.match(d.message, /^title: .*must not be empty/);
    assert.equal(d.line, 2);
  });

  it('should require a source', () => {
    const d = only(validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06']).diagnostics);
    assert.equal(d.rule, 'schema/required');
    assert.equal(d.message, 'source: is required');
  });

  describe('the impossible date 2026-02-30', () => {
    const d = only(validate(articleFrontMatterSchema, ['title: T', ...SOURCE, 'date: 2026-02-30']).diagnostics);

    it('should say `date: "2026-02-30" is not a calendar date`', () => {
      assert.equal(d.rule, 'schema/invalid');
      assert.ok(d.message.includes('date: "2026-02-30" is not a calendar date'), d.message);
    });

    it('should hint at the YYYY-MM-DD form', () => {
      assert.match(d.hint ?? '', /YYYY-MM-DD/);
    });

    it('should point at the date line', () => {
      assert.deepEqual([d.line, d.column], [5, 1]);
    });
  });

  it('should reject a date that is not a date at all, with a YYYY-MM-DD hint', () => {
    const d = only(validate(articleFrontMatterSchema, ['title: T', 'date: last Thursday', ...SOURCE]).diagnostics);
    assert.equal(d.rule, 'schema/invalid');
    assert.ok(d.message.includes('date: "last Thursday" is not a date'), d.message);
    assert.match(d.hint ?? '', /YYYY-MM-DD/);
    assert.equal(d.line, 3);
  });

  describe('an unknown field', () => {
    const d = only(validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06', ...SOURCE, 'peple: [sergey-lavrov]']).diagnostics);

    it('should give a schema/unknown-field error naming the field', () => {
      assert.equal(d.rule, 'schema/unknown-field');
      assert.equal(d.message, 'unknown field "peple"');
    });

    it('should ask "did you mean" with the closest known field', () => {
      assert.match(d.hint ?? '', /did you mean "people"\?/);
    });

    it('should point at the unknown key', () => {
      assert.deepEqual([d.line, d.column], [6, 1]);
    });
  });

  it('should report an unknown key inside source at its own line', () => {
    const d = only(validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06', 'source:', '  name: Blick', '  ulr: https://www.blick.ch/']).diagnostics);
    assert.equal(d.rule, 'schema/unknown-field');
    assert.equal(d.message, 'unknown field "source.ulr"');
    assert.deepEqual([d.line, d.column], [6, 3]);
  });

  it('should suggest a field of source, not a top-level field, for an unknown key inside source', () => {
    const d = only(validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06', 'source:', '  name: Blick', '  ulr: https://www.blick.ch/']).diagnostics);
    assert.match(d.hint ?? '', /did you mean "url"\?/);
  });

  describe('an invalid source URL', () => {
    it('should reject text that is not a web address, pointing at source.url', () => {
      const d = only(validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06', 'source:', '  name: Blick', '  url: www.blick.ch']).diagnostics);
      assert.equal(d.rule, 'schema/invalid');
      assert.ok(d.message.startsWith('source.url: "www.blick.ch" is not a web address'), d.message);
      assert.match(d.hint ?? '', /https:\/\//);
      assert.deepEqual([d.line, d.column], [6, 3]);
    });

    it('should reject a link that is not http or https', () => {
      const d = only(validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06', 'source:', '  name: Blick', '  url: ftp://www.blick.ch/x']).diagnostics);
      assert.equal(d.rule, 'schema/invalid');
      assert.match(d.message, /^source\.url: /);
    });

    it('should accept an https link', () => {
      const { value, diagnostics } = validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06', 'source:', '  name: Blick', '  url: https://www.blick.ch/x']);
      assert.deepEqual(diagnostics, []);
      assert.equal(value?.source.url, 'https://www.blick.ch/x');
    });
  });

  describe('an invalid timezone', () => {
    const { diagnostics } = validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06', 'timezone: Europe/Zurichh', ...SOURCE]);
    const zone = diagnostics.find((d) => d.message.startsWith('timezone:'));

    it('should say the value is not a time zone and suggest an IANA name', () => {
      assert.ok(zone, JSON.stringify(diagnostics));
      assert.equal(zone.rule, 'schema/invalid');
      assert.equal(zone.message, 'timezone: "Europe/Zurichh" is not a time zone');
      assert.match(zone.hint ?? '', /IANA/);
    });

    it('should point at the timezone line', () => {
      assert.deepEqual([zone?.line, zone?.column], [4, 1]);
    });

    it('should not also call a good date "not a calendar date"', () => {
      assert.deepEqual(diagnostics.map((d) => d.message), ['timezone: "Europe/Zurichh" is not a time zone']);
    });
  });

  describe('a value of the wrong type', () => {
    it('should say a number title is not text and suggest quoting it', () => {
      const d = only(validate(articleFrontMatterSchema, ['title: 42', 'date: 2026-02-06', ...SOURCE]).diagnostics);
      assert.equal(d.rule, 'schema/type');
      assert.equal(d.message, 'title: expected text, found the number 42');
      assert.match(d.hint ?? '', /quote/);
      assert.deepEqual([d.line, d.column], [2, 1]);
    });

    it('should say a single id written without brackets is not a list', () => {
      const d = only(validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06', ...SOURCE, 'people: sergey-lavrov']).diagnostics);
      assert.equal(d.rule, 'schema/type');
      assert.equal(d.message, 'people: expected a list, found "sergey-lavrov"');
      assert.match(d.hint ?? '', /people: \[/);
      assert.equal(d.line, 6);
    });

    it('should say an empty value is empty', () => {
      const d = only(validate(articleFrontMatterSchema, ['title:', 'date: 2026-02-06', ...SOURCE]).diagnostics);
      assert.equal(d.rule, 'schema/type');
      assert.equal(d.message, 'title: expected text, found an empty value');
    });
  });

  it('should reject a person written as a name instead of an id, pointing at the list item', () => {
    const d = only(validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06', ...SOURCE, 'people:', '  - sergey-lavrov', '  - Ignazio Cassis']).diagnostics);
    assert.equal(d.rule, 'schema/invalid');
    assert.ok(d.message.startsWith('people[1]: "Ignazio Cassis" is not an id'), d.message);
    assert.deepEqual([d.line, d.column], [8, 5]);
  });

  it('should reject a language that is not a language code', () => {
    const d = only(validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-06', 'language: English', ...SOURCE]).diagnostics);
    assert.equal(d.rule, 'schema/invalid');
    assert.ok(d.message.startsWith('language: "English" is not a language code'), d.message);
  });

  it('should report every problem of a file at once, each at its own line', () => {
    const { diagnostics } = validate(articleFrontMatterSchema, ['title: T', 'date: 2026-02-30', ...SOURCE, 'people: [Ignazio Cassis]', 'peple: []']);
    const byRule = diagnostics.map((d) => [d.rule, d.line]).sort();
    assert.deepEqual(byRule, [['schema/invalid', 3], ['schema/invalid', 6], ['schema/unknown-field', 7]]);
  });

  it('should report an impossible date even when the title is missing', () => {
    const { diagnostics } = validate(articleFrontMatterSchema, ['date: 2026-02-30', ...SOURCE]);
    const byRule = diagnostics.map((d) => [d.rule, d.line]).sort();
    assert.deepEqual(byRule, [['schema/invalid', 2], ['schema/required', 1]]);
  });
});

describe('eventFrontMatterSchema through validateFrontMatter', () => {
  for (const [date, precision] of [['2026-02-06', 'day'], ['2026-02', 'month'], ['2026', 'year']] as const) {
    it(`should accept "${date}" as a date of ${precision} precision`, () => {
      const { value, diagnostics } = validate(eventFrontMatterSchema, ['title: Moscow visit', `date: "${date}"`]);
      assert.deepEqual(diagnostics, []);
      assert.equal(value?.date, date);
      const reading = readEventDate(date);
      assert.deepEqual(reading, { ok: true, iso: date, precision });
    });
  }

  it('should fill in empty lists for places, people and organizations', () => {
    const { value } = validate(eventFrontMatterSchema, ['title: Moscow visit', 'date: 2026-02-06']);
    assert.deepEqual(value, { title: 'Moscow visit', date: '2026-02-06', places: [], people: [], organizations: [] });
  });

  it('should accept a bare year, which YAML reads as a number, as a date of year precision', () => {
    const { value, diagnostics } = validate(eventFrontMatterSchema, ['title: Moscow visit', 'date: 2026']);
    assert.deepEqual(diagnostics, []);
    assert.equal(value?.date, '2026');
  });

  it('should reject month 13', () => {
    const d = only(validate(eventFrontMatterSchema, ['title: Moscow visit', 'date: 2026-13']).diagnostics);
    assert.equal(d.rule, 'schema/invalid');
    assert.ok(d.message.includes('date: "2026-13" is not a calendar date'), d.message);
  });

  it('should reject 29 February in a common year', () => {
    const d = only(validate(eventFrontMatterSchema, ['title: Moscow visit', 'date: 2026-02-29']).diagnostics);
    assert.ok(d.message.includes('"2026-02-29" is not a calendar date'), d.message);
  });

  it('should check the end date too, at its own line', () => {
    const d = only(validate(eventFrontMatterSchema, ['title: Kyiv visit', 'date: 2026-02-01', 'endDate: 2026-02-30']).diagnostics);
    assert.equal(d.rule, 'schema/invalid');
    assert.ok(d.message.includes('endDate: "2026-02-30" is not a calendar date'), d.message);
    assert.equal(d.line, 4);
  });

  it('should reject a date in words, hinting at the three accepted forms', () => {
    const d = only(validate(eventFrontMatterSchema, ['title: Moscow visit', 'date: early February']).diagnostics);
    assert.ok(d.message.includes('"early February" is not a date'), d.message);
    assert.match(d.hint ?? '', /YYYY-MM-DD/);
    assert.match(d.hint ?? '', /YYYY-MM\b/);
  });

  it('should reject a precision other than day, month or year', () => {
    const d = only(validate(eventFrontMatterSchema, ['title: Moscow visit', 'date: 2026-02-06', 'precision: week']).diagnostics);
    assert.equal(d.line, 4);
    assert.match(d.message, /^precision: /);
  });
});

describe('registry schemas through validateFrontMatter', () => {
  it('should accept a person with aliases and roles', () => {
    const { value, diagnostics } = validate(personFrontMatterSchema, ['name: Sergey Lavrov', 'aliases: [Sergei Lavrov]', 'roles: [Foreign Minister of Russia]', 'wikidata: Q80137']);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(value, { name: 'Sergey Lavrov', aliases: ['Sergei Lavrov'], description: '', roles: ['Foreign Minister of Russia'], wikidata: 'Q80137' });
  });

  it('should suggest "roles" for a person\'s "role"', () => {
    const d = only(validate(personFrontMatterSchema, ['name: Sergey Lavrov', 'role: [Foreign Minister]']).diagnostics);
    assert.equal(d.rule, 'schema/unknown-field');
    assert.match(d.hint ?? '', /did you mean "roles"\?/);
  });

  it('should reject a Wikidata id without the Q', () => {
    const d = only(validate(placeFrontMatterSchema, ['name: Moscow', 'wikidata: "649"']).diagnostics);
    assert.equal(d.rule, 'schema/invalid');
    assert.ok(d.message.startsWith('wikidata: "649" is not a Wikidata id'), d.message);
  });

  it('should not accept roles on an organization', () => {
    const d = only(validate(organizationFrontMatterSchema, ['name: OSCE', 'roles: [x]']).diagnostics);
    assert.equal(d.rule, 'schema/unknown-field');
    assert.equal(d.message, 'unknown field "roles"');
  });

  it('should accept a country on a place', () => {
    const { value, diagnostics } = validate(placeFrontMatterSchema, ['name: Moscow', 'country: Russia']);
    assert.deepEqual(diagnostics, []);
    assert.equal(value?.country, 'Russia');
  });
});
