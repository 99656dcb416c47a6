import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What the generated archive holds, so tests can check the site shows every piece of it: the ids
 * behind each list that has to run over several pages.
 */
export interface LargeArchive {
  /** Every article id. */
  articles: string[];
  /** The person named in most stories (and in no event), and the ids of those stories. */
  hotPerson: { id: string; articles: string[] };
  /** The day most stories were published on, and their ids. */
  hotDay: { day: string; articles: string[] };
  /** The event reported by many stories, each listing it first, and their ids. */
  bigEvent: { id: string; title: string; articles: string[] };
  /** Every curated event id. */
  events: string[];
  people: string[];
  corrections: number;
}

export interface LargeArchiveOptions {
  /** Stories about nothing in particular but the hot person and one of the many people. */
  stories?: number;
  /** Of those, published on the hot day. */
  hotDayStories?: number;
  /** Stories reporting the big event. */
  eventStories?: number;
  /** Small curated events, one story each. */
  smallEvents?: number;
  /** Registry people besides the hot person. */
  people?: number;
  /** Stories with a correction. */
  corrections?: number;
}

const DEFAULTS: Required<LargeArchiveOptions> = {
  stories: 200,
  hotDayStories: 90,
  eventStories: 120,
  smallEvents: 110,
  people: 150,
  corrections: 105,
};

/**
 * Writes a content folder big enough that every list which grows with the archive runs over
 * several pages: one person in most stories, one day with many stories, one event reported by
 * many, more people and events than an index page holds. Deterministic, short texts (so extraction
 * is quick and finds little of its own); the front matter says who and what each story is about.
 */
export async function writeLargeArchive(contentDir: string, options: LargeArchiveOptions = {}): Promise<LargeArchive> {
  const settings = { ...DEFAULTS, ...options };
  for (const folder of ['articles', 'people', 'places', 'organizations', 'events']) await mkdir(path.join(contentDir, folder), { recursive: true });

  const people = Array.from({ length: settings.people }, (_, index) => `person-${String(index).padStart(3, '0')}`);
  for (const id of people) await writeFile(path.join(contentDir, 'people', `${id}.md`), `---\nname: Person ${id.slice(7)}\n---\n`);
  await writeFile(path.join(contentDir, 'people', 'ada-often.md'), '---\nname: Ada Often\ndescription: In most of the stories.\n---\n');
  await writeFile(path.join(contentDir, 'places', 'kyiv.md'), '---\nname: Kyiv\naliases: [Kiev]\n---\n');
  await writeFile(path.join(contentDir, 'organizations', 'the-league.md'), '---\nname: The League\n---\n');

  const bigEvent = { id: 'big-summit', title: 'The big summit in Kyiv', articles: [] as string[] };
  await writeFile(
    path.join(contentDir, 'events', `${bigEvent.id}.md`),
    `---\ntitle: ${bigEvent.title}\ndate: 2023-06-15\nplaces: [kyiv]\norganizations: [the-league]\n---\nLeaders met in Kyiv.\n`,
  );
  const events = [bigEvent.id];
  const articles: string[] = [];
  const hotPerson = { id: 'ada-often', articles: [] as string[] };
  const hotDay = { day: '2024-05-10', articles: [] as string[] };
  let corrections = 0;

  const article = async (id: string, day: string, fields: { people?: string[]; places?: string[]; events?: string[]; source: string; correction?: boolean; body?: string }) => {
    const correction = fields.correction ? `corrections:\n  - date: ${nextDay(day)}\n    text: An earlier version gave the wrong figure.\n` : '';
    if (fields.correction) corrections += 1;
    await writeFile(
      path.join(contentDir, 'articles', `${id}.md`),
      [
        '---',
        `title: Story ${id}`,
        `date: ${day}`,
        `source:\n  name: ${fields.source}\n  url: https://example.org/${id}`,
        `summary: A short summary of story ${id}.`,
        `people: [${(fields.people ?? []).join(', ')}]`,
        `places: [${(fields.places ?? []).join(', ')}]`,
        `events: [${(fields.events ?? []).join(', ')}]`,
        correction.trimEnd(),
        '---',
        fields.body ?? `Story ${id} in a few words.`,
        '',
      ].filter((line) => line !== '').join('\n'),
    );
    articles.push(id);
  };

  for (let index = 0; index < settings.stories; index += 1) {
    const id = `story-${String(index).padStart(4, '0')}`;
    const day = index < settings.hotDayStories ? hotDay.day : dayOf(index);
    await article(id, day, { people: ['ada-often', people[index % people.length]!], source: `Gazette ${index % 7}`, correction: index < settings.corrections });
    hotPerson.articles.push(id);
    if (day === hotDay.day) hotDay.articles.push(id);
  }
  for (let index = 0; index < settings.eventStories; index += 1) {
    const id = `summit-${String(index).padStart(4, '0')}`;
    // Each from its own publisher, half spelling the town one way and giving one date, half the
    // other: many sources on each side of each point where they differ.
    const body = index % 2 === 0 ? 'The League met in Kyiv on 15 June 2023, the agency said.' : 'The League met in Kiev on 14 June 2023, the agency said.';
    await article(id, '2023-06-16', { places: ['kyiv'], events: [bigEvent.id], source: `Wire ${index}`, body });
    bigEvent.articles.push(id);
  }
  for (let index = 0; index < settings.smallEvents; index += 1) {
    const id = `small-event-${String(index).padStart(3, '0')}`;
    const day = dayOf(index * 2 + 1);
    await writeFile(path.join(contentDir, 'events', `${id}.md`), `---\ntitle: Small event ${index}\ndate: ${day}\npeople: [${people[(index * 3) % people.length]}]\n---\n`);
    events.push(id);
    await article(`report-${String(index).padStart(3, '0')}`, day, { people: [people[(index * 3) % people.length]!], events: [id], source: 'Daily Report' });
  }
  return { articles, hotPerson, hotDay, bigEvent, events, people: [...people, hotPerson.id], corrections };
}

/** Days spread over 2019–2024, one a little over every week, so the calendar has many days and years. */
function dayOf(index: number): string {
  const date = new Date(Date.UTC(2019, 0, 1) + index * 8 * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
