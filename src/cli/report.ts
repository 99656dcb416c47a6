import { formatDiagnostic, type Diagnostic } from '../content/diagnostic.ts';

/** Prints every diagnostic, one per line, and a one-line summary; returns the number of errors. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], stream: NodeJS.WriteStream = process.stderr): number {
  for (const d of diagnostics) stream.write(`${formatDiagnostic(d)}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) {
    const files = new Set(diagnostics.map((d) => d.file)).size;
    stream.write(`\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n`);
  }
  return errors;
}
