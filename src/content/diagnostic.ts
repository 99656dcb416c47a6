import { z } from 'zod';

/**
 * One content problem, positioned like a compiler message
 * (`content/articles/x.md:4:1 date: "2026-02-30" is not a calendar date — write YYYY-MM-DD`).
 * Every stage reports problems in this one shape so `chronicle check` can print them all in one run.
 */
export const diagnosticSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  severity: z.enum(['error', 'warning']),
  /** A stable rule id, e.g. `front-matter/invalid-date`, for tests and for people searching the docs. */
  rule: z.string(),
  message: z.string(),
  /** How to fix it, in the editor's terms. */
  hint: z.string().optional(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export interface Position {
  line: number;
  column: number;
}

export function diagnostic(
  file: string,
  position: Position,
  rule: string,
  message: string,
  hint?: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { file, line: position.line, column: position.column, severity, rule, message, ...(hint ? { hint } : {}) };
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const hint = d.hint ? ` — ${d.hint}` : '';
  const label = d.severity === 'warning' ? 'warning ' : '';
  return `${where} ${label}${d.message}${hint} [${d.rule}]`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorted by file, then line, so the report reads top to bottom like the editor's folder. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** Thrown when content is invalid; carries every diagnostic so callers can print them all. */
export class ContentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(
      `${diagnostics.filter((d) => d.severity === 'error').length} content problem(s):\n` +
        sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n'),
    );
    this.name = 'ContentError';
  }
}
