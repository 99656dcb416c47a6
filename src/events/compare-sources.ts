import { distance } from 'fastest-levenshtein';
import type { Article, Disagreement, Event } from '../content/schemas.ts';
import type { ArticleEvidence } from '../extract/extract-records.ts';

type Reading = Disagreement['readings'][number];

/**
 * Where an event's sources do not agree: the date they give it, how they spell the names of its
 * people, organizations and places, and the figures they report. Only differences between
 * stories count; one story using two forms is its own business.
 */
export function compareSources(
  event: Event,
  articles: ReadonlyMap<string, Article>,
  evidence: ReadonlyMap<string, ArticleEvidence>,
): Disagreement[] {
  if (event.reports.length < 2) return [];
  return [...dateDisagreement(event), ...spellingDisagreements(event, evidence), ...figureDisagreements(event, articles, evidence)];
}

/** Day-precise dates for a day-precise event (month-wide claims agree with every day of their month). */
function dateDisagreement(event: Event): Disagreement[] {
  const readings = new Map<string, Reading>();
  for (const report of event.reports) {
    for (const claim of report.claims) {
      if (claim.precision !== (event.precision === 'day' ? 'day' : 'month')) continue;
      const reading = readings.get(claim.date) ?? { value: claim.date, sources: [] };
      // Claims are already one per wording and story (see reportsOf).
      reading.sources.push({ article: report.article, text: claim.text });
      readings.set(claim.date, reading);
    }
  }
  const sorted = [...readings.values()].sort((a, b) => a.value.localeCompare(b.value));
  return storiesDisagree(sorted) ? [{ kind: 'date', subject: 'date', readings: sorted }] : [];
}

/** "Kiev" and "Kyiv", "Sergei" and "Sergey": forms close enough to be one name spelled two ways. */
function spellingDisagreements(event: Event, evidence: ReadonlyMap<string, ArticleEvidence>): Disagreement[] {
  const keys = [
    ...event.places.map((id) => `place:${id}`),
    ...event.people.map((id) => `person:${id}`),
    ...event.organizations.map((id) => `organization:${id}`),
  ];
  // One pass over the stories, each giving its own few names, gathers the stories per form of
  // every name of the event: an event with thousands of stories has only a few forms to compare.
  const wanted = new Set(keys);
  const formsOf = new Map<string, Map<string, string[]>>();
  for (const report of event.reports) {
    for (const [key, forms] of evidence.get(report.article)?.forms ?? []) {
      if (!wanted.has(key)) continue;
      let byForm = formsOf.get(key);
      if (!byForm) formsOf.set(key, (byForm = new Map()));
      for (const form of forms) {
        const stories = byForm.get(form);
        if (stories) stories.push(report.article);
        else byForm.set(form, [report.article]);
      }
    }
  }
  const found: Disagreement[] = [];
  for (const key of keys) {
    const byForm = formsOf.get(key);
    // Most names are written one way by every story, and need no more.
    if (!byForm || byForm.size < 2) continue;
    const readings = [...byForm.entries()].map(([form, stories]): Reading => ({ value: form, sources: stories.map((article) => ({ article, text: form })) }));
    for (const group of variantGroups(readings)) {
      if (storiesDisagree(group)) found.push({ kind: 'spelling', subject: key, readings: group });
    }
  }
  return found;
}

/** Groups forms that differ by a letter or two, not names that differ in words ("Russia", "Russian Federation"). */
function variantGroups(readings: readonly Reading[]): Reading[][] {
  const close = (a: string, b: string) => {
    if (a.toLowerCase() === b.toLowerCase()) return false;
    const edits = distance(a, b);
    return edits <= 2 && edits <= Math.max(2, Math.floor(Math.max(a.length, b.length) / 5)) && a.split(' ').length === b.split(' ').length;
  };
  const groups: Reading[][] = [];
  for (const reading of readings) {
    const group = groups.find((members) => members.some((member) => close(member.value, reading.value)));
    if (group) group.push(reading);
    else groups.push([reading]);
  }
  return groups.map((group) => group.sort((a, b) => a.value.localeCompare(b.value)));
}

/** The same thing counted differently: "three staff members" in one story, "four staff members" in another. */
function figureDisagreements(
  event: Event,
  articles: ReadonlyMap<string, Article>,
  evidence: ReadonlyMap<string, ArticleEvidence>,
): Disagreement[] {
  const byNoun = new Map<string, Map<number, Reading>>();
  // Only stories about the event: a story mentioning it in passing gives figures about its own subject.
  for (const report of event.reports) {
    if (!articles.has(report.article) || report.role !== 'main') continue;
    for (const figure of evidence.get(report.article)?.figures ?? []) {
      const values = byNoun.get(figure.noun) ?? new Map<number, Reading>();
      const reading = values.get(figure.value) ?? { value: String(figure.value), sources: [] };
      // Stories are read one after another, so a story's repeats of a figure are adjacent.
      if (reading.sources.at(-1)?.article !== report.article) reading.sources.push({ article: report.article, text: figure.text });
      values.set(figure.value, reading);
      byNoun.set(figure.noun, values);
    }
  }
  const found: Disagreement[] = [];
  for (const [noun, values] of [...byNoun.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const readings = [...values.entries()].sort((a, b) => a[0] - b[0]).map(([, reading]) => reading);
    if (storiesDisagree(readings)) found.push({ kind: 'figure', subject: noun, readings });
  }
  return found;
}

/**
 * Two stories disagree when they have no reading in common. A story giving two versions while
 * another gives one of them is not a disagreement between sources.
 */
function storiesDisagree(readings: readonly Reading[]): boolean {
  const byStory = new Map<string, Set<string>>();
  for (const reading of readings) {
    for (const source of reading.sources) byStory.set(source.article, (byStory.get(source.article) ?? new Set()).add(reading.value));
  }
  // Stories with the same versions need comparing once: an event with hundreds of stories has only a few distinct sets.
  const distinct = new Map([...byStory.values()].map((set) => [[...set].sort().join('\u0000'), set]));
  const sets = [...distinct.values()];
  return sets.some((a, i) => sets.slice(i + 1).some((b) => ![...a].some((value) => b.has(value))));
}
