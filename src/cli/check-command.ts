import { loadArchive } from '../archive/load-archive.ts';
import { ENTITY_FIELD } from '../content/schemas.ts';
import { plural } from '../render/format.ts';
import { reportDiagnostics } from './report.ts';

/** Validates every content file without building; exit 1 when any error is found. */
export async function runCheck(contentDir: string): Promise<number> {
  const { archive, diagnostics, candidates } = await loadArchive(contentDir);
  const errors = reportDiagnostics(diagnostics);
  if (errors > 0 || !archive) return 1;
  if (candidates.length > 0) {
    console.log(`${plural(candidates.length, 'name', 'names')} found in the text that the registry does not have yet — add a file to curate one:`);
    for (const { entity, articles } of [...candidates].sort((a, b) => b.articles.length - a.articles.length || a.entity.name.localeCompare(b.entity.name))) {
      const also = entity.aliases.length > 0 ? ` (also ${entity.aliases.join(', ')})` : '';
      console.log(`  ${entity.kind} "${entity.name}"${also} → ${contentDir}/${ENTITY_FIELD[entity.kind]}/${entity.id}.md — in ${articles.join(', ')}`);
    }
    console.log('');
  }
  const formed = archive.events.filter((event) => !event.curated);
  if (formed.length > 0) {
    console.log(`${plural(formed.length, 'event', 'events')} formed from the stories that nobody curated yet — add a file to name and describe one:`);
    for (const event of formed) {
      console.log(`  ${event.date} "${event.title}" → ${contentDir}/events/${event.id}.md — from ${event.reports.map((report) => report.article).join(', ')}`);
    }
    console.log('');
  }
  const registry = archive.entities.filter((entity) => entity.curated).length;
  console.log(`${contentDir}: ${plural(archive.articles.length, 'article', 'articles')}, ${plural(registry, 'registry entry', 'registry entries')}, ${plural(archive.events.length, 'event', 'events')} — no errors.`);
  return 0;
}
