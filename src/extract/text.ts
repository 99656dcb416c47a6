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
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/ı/g, 'i').toLowerCase();
}

export function foldedWords(text: string): string[] {
  return tokenize(text).map((token) => token.folded);
}

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
