import { closest } from 'fastest-levenshtein';
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import type { FrontMatter } from './front-matter.ts';

/**
 * Validates front matter against a schema and turns every zod issue into a positioned, plain-language
 * diagnostic (`content/articles/x.md:4:1 date: "2026-02-30" is not a calendar date — write YYYY-MM-DD`),
 * never raw JSON.
 */
export function validateFrontMatter<S extends z.ZodType>(
  schema: S,
  frontMatter: FrontMatter,
  file: string,
): { value: z.infer<S> | undefined; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(frontMatter.data);
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => describeIssue(issue, frontMatter, file, knownKeys(schema, issue.path)));
  return { value: undefined, diagnostics };
}

function describeIssue(issue: z.core.$ZodIssue, frontMatter: FrontMatter, file: string, known: string[]): Diagnostic[] {
  const path = issue.path;
  const label = formatPath(path);
  const value = valueAt(frontMatter.data, path);

  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const guess = known.length > 0 ? closest(key, known) : undefined;
      return diagnostic(file, frontMatter.positionOf([...path, key]), 'schema/unknown-field',
        `unknown field "${formatPath([...path, key])}"`,
        guess ? `did you mean "${guess}"? Fields: ${known.join(', ')}` : 'remove it');
    });
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === undefined) {
    return [diagnostic(file, frontMatter.positionOf(path.slice(0, -1)), 'schema/required', `${label}: is required`,
      `add a line \`${String(path[path.length - 1])}: …\` to the front matter`)];
  }
  if (issue.code === 'invalid_type') {
    return [diagnostic(file, frontMatter.positionOf(path), 'schema/type',
      `${label}: expected ${describeExpected(issue.expected)}, found ${describeValue(value)}`,
      issue.expected === 'array' ? `write a list, e.g. ${String(path[path.length - 1])}: [first-id, second-id]` : 'quote the value if it is text')];
  }
  const [problem, hint] = splitHint(issue.message);
  const shown = problem.startsWith('"') || value === undefined || typeof value === 'object' ? problem : `${JSON.stringify(value)} ${problem}`;
  return [diagnostic(file, frontMatter.positionOf(path), 'schema/invalid', `${label}: ${shown}`, hint)];
}

function splitHint(message: string): [string, string | undefined] {
  const index = message.indexOf(' — ');
  if (index >= 0) return [message.slice(0, index), message.slice(index + 3)];
  const colon = message.indexOf(': ');
  if (colon >= 0) return [message.slice(0, colon), message.slice(colon + 2)];
  return [message, undefined];
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeExpected(expected: string): string {
  return ({ string: 'text', array: 'a list', object: 'a group of fields', number: 'a number', boolean: 'true or false' } as Record<string, string>)[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return `"${String(value)}"`;
}

interface SchemaInternals {
  shape?: Record<string, unknown>;
  _zod?: { def?: { innerType?: unknown } };
}

/** The field names of the object at `path` (so `source.ulr` suggests `url`, not a top-level field). */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current = unwrap(schema);
  for (const key of path) {
    if (typeof key !== 'string') return [];
    current = unwrap(current?.shape?.[key]);
  }
  return current?.shape ? Object.keys(current.shape) : [];
}

/** Looks through optional and default wrappers to the schema inside. */
function unwrap(schema: unknown): SchemaInternals | undefined {
  let current = schema as SchemaInternals | undefined;
  while (current?._zod?.def?.innerType && !current.shape) current = current._zod.def.innerType as SchemaInternals;
  return current;
}
