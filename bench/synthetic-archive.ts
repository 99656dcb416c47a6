import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toSlug } from '../src/slug.ts';

/**
 * A deterministic synthetic archive for benchmarks, written as a content folder an editor could
 * have written: a seeded generator, so every run measures the same text. A registry of 2,000
 * people, organizations and places; articles of 300–900 words naming 3–15 of them, dated over
 * 20 years, 5% in French or German, with dates written the ways wire copy writes them.
 */
export interface SyntheticArchive {
  articles: number;
  entities: number;
  words: number;
  bytes: number;
  /** Every article file, relative to the content folder, in generation order. */
  articleFiles: string[];
}

type Language = 'en' | 'fr' | 'de';

export async function writeSyntheticArchive(contentDir: string, count: number, seed = 42): Promise<SyntheticArchive> {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const folders = { person: 'people', organization: 'organizations', place: 'places' } as const;
  const kinds = ['person', 'organization', 'place'] as const;
  const entities: { kind: (typeof kinds)[number]; name: string }[] = [];
  for (let i = 0; i < 2000; i++) {
    const kind = kinds[i % 3]!;
    const name = kind === 'person' ? `${pick(FIRST)} ${pick(LAST)}${i}` : kind === 'organization' ? `${pick(ORG)} ${pick(LAST)}${i}` : `${pick(PLACE)}${i}`;
    entities.push({ kind, name });
  }
  const places = entities.filter((entity) => entity.kind === 'place').slice(0, 40);
  let bytes = 0;
  const write = async (relative: string, text: string) => {
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(contentDir, relative), text);
  };

  for (const folder of [...Object.values(folders), 'articles']) await mkdir(path.join(contentDir, folder), { recursive: true });
  for (const entity of entities) {
    await write(`${folders[entity.kind]}/${toSlug(entity.name)}.md`, `---\nname: ${JSON.stringify(entity.name)}\n---\n${entity.name} appears in the benchmark archive.\n`);
  }

  let words = 0;
  const articleFiles: string[] = [];
  const years = new Set<number>();
  for (let i = 0; i < count; i++) {
    const roll = random();
    const language: Language = roll < 0.025 ? 'fr' : roll < 0.05 ? 'de' : 'en';
    const phrases = PHRASES[language];
    const year = 2006 + Math.floor(random() * 20);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const date = `${year}-${pad(month)}-${pad(day)}`;
    const sentences: string[] = [];
    let articleWords = 0;
    const target = 300 + Math.floor(random() * 601);
    const mentions = 3 + Math.floor(random() * 13);
    for (let m = 0; articleWords < target; m++) {
      const name = m < mentions ? pick(entities).name : pick(phrases.fillerNames);
      // Half the sentences say where, so dated sentences with a place and a participant form events.
      const where = random() < 0.5 ? ` ${phrases.in} ${pick(places).name}` : '';
      // An absolute date a few days before publication, as agencies write it.
      const when = random() < 0.2 ? phrases.date(Math.max(1, day - Math.floor(random() * 4)), month, year) : pick(phrases.when);
      const sentence = `${pick(phrases.openers)} ${name} ${pick(phrases.verbs)} ${when}${where} ${pick(phrases.filler)}.`;
      sentences.push(sentence);
      articleWords += sentence.split(' ').length;
    }
    const paragraphs: string[] = [];
    for (let p = 0; p < sentences.length; p += 4) paragraphs.push(sentences.slice(p, p + 4).join(' '));
    const file = `articles/${year}/report-${i}.md`;
    if (!years.has(year)) {
      await mkdir(path.join(contentDir, 'articles', String(year)), { recursive: true });
      years.add(year);
    }
    const frontMatter = [
      '---',
      `title: ${JSON.stringify(`${phrases.report} ${i}: ${pick(entities).name}`)}`,
      `date: ${date}`,
      `source:\n  name: ${pick(SOURCES)}\n  url: https://news.example/${year}/${i}`,
      `language: ${language}`,
      '---',
    ].join('\n');
    await write(file, `${frontMatter}\n${paragraphs.join('\n\n')}\n`);
    articleFiles.push(file);
    words += articleWords;
  }
  return { articles: count, entities: entities.length, words, bytes, articleFiles };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
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
const SOURCES = ['Wire', 'Gazette', 'Courier', 'Herald', 'Dispatch'];
const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

interface Phrases {
  report: string;
  in: string;
  date: (day: number, month: number, year: number) => string;
  openers: string[];
  verbs: string[];
  when: string[];
  fillerNames: string[];
  filler: string[];
}

const PHRASES: Record<Language, Phrases> = {
  en: {
    report: 'Report',
    in: 'in',
    date: (day, month, year) => `on ${day} ${MONTHS.en[month - 1]} ${year}`,
    openers: ['According to reports,', 'On the sidelines,', 'Separately,', 'Earlier,', 'In a statement,'],
    verbs: ['met partners', 'said the talks were useful', 'announced new measures', 'called for restraint', 'visited the region'],
    when: ['on Monday', 'last Thursday', 'in January', 'nearly four years ago', 'yesterday', 'this week'],
    fillerNames: ['the minister', 'the delegation', 'officials', 'the committee', 'the spokesperson'],
    filler: [
      'while negotiators continued to discuss the remaining open questions in detail',
      'and the parties agreed to meet again before the end of the year',
      'as observers noted the significance of the gesture for the wider region',
      'although no concrete agreement was announced after the meeting',
    ],
  },
  fr: {
    report: 'Rapport',
    in: 'à',
    date: (day, month, year) => `le ${day} ${MONTHS.fr[month - 1]} ${year}`,
    openers: ['Selon des sources,', 'En marge,', 'Par ailleurs,', 'Plus tôt,', 'Dans un communiqué,'],
    verbs: ['a rencontré des partenaires', 'a jugé les discussions utiles', 'a annoncé de nouvelles mesures', 'a appelé à la retenue'],
    when: ['lundi', 'jeudi dernier', 'en janvier', 'hier', 'cette semaine'],
    fillerNames: ['le ministre', 'la délégation', 'les responsables', 'le comité'],
    filler: [
      'tandis que les négociateurs poursuivaient les discussions sur les questions ouvertes',
      'et les parties ont convenu de se revoir avant la fin de l’année',
      'alors que les observateurs soulignaient la portée du geste pour la région',
    ],
  },
  de: {
    report: 'Bericht',
    in: 'in',
    date: (day, month, year) => `am ${day}. ${MONTHS.de[month - 1]} ${year}`,
    openers: ['Laut Berichten', 'Am Rande', 'Unabhängig davon', 'Zuvor', 'In einer Erklärung'],
    verbs: ['traf Partner', 'nannte die Gespräche nützlich', 'kündigte neue Massnahmen an', 'rief zur Zurückhaltung auf'],
    when: ['am Montag', 'letzten Donnerstag', 'im Januar', 'gestern', 'diese Woche'],
    fillerNames: ['der Minister', 'die Delegation', 'die Behörden', 'der Ausschuss'],
    filler: [
      'während die Unterhändler die offenen Fragen weiter besprachen',
      'und die Parteien vereinbarten ein weiteres Treffen vor Jahresende',
      'als Beobachter die Bedeutung der Geste für die Region hervorhoben',
    ],
  },
};
