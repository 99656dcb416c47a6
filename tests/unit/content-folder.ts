import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Throw-away content folders for tests: each test writes exactly the files it needs into a fresh
 * temp directory, so no test depends on the sample archive or on anything outside this repository.
 */

/** A small, valid registry: two people (one with aliases), an organization, a place and an event. */
export const REGISTRY: Readonly<Record<string, string>> = {
  'people/sergey-lavrov.md': ['---', 'name: Sergey Lavrov', 'aliases: [Sergei Lavrov, Sergej Lawrow]', 'roles: [Foreign Minister of Russia]', '---', 'Russia\'s foreign minister.', ''].join('\n'),
  'people/ignazio-cassis.md': ['---', 'name: Ignazio Cassis', 'roles: [Foreign Minister of Switzerland]', '---', 'Switzerland\'s foreign minister.', ''].join('\n'),
  'organizations/osce.md': ['---', 'name: OSCE', 'aliases: [Organization for Security and Co-operation in Europe]', '---', ''].join('\n'),
  'places/moscow.md': ['---', 'name: Moscow', 'country: Russia', '---', ''].join('\n'),
  'events/moscow-visit-2026.md': ['---', 'title: Cassis meets Lavrov in Moscow', 'date: 2026-02-06', 'places: [moscow]', 'people: [ignazio-cassis, sergey-lavrov]', 'organizations: [osce]', '---', 'The visit.', ''].join('\n'),
};

/** An article file; `fields` are YAML lines placed after a valid default title, date, timezone and source. */
export function articleText(fields: { title?: string; date?: string; timezone?: string; extra?: string[]; body?: string } = {}): string {
  return [
    '---',
    `title: ${fields.title ?? 'Cassis meets Lavrov in Moscow'}`,
    `date: ${fields.date ?? '2026-02-06'}`,
    `timezone: ${fields.timezone ?? 'Europe/Zurich'}`,
    'source:',
    '  name: Keystone-SDA',
    ...(fields.extra ?? []),
    '---',
    fields.body ?? 'Cassis went to Moscow.',
    '',
  ].join('\n');
}

/** Writes `files` (relative path → text) into a new temp folder and returns its absolute path. */
export async function writeContentFolder(files: Readonly<Record<string, string>>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'chronicle-test-'));
  for (const [relative, text] of Object.entries(files)) {
    const target = path.join(root, ...relative.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, 'utf8');
  }
  return root;
}

export async function removeFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}
