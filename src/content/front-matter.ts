import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { diagnostic, type Diagnostic, type Position } from './diagnostic.ts';
import { readPlainYaml } from './plain-yaml.ts';

export interface FrontMatter {
  /** The parsed YAML, or `{}` when it could not be read (a diagnostic says why). */
  data: Record<string, unknown>;
  /** The Markdown after the closing `---`. */
  body: string;
  /** 1-based line of the body's first line in the file, for positioning mentions in the text. */
  bodyLine: number;
  /** Where a key (or nested key path) stands in the file; the top of the file when unknown. */
  positionOf(path: readonly PropertyKey[]): Position;
  diagnostics: Diagnostic[];
}

const TOP: Position = { line: 1, column: 1 };

/**
 * Front matter and body of a content file. YAML is read with the `yaml` package (YAML 1.2 core
 * schema) so that every key keeps its line and column, and so that `2026-02-06` stays the string
 * the editor wrote rather than a Date in the machine's zone.
 */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const source = normalized(text);
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  let document: Document | undefined;

  if (!/^---[ \t]*(\n|$)/.test(source)) {
    diagnostics.push(
      diagnostic(file, TOP, 'front-matter/missing', 'the file has no front matter',
        'start the file with a line `---`, the YAML fields (title, date, …), and another `---`'),
    );
    return { data: {}, body: source, bodyLine: 1, positionOf: () => TOP, diagnostics };
  }

  if (!/\n---[ \t]*(\n|$)/.test(source.slice(3))) {
    diagnostics.push(
      diagnostic(file, TOP, 'front-matter/unclosed', 'the front matter is not closed',
        'add a line `---` after the last field, before the article text'),
    );
    return { data: {}, body: '', bodyLine: 1, positionOf: () => TOP, diagnostics };
  }

  const parsed = splitFrontMatter(source);
  const plain = readPlainYaml(parsed.yaml);
  if (plain) {
    const bodyOffset = source.length - parsed.content.length;
    const bodyLine = source.slice(0, bodyOffset).split('\n').length;
    return { data: plain.data, body: parsed.content, bodyLine, positionOf: (path) => plain.positionOf(path) ?? TOP, diagnostics };
  }
  if (parsed.yaml.replace(/^\s*#[^\n]+/gm, '').trim() !== '') {
    document = parseDocument(parsed.yaml, { lineCounter, prettyErrors: true, uniqueKeys: true });
  }
  let parsedData: unknown = {};
  let unreadable: string | undefined;
  if (document && document.errors.length === 0) {
    try {
      parsedData = document.toJS() ?? {};
    } catch (error) {
      // An alias with no anchor (`title: *x`) passes the parser and fails here; it must not stop the build.
      unreadable = (error as Error).message;
    }
  }

  // The YAML starts right after the opening `---`, so YAML line n is file line n.
  const toFilePosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  for (const error of document?.errors ?? []) {
    const position = toFilePosition(error.pos[0]);
    const firstLine = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    diagnostics.push(
      diagnostic(file, position, 'front-matter/yaml', `the front matter is not valid YAML: ${firstLine}`,
        'check the indentation and quote values that contain a colon, e.g. title: "Cassis: the visit"'),
    );
  }

  if (unreadable !== undefined) {
    diagnostics.push(
      diagnostic(file, TOP, 'front-matter/yaml', `the front matter is not valid YAML: ${unreadable}`,
        'quote values that start with * or &, e.g. title: "*Breaking*"'),
    );
  }

  let data: Record<string, unknown> = {};
  if (diagnostics.length === 0) {
    const value: unknown = parsedData;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      data = value as Record<string, unknown>;
    } else {
      diagnostics.push(
        diagnostic(file, { line: 2, column: 1 }, 'front-matter/not-a-map', 'the front matter must be a list of `key: value` fields',
          'write one field per line, e.g. `title: Cassis meets Lavrov`'),
      );
    }
  }

  const bodyOffset = source.length - parsed.content.length;
  const bodyLine = source.slice(0, bodyOffset).split('\n').length;

  const positionOf = (path: readonly PropertyKey[]): Position => {
    const offset = document && offsetOfPath(document, path);
    return offset === undefined ? TOP : toFilePosition(offset);
  };

  return { data, body: parsed.content, bodyLine, positionOf, diagnostics };
}

/**
 * Where a field's path starts in a parsed YAML document: its key in a map, or its item in a list;
 * for a path that is not there, the deepest part of it that is (a missing nested key points at its
 * parent). Undefined for the empty path or nothing found.
 */
export function offsetOfPath(document: Document, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const parentPath = path.slice(0, depth - 1) as unknown[];
    const parent = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true);
    const key = path[depth - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isNode(item.key) && (item.key as { value?: unknown }).value === key);
      if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
    }
    const node = document.getIn([...parentPath, key], true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}

/**
 * The Markdown body of a content file that loads, as `parseFrontMatter` gives it, without reading
 * the front matter: a story's page reads its text again from the file when it renders.
 */
export function markdownBody(text: string): string {
  const source = normalized(text);
  return /^---[ \t]*(\n|$)/.test(source) ? splitFrontMatter(source).content : source;
}

/** Without a byte-order mark, with Unix line breaks. */
function normalized(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * The block between the delimiters and the body after it, split by gray-matter's rules (the first
 * line starting `---` closes the block; one line break after it is dropped). gray-matter itself
 * copied every file into a Buffer and merged its options on each call: a fifth of loading time.
 */
function splitFrontMatter(source: string): { yaml: string; content: string } {
  const afterOpening = source.slice(3);
  const close = afterOpening.indexOf('\n---');
  if (close < 0) return { yaml: afterOpening, content: '' };
  let content = afterOpening.slice(close + 4);
  if (content[0] === '\r') content = content.slice(1);
  if (content[0] === '\n') content = content.slice(1);
  return { yaml: afterOpening.slice(0, close), content };
}
