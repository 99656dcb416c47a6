import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { buildArchive } from '../archive/build-archive.ts';
import { hasErrors } from '../content/diagnostic.ts';
import { loadContent } from '../content/load-content.ts';
import { KIND_OF_FIELD, type Entity, type EntityKind } from '../content/schemas.ts';
import { toSlug } from '../slug.ts';
import { extractRecords } from './extract-records.ts';

/** Hand annotations of a gold set: per article, the entities by canonical name and the resolved dates. */
export const goldSchema = z.record(
  z.string(),
  z.object({
    people: z.array(z.string()),
    organizations: z.array(z.string()),
    places: z.array(z.string()),
    dates: z.array(z.object({ text: z.string(), date: z.string(), precision: z.enum(['day', 'month', 'year', 'duration']) })),
  }),
);

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export type ScoreType = 'people' | 'organizations' | 'places' | 'dates';

export interface Evaluation {
  scores: Record<ScoreType, Score>;
  /** What went wrong, per article, to guide work on the extractor. */
  errors: Array<{ article: string; type: ScoreType; missed: string[]; spurious: string[] }>;
}

const KIND: Record<Exclude<ScoreType, 'dates'>, EntityKind> = KIND_OF_FIELD;

/** Extracts a gold content folder (articles without hand-written references) and scores it against `gold.json`. */
export async function evaluateGold(folder: string): Promise<Evaluation> {
  const gold = goldSchema.parse(JSON.parse(await readFile(path.join(folder, 'gold.json'), 'utf8')));
  const { records, diagnostics } = await loadContent(folder);
  if (hasErrors(diagnostics)) throw new Error(`the gold set has content errors: ${diagnostics.map((d) => d.message).join('; ')}`);
  const { records: extracted } = await extractRecords(records);
  const archive = buildArchive(extracted);
  const counts = Object.fromEntries((['people', 'organizations', 'places', 'dates'] as const).map((type) => [type, { tp: 0, fp: 0, fn: 0 }])) as Record<ScoreType, { tp: number; fp: number; fn: number }>;
  const errors: Evaluation['errors'] = [];

  for (const [id, expected] of Object.entries(gold)) {
    const article = archive.article(id);
    if (!article) throw new Error(`gold.json names an article that is not in ${folder}: ${id}`);
    for (const type of ['people', 'organizations', 'places'] as const) {
      const found = archive.entitiesIn(article, KIND[type]);
      const { matched, missed, spurious } = compareEntities(expected[type], found);
      record(type, matched, missed, spurious);
    }
    const wanted = expected.dates.map((mention) => `${mention.date}/${mention.precision}`);
    const got = article.dates.map((mention) => `${mention.date}/${mention.precision}`);
    const { matched, missed, spurious } = compareMultisets(wanted, got);
    record('dates', matched, missed, spurious);

    function record(type: ScoreType, matched: number, missed: string[], spurious: string[]) {
      counts[type].tp += matched;
      counts[type].fn += missed.length;
      counts[type].fp += spurious.length;
      if (missed.length > 0 || spurious.length > 0) errors.push({ article: id, type, missed, spurious });
    }
  }

  const scores = Object.fromEntries(Object.entries(counts).map(([type, { tp, fp, fn }]) => [type, score(tp, fp, fn)])) as Record<ScoreType, Score>;
  return { scores, errors };
}

/** A found entity matches a gold name when the name or one of its aliases gives the same slug. */
function compareEntities(expected: readonly string[], found: readonly Entity[]) {
  const remaining = [...found];
  const missed: string[] = [];
  let matched = 0;
  for (const name of new Set(expected)) {
    const slug = toSlug(name);
    const at = remaining.findIndex((entity) => [entity.name, ...entity.aliases].some((form) => toSlug(form) === slug) || entity.id === slug);
    if (at >= 0) {
      matched++;
      remaining.splice(at, 1);
    } else {
      missed.push(name);
    }
  }
  return { matched, missed, spurious: remaining.map((entity) => entity.name) };
}

function compareMultisets(expected: readonly string[], found: readonly string[]) {
  const remaining = [...found];
  const missed: string[] = [];
  let matched = 0;
  for (const item of expected) {
    const at = remaining.indexOf(item);
    if (at >= 0) {
      matched++;
      remaining.splice(at, 1);
    } else {
      missed.push(item);
    }
  }
  return { matched, missed, spurious: remaining };
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

/** The quality targets of the extraction issue, per type. */
export const F1_TARGETS: Record<ScoreType, number> = { people: 0.9, places: 0.9, organizations: 0.85, dates: 0.85 };
