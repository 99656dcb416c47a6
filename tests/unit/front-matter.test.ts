import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFrontMatter } from '../../src/content/front-matter.ts';

const FILE = 'content/articles/2026/cassis-meets-lavrov.md';

// Line numbers are those of the file, counting the opening `---` as line 1.
const ARTICLE = [
  '---', //                                         1
  'title: Cassis meets Lavrov in Moscow', //         2
  'date: 2026-02-06', //                             3
  'timezone: Europe/Zurich', //                      4
  'source:', //                                      5
  '  name: Keystone-SDA', //                         6
  '  url: https://www.keystone-sda.ch/', //          7
  'people:', //                                      8
  '  - ignazio-cassis', //                           9
  '  - sergey-lavrov', //                           10
  'places: [moscow, kyiv]', //                      11
  '---', //                                         12
  'Cassis went to Moscow on Thursday.', //          13
  '', //                                            14
  'He met Lavrov.', //                              15
  '',
].join('\n');

describe('parseFrontMatter', () => {
  it('should read the YAML fields into data', () => {
    const { data, diagnostics } = parseFrontMatter(ARTICLE, FILE);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(data, {
      title: 'Cassis meets Lavrov in Moscow',
      date: '2026-02-06',
      timezone: 'Europe/Zurich',
      source: { name: 'Keystone-SDA', url: 'https://www.keystone-sda.ch/' },
      people: ['ignazio-cassis', 'sergey-lavrov'],
      places: ['moscow', 'kyiv'],
    });
  });

  it('should return the Markdown after the closing --- as the body', () => {
    const { body } = parseFrontMatter(ARTICLE, FILE);
    assert.equal(body, 'Cassis went to Moscow on Thursday.\n\nHe met Lavrov.\n');
  });

  it("should give the body's first line as its line in the file", () => {
    assert.equal(parseFrontMatter(ARTICLE, FILE).bodyLine, 13);
  });

  it('should keep `date: 2026-02-06` the string the editor wrote, not a Date', () => {
    const { data } = parseFrontMatter(ARTICLE, FILE);
    assert.equal(typeof data.date, 'string');
    assert.equal(data.date, '2026-02-06');
  });

  it('should keep a date-time with offset a string too', () => {
    const { data } = parseFrontMatter('---\ndate: 2026-02-06T17:00:00+01:00\n---\n', FILE);
    assert.equal(data.date, '2026-02-06T17:00:00+01:00');
  });

  it('should leave a later --- line in the body', () => {
    const { data, body } = parseFrontMatter('---\ntitle: Cassis\n---\nfirst\n---\nsecond\n', FILE);
    assert.deepEqual(data, { title: 'Cassis' });
    assert.equal(body, 'first\n---\nsecond\n');
  });

  it('should ignore a byte-order mark before the opening ---', () => {
    const { data, diagnostics } = parseFrontMatter('\uFEFF---\ntitle: Cassis\n---\nbody\n', FILE);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(data, { title: 'Cassis' });
  });

  describe('positionOf', () => {
    const { positionOf } = parseFrontMatter(ARTICLE, FILE);

    it('should point at the line and column of a top-level key', () => {
      assert.deepEqual(positionOf(['title']), { line: 2, column: 1 });
      assert.deepEqual(positionOf(['date']), { line: 3, column: 1 });
      assert.deepEqual(positionOf(['people']), { line: 8, column: 1 });
    });

    it('should point at a nested key such as source.url', () => {
      assert.deepEqual(positionOf(['source', 'url']), { line: 7, column: 3 });
      assert.deepEqual(positionOf(['source', 'name']), { line: 6, column: 3 });
    });

    it('should point at an item of a block list such as people[1]', () => {
      assert.deepEqual(positionOf(['people', 0]), { line: 9, column: 5 });
      assert.deepEqual(positionOf(['people', 1]), { line: 10, column: 5 });
    });

    it('should point at an item of a flow list such as places[1]', () => {
      assert.deepEqual(positionOf(['places', 1]), { line: 11, column: 18 });
    });

    it('should point a missing nested key at its parent', () => {
      assert.deepEqual(positionOf(['source', 'publisher']), { line: 5, column: 1 });
    });

    it('should point a missing top-level key at the top of the file', () => {
      assert.deepEqual(positionOf(['summary']), { line: 1, column: 1 });
    });

    it('should point the empty path at the top of the file', () => {
      assert.deepEqual(positionOf([]), { line: 1, column: 1 });
    });
  });

  describe('with CRLF line endings', () => {
    const crlf = ARTICLE.replace(/\n/g, '\r\n');
    const parsed = parseFrontMatter(crlf, FILE);

    it('should read the same data as with LF', () => {
      assert.deepEqual(parsed.diagnostics, []);
      assert.deepEqual(parsed.data, parseFrontMatter(ARTICLE, FILE).data);
    });

    it('should leave no carriage returns in the values or the body', () => {
      assert.equal(parsed.data.title, 'Cassis meets Lavrov in Moscow');
      assert.equal(parsed.body.includes('\r'), false);
    });

    it('should count lines as with LF', () => {
      assert.equal(parsed.bodyLine, 13);
      assert.deepEqual(parsed.positionOf(['people', 1]), { line: 10, column: 5 });
    });
  });

  describe('without front matter', () => {
    const text = '# Cassis in Moscow\n\nNo fields here.\n';
    const parsed = parseFrontMatter(text, FILE);

    it('should give a front-matter/missing error at the top of the file', () => {
      assert.equal(parsed.diagnostics.length, 1);
      const [d] = parsed.diagnostics;
      assert.equal(d?.rule, 'front-matter/missing');
      assert.equal(d?.severity, 'error');
      assert.equal(d?.file, FILE);
      assert.equal(d?.line, 1);
      assert.equal(d?.column, 1);
    });

    it('should return empty data and the whole text as the body', () => {
      assert.deepEqual(parsed.data, {});
      assert.equal(parsed.body, text);
      assert.equal(parsed.bodyLine, 1);
    });
  });

  describe('with invalid YAML', () => {
    const text = [
      '---',
      'title: Cassis: the visit', // line 2: an unquoted colon inside a value
      'date: 2026-02-06',
      '---',
      'body',
      '',
    ].join('\n');
    const parsed = parseFrontMatter(text, FILE);

    it('should give one front-matter/yaml error at the line and column of the mistake', () => {
      assert.equal(parsed.diagnostics.length, 1);
      const [d] = parsed.diagnostics;
      assert.equal(d?.rule, 'front-matter/yaml');
      assert.equal(d?.severity, 'error');
      assert.equal(d?.file, FILE);
      assert.equal(d?.line, 2);
      assert.equal(d?.column, 8);
    });

    it('should say in words that the YAML is invalid and how to quote a colon', () => {
      const [d] = parsed.diagnostics;
      assert.match(d?.message ?? '', /^the front matter is not valid YAML: /);
      assert.doesNotMatch(d?.message ?? '', /at line \d+, column \d+/);
      assert.match(d?.hint ?? '', /quote/);
    });

    it('should return empty data but still the body after the closing ---', () => {
      assert.deepEqual(parsed.data, {});
      assert.equal(parsed.body, 'body\n');
      assert.equal(parsed.bodyLine, 5);
    });

    it('should position an unclosed list at the line where YAML notices it', () => {
      const unclosed = parseFrontMatter('---\ntitle: Cassis\npeople: [ignazio-cassis\nplaces: [moscow]\n---\n', FILE);
      assert.equal(unclosed.diagnostics.length, 1);
      assert.equal(unclosed.diagnostics[0]?.rule, 'front-matter/yaml');
      assert.equal(unclosed.diagnostics[0]?.line, 4);
    });

    it('should report a key written twice', () => {
      const twice = parseFrontMatter('---\ntitle: One\ndate: 2026-02-06\ntitle: Two\n---\n', FILE);
      assert.equal(twice.diagnostics.length, 1);
      assert.equal(twice.diagnostics[0]?.rule, 'front-matter/yaml');
      assert.equal(twice.diagnostics[0]?.line, 4);
      assert.match(twice.diagnostics[0]?.message ?? '', /unique/);
    });

    it('should report an alias to no anchor instead of stopping the build', () => {
      const alias = parseFrontMatter('---\ntitle: *breaking\ndate: 2026-02-06\n---\n', FILE);
      assert.equal(alias.diagnostics.length, 1);
      assert.equal(alias.diagnostics[0]?.rule, 'front-matter/yaml');
      assert.match(alias.diagnostics[0]?.message ?? '', /breaking/);
    });

    it('should position YAML errors by file line with CRLF line endings', () => {
      const crlf = parseFrontMatter(text.replace(/\n/g, '\r\n'), FILE);
      assert.equal(crlf.diagnostics[0]?.rule, 'front-matter/yaml');
      assert.equal(crlf.diagnostics[0]?.line, 2);
      assert.equal(crlf.diagnostics[0]?.column, 8);
    });
  });

  describe('with a YAML list instead of a map', () => {
    const parsed = parseFrontMatter('---\n- title: Cassis\n- date: 2026-02-06\n---\nbody\n', FILE);

    it('should give a front-matter/not-a-map error on the first field line', () => {
      assert.equal(parsed.diagnostics.length, 1);
      const [d] = parsed.diagnostics;
      assert.equal(d?.rule, 'front-matter/not-a-map');
      assert.equal(d?.severity, 'error');
      assert.equal(d?.line, 2);
    });

    it('should return empty data', () => {
      assert.deepEqual(parsed.data, {});
    });
  });

  it('should treat a lone text value as not a map', () => {
    const parsed = parseFrontMatter('---\njust some words\n---\nbody\n', FILE);
    assert.deepEqual(parsed.diagnostics.map((d) => d.rule), ['front-matter/not-a-map']);
  });

  it('should read an empty front matter as no fields and no error', () => {
    const parsed = parseFrontMatter('---\n---\nbody\n', FILE);
    assert.deepEqual(parsed.diagnostics, []);
    assert.deepEqual(parsed.data, {});
    assert.equal(parsed.body, 'body\n');
    assert.equal(parsed.bodyLine, 3);
  });
});
