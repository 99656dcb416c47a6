/** A word of the text, with where it stands and the folded form used for matching. */
export interface Token {
  /** As written. */
  text: string;
  /** Lower-case, without diacritics ("Sinirlioğlu" → "sinirlioglu"). */
  folded: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Words split at spaces, hyphens and apostrophes, so "Lavrov's", "Cassis'", "l'OSCE" and
 * "OSZE-Generalsekretär" all expose the name inside them.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    tokens.push({ text: match[0], folded: fold(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}

export function fold(text: string): string {
  // Most words are plain ASCII, which has nothing to decompose: every word of every article is folded.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/ı/g, 'i').toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;

export function foldedWords(text: string): string[] {
  return tokenize(text).map((token) => token.folded);
}

/** Whether a word starts with a capital letter; asked of every word of every article, so ASCII is answered without a regular expression. */
export function startsUpperCase(text: string): boolean {
  const code = text.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : UPPER_START.test(text);
}

const UPPER_START = /^\p{Lu}/u;

/** "OSCE", "EDA", "UN": short all-capital names, which must match in capitals ("un" is a French word). */
export function isAcronym(text: string): boolean {
  return /^[\p{Lu}\p{N}]{2,6}$/u.test(text.replace(/[.\s-]/g, '')) && text.replace(/[^\p{L}]/gu, '').length >= 2;
}

/**
 * Markdown to the plain text extraction reads: link targets, images, emphasis markers and HTML tags
 * go; the words stay where they were so offsets keep their meaning line by line.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[*_`#>]+/g, ' ');
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Sentences by the platform's own Unicode segmenter (Intl.Segmenter knows abbreviations and
 * quotes better than a regular expression would); a line break always ends a sentence, since
 * headlines and list items carry no full stop.
 */
const segmenters = new Map<string, Intl.Segmenter>();

export function sentences(text: string, language: string): Span[] {
  let segmenter = segmenters.get(language);
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })));
  const spans: Span[] = [];
  let carried: number | undefined;
  for (const { segment, index: at } of segmenter.segment(text)) {
    // The segmenter ends a sentence at a middle initial ("Feridun H. Sinirlioğlu wrapped up…") and
    // at a German ordinal date ("am 6. Februar 2026 in Moskau").
    const index = carried ?? at;
    carried = undefined;
    if (/(^|\s)(\p{Lu}|\d{1,2})\.\s*$/u.test(segment) && !segment.includes('\n')) {
      carried = index;
      continue;
    }
    const whole = text.slice(index, at + segment.length);
    let start = index;
    for (const line of whole.split('\n')) {
      const trimmedStart = start + (line.length - line.trimStart().length);
      const end = start + line.trimEnd().length;
      if (end > trimmedStart) spans.push({ start: trimmedStart, end });
      start += line.length + 1;
    }
  }
  if (carried !== undefined && text.slice(carried).trim()) spans.push({ start: carried, end: text.trimEnd().length });
  return spans;
}
