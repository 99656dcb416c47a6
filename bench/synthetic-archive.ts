import type { Article, Entity, EntityKind } from '../src/content/schemas.ts';

/**
 * A deterministic synthetic archive for benchmarks: a seeded generator, so every run measures the
 * same text. Articles mix registry names, unregistered names, dates and filler prose.
 */
export function syntheticArchive(count: number, seed = 42): { articles: Article[]; entities: Entity[] } {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const entities: Entity[] = [];
  const kinds: EntityKind[] = ['person', 'organization', 'place'];
  for (let i = 0; i < 2000; i++) {
    const kind = kinds[i % 3]!;
    const name = kind === 'person' ? `${pick(FIRST)} ${pick(LAST)}${i}` : kind === 'organization' ? `${pick(ORG)} ${pick(LAST)}${i}` : `${pick(PLACE)}${i}`;
    entities.push({ id: `e${i}`, kind, file: null, name, aliases: [], description: '', roles: [], country: null, wikidata: null, bioHtml: '', curated: true });
  }
  const places = entities.filter((entity) => entity.kind === 'place').slice(0, 40);
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const language = random() < 0.05 ? pick(['fr', 'de']) : 'en';
    const year = 2006 + Math.floor(random() * 20);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00:00+01:00`;
    const paragraphs: string[] = [];
    let words = 0;
    const target = 300 + Math.floor(random() * 600);
    const mentions = 3 + Math.floor(random() * 13);
    for (let m = 0; words < target; m++) {
      const name = m < mentions ? pick(entities).name : pick(FILLER_NAMES);
      // Half the sentences say where, so dated sentences with a place and a participant form events.
      const where = random() < 0.5 ? ` in ${pick(places).name}` : '';
      const sentence = `${pick(OPENERS)} ${name} ${pick(VERBS)} ${pick(WHEN)}${where} ${pick(FILLER)}.`;
      paragraphs.push(sentence);
      words += sentence.split(' ').length;
    }
    const body = paragraphs.join(' ').replace(/((?:[^.]+\.){4})/g, '$1\n\n');
    articles.push({
      id: `a${i}`, file: `content/articles/a${i}.md`, title: `Report ${i} on ${pick(entities).name}`, date, day: date.slice(0, 10),
      source: { name: pick(['Wire', 'Gazette', 'Courier']), url: null }, language, summary: '', tags: [], body, bodyHtml: '',
      people: [], organizations: [], places: [], events: [], dates: [],
    });
  }
  return { articles, entities };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Anna', 'Marc', 'Laura', 'Peter', 'Sofia', 'Luca', 'Elena', 'Jonas'];
const LAST = ['Meier', 'Rossi', 'Dubois', 'Keller', 'Novak', 'Berg', 'Costa', 'Weber'];
const ORG = ['Council of', 'Bank of', 'Union of', 'Foundation'];
const PLACE = ['Lakeside', 'Hilltop', 'Riverton', 'Northport'];
const FILLER_NAMES = ['the minister', 'the delegation', 'officials', 'the committee', 'the spokesperson'];
const OPENERS = ['According to reports,', 'On the sidelines,', 'Separately,', 'Earlier,', 'In a statement,'];
const VERBS = ['met partners', 'said the talks were useful', 'announced new measures', 'called for restraint', 'visited the region'];
const WHEN = ['on Monday', 'last Thursday', 'in January', 'on 6 February 2026', 'nearly four years ago', 'yesterday', 'this week'];
const FILLER = [
  'while negotiators continued to discuss the remaining open questions in detail',
  'and the parties agreed to meet again before the end of the year',
  'as observers noted the significance of the gesture for the wider region',
  'although no concrete agreement was announced after the meeting',
];
