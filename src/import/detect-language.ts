import { franc } from 'franc-min';

/** The languages the archive reads, as franc's ISO 639-3 codes → our two-letter codes. */
const LANGUAGES = { eng: 'en', fra: 'fr', deu: 'de', ita: 'it' } as const;

/** en, fr, de or it by franc's trigram model; undefined when the text is too short or unclear to tell. */
export function detectLanguage(text: string): string | undefined {
  const code = franc(text, { only: Object.keys(LANGUAGES), minLength: 20 });
  return code in LANGUAGES ? LANGUAGES[code as keyof typeof LANGUAGES] : undefined;
}
