import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineCounter, parseDocument } from 'yaml';
import { offsetOfPath } from '../../src/content/front-matter.ts';
import { readPlainYaml } from '../../src/content/plain-yaml.ts';

/** What the yaml package makes of the same text: the data, and the position front-matter.ts would report for `path`. */
function byYaml(text: string, paths: PropertyKey[][]) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const position = (path: PropertyKey[]) => {
    const offset = offsetOfPath(document, path);
    return offset === undefined ? undefined : lineCounter.linePos(offset);
  };
  return { data: document.toJS() as unknown, positions: paths.map((path) => position(path)) };
}

function byPlainReader(text: string, paths: PropertyKey[][]) {
  const plain = readPlainYaml(text);
  assert.ok(plain, `should read ${JSON.stringify(text)}`);
  return { data: plain.data, positions: paths.map((path) => plain.positionOf(path)).map((at) => at && { line: at.line, col: at.column }) };
}

const PATHS: PropertyKey[][] = [['title'], ['date'], ['source'], ['source', 'name'], ['source', 'url'], ['source', 'missing'], ['people', 0], ['people', 2], ['people', 9], ['missing'], ['title', 0]];

describe('front matter read without the yaml package', () => {
  it('should give the data and positions the yaml package gives, for the usual forms', () => {
    for (const text of [
      '\ntitle: Cassis meets Lavrov\ndate: 2026-02-06\nsource:\n  name: Keystone-SDA\n  url: https://example.org/a?b=c\npeople: [ignazio-cassis, sergey-lavrov, osce]\n',
      '  \ntitle: "Quoted: \\"title\\" \\u00e9"\ndateUncertain: true\nlanguage: en\n',
      "\ntitle: 'It''s quoted'\nsummary:\npeople: []\ncount: 2026\nnothing: ~\nwhen: 12:30\n",
      '\ntitle: Talks, then more\nsource:\n\n    name: Four spaces\n    url:\npeople: [ a ,b , 2024 ]\n',
    ]) {
      assert.deepEqual(byPlainReader(text, PATHS), byYaml(text, PATHS), JSON.stringify(text));
    }
  });

  it('should leave everything else to the yaml package', () => {
    for (const text of [
      '\ntitle: x # a comment', '\ntags:\n  - a', '\ntitle: |\n  text', '\ntitle: a\n  continued', '\ntitle: a: b', '\ntitle: 1.5', '\ntitle: 0x1F', '\ntitle: .inf',
      '\ntitle: &anchor x', '\ntitle: "bad \\x41"', '\npeople: ["a", b]', '\npeople: [a, [b]]', '\ntitle: a\ntitle: b', '\nsource:\n  name: a\n   url: b', '\ntitle:\tx', '\n- a',
    ]) {
      assert.equal(readPlainYaml(text), undefined, JSON.stringify(text));
    }
  });
});
