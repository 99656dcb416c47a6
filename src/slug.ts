import slugify from 'slugify';

/**
 * The one way ids and URL segments are made from names: lower-case ASCII, transliterated
 * ("Sinirlioğlu" → "sinirlioglu"), so ids stay stable across builds and machines.
 */
export function toSlug(text: string): string {
  return slugify(text, { lower: true, strict: true, trim: true });
}

export function isSlug(text: string): boolean {
  return text.length > 0 && toSlug(text) === text;
}
