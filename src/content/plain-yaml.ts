import type { Position } from './diagnostic.ts';

/*
 * Front matter as editors and `chronicle import` write it, read without the yaml package: lines of
 * `key: value`, one level of nested keys (`source:` then `  name: …`), values that are plain words,
 * quoted text or a one-line list (`[a, b]`). The yaml package took a quarter of loading time
 * building a document for eight lines. Anything else (comments, block lists, multi-line text,
 * numbers with a point, anchors, tabs …) returns undefined, and front-matter.ts reads it with the
 * yaml package as before: this reader only has to agree with it on what it accepts.
 */

export interface PlainYaml {
  data: Record<string, unknown>;
  /** Where yaml's document would place the node at `path` (see front-matter.ts), or undefined for the top of the file. */
  positionOf(path: readonly PropertyKey[]): Position | undefined;
}

type Node =
  | { kind: 'map'; at: Position; pairs: Map<string, { key: Position; value: Node }> }
  | { kind: 'list'; at: Position; items: Node[] }
  | { kind: 'scalar'; at: Position };

const KEY_LINE = /^( *)([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$/;
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const OTHER_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

export function readPlainYaml(yaml: string): PlainYaml | undefined {
  if (yaml.includes('\t') || yaml.includes('#')) return undefined;
  const lines = yaml.split('\n');
  const root: Node & { kind: 'map' } = { kind: 'map', at: { line: 1, column: 1 }, pairs: new Map() };
  const data: Record<string, unknown> = {};
  // The map the current indented lines belong to, and their indentation.
  let nested: { node: Node & { kind: 'map' }; data: Record<string, unknown>; indent: number } | undefined;
  let opened: { key: string; at: Position } | undefined;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const match = KEY_LINE.exec(line);
    if (!match) return undefined;
    const [, spaces = '', key = '', rest] = match;
    const at: Position = { line: index + 1, column: spaces.length + 1 };
    const indent = spaces.length;
    if (indent === 0) {
      nested = undefined;
      opened = undefined;
    } else if (opened && !nested) {
      // The first indented line under `key:` opens a map and sets its indentation.
      const node: Node & { kind: 'map' } = { kind: 'map', at, pairs: new Map() };
      const values: Record<string, unknown> = {};
      root.pairs.set(opened.key, { key: opened.at, value: node });
      data[opened.key] = values;
      nested = { node, data: values, indent };
      opened = undefined;
    } else if (!nested || indent !== nested.indent) {
      return undefined;
    }
    const target = nested ?? { node: root, data };
    if (target.node.pairs.has(key) || key === '__proto__') return undefined;
    const text = (rest ?? '').replace(/ +$/, '');
    if (text === '') {
      // `key:` alone: a nested map may follow (top level only), or the value is null.
      if (indent === 0) opened = { key, at };
      target.node.pairs.set(key, { key: at, value: { kind: 'scalar', at } });
      target.data[key] = null;
      continue;
    }
    const valueAt: Position = { line: index + 1, column: line.length - (rest ?? '').length + 1 };
    const value = text.startsWith('[') ? list(text, valueAt) : { node: { kind: 'scalar' as const, at: valueAt }, value: scalar(text) };
    if (!value || value.value === undefined) return undefined;
    target.node.pairs.set(key, { key: at, value: value.node });
    target.data[key] = value.value;
  }
  if (root.pairs.size === 0) return undefined;
  return { data, positionOf: (path) => positionIn(root, path) };
}

/** `[a, b, c]` on one line, of plain words. */
function list(text: string, at: Position): { node: Node; value: unknown[] } | undefined {
  if (!text.endsWith(']') || /[[\]{}]/.test(text.slice(1, -1))) return undefined;
  const inner = text.slice(1, -1);
  const node: Node & { kind: 'list' } = { kind: 'list', at, items: [] };
  const values: unknown[] = [];
  if (inner.trim() === '') return { node, value: values };
  let offset = 1;
  for (const part of inner.split(',')) {
    const word = part.trim();
    if (word === '' || /^["']/.test(word)) return undefined;
    const value = scalar(word);
    if (value === undefined) return undefined;
    node.items.push({ kind: 'scalar', at: { line: at.line, column: at.column + offset + part.indexOf(word) } });
    values.push(value);
    offset += part.length + 1;
  }
  return { node, value: values };
}

/** A value as YAML 1.2's core schema reads it; undefined for what this reader leaves to the yaml package. */
function scalar(text: string): unknown {
  if (text.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(text);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
  if (text.startsWith("'")) {
    const quoted = /^'((?:[^']|'')*)'$/.exec(text);
    return quoted ? (quoted[1] ?? '').replace(/''/g, "'") : undefined;
  }
  if (INDICATOR.test(text) || text.endsWith(':') || text.includes(': ')) return undefined;
  if (/^(?:~|null|Null|NULL)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]{1,15}$/.test(text)) return parseInt(text, 10);
  // Other numbers (1.5, 1e3, 0x1F, .inf) are rare enough in front matter to leave to the yaml package.
  if (OTHER_NUMBER.test(text)) return undefined;
  return text;
}

/** The same walk as front-matter.ts makes over a yaml document: the deepest key or list item on the path that exists. */
function positionIn(root: Node, path: readonly PropertyKey[]): Position | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const parent = nodeAt(root, path.slice(0, depth - 1));
    const key = path[depth - 1];
    if (parent?.kind === 'map' && typeof key === 'string') {
      const pair = parent.pairs.get(key);
      if (pair) return pair.key;
    }
    const node = nodeAt(root, path.slice(0, depth));
    if (node) return node.at;
  }
  return undefined;
}

function nodeAt(root: Node, path: readonly PropertyKey[]): Node | undefined {
  let node: Node | undefined = root;
  for (const key of path) {
    if (node?.kind === 'map' && typeof key === 'string') node = node.pairs.get(key)?.value;
    else if (node?.kind === 'list') node = node.items[listIndex(key)];
    else return undefined;
  }
  return node;
}

/** yaml's lists take a whole number or its digits as text. */
function listIndex(key: PropertyKey): number {
  const index = typeof key === 'string' ? Number(key) : key;
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : -1;
}
