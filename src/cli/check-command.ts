import { loadContent } from '../content/load-content.ts';
import { plural } from '../render/format.ts';
import { reportDiagnostics } from './report.ts';

/** Validates every content file without building; exit 1 when any error is found. */
export async function runCheck(contentDir: string): Promise<number> {
  const { records, diagnostics } = await loadContent(contentDir);
  const errors = reportDiagnostics(diagnostics);
  if (errors > 0) return 1;
  console.log(`${contentDir}: ${plural(records.articles.length, 'article', 'articles')}, ${plural(records.entities.length, 'registry entry', 'registry entries')}, ${plural(records.events.length, 'event', 'events')} — no errors.`);
  return 0;
}
