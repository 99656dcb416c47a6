/*
 * Written here because no library cleans text-only pages: readability and its kin need the HTML
 * structure (links, classes, nesting) that a saved text page no longer has. This is a line
 * classifier tuned on what scrapers and "save as text" produce from news sites: navigation lists,
 * teaser boxes, share and newsletter widgets, footers and photo credits around the article.
 */

export interface CleanedText {
  /** The article's headline, when the page has a title-like line before its first paragraph. */
  headline?: string;
  /** The article's paragraphs, quotes included, in order. */
  paragraphs: string[];
  /** Lines removed as page furniture that can still tell the date ("date 2026-02-02 …", "Published on …"). */
  removedWithDates: string[];
  /** The publisher, when a footer names it ("SWI swissinfo.ch - a branch of …", "© 2026 Example News"). */
  publisher?: string;
}

/** Footers that name the publisher. */
const PUBLISHER_LINES = [
  /^(.{2,60}?)\s+[-–—]\s+a (?:branch|part|service|unit|member) of\b/i,
  /^(?:©|copyright|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*([^,.|]{2,60}?)(?:[,.|]|\s+all rights reserved|$)/i,
];

type Kind = 'blank' | 'list' | 'label' | 'teaser-start' | 'teaser' | 'footer' | 'credit' | 'meta' | 'title' | 'paragraph';

/** Headings of boxes after which the page lists other stories, never the article. */
const TEASER_BOX = /^(popular stories|most (discussed|read|viewed|popular)|related (stories|articles|content|news)|read (more|also|next)|more (stories|from|on this)|latest (news|stories)|top stories|you may also like|recommended|trending|weitere artikel|meistgelesen|das könnte sie auch interessieren|mehr zum thema|à lire aussi|les plus lus|sur le même sujet|articoli correlati|i più letti)\b/i;
const TEASER_LINE = /^(read more|more|see also|also read|related|this content was published on|lesen sie auch|mehr:|lire aussi|à lire|leggi anche)\b/i;
const SHARE = /^(share|share this|teilen|partager|condividi|tweet|email|print|copy link|follow us|subscribe|sign up|newsletter|abonnieren|s'abonner|iscriviti)\b/i;
const FOOTER = /(all rights reserved|©|copyright|cookie (policy|settings|preferences)|we use cookies|privacy policy|terms of (use|service)|datenschutz|impressum|mentions légales|a branch of|certified by|in compliance with|report factual errors|email us at|join (us|the conversation)|ongoing debates)/i;
const CREDIT = /(\b(keystone|keystone-sda|afp|reuters|epa|ap photo|dpa|getty images|imago|ansa|sda)\s*[/)]?\s*$|^(photo|foto|bild|image|picture|credit)s?\s*[:©]|\((left|right|centre|center|l\.|r\.|links|rechts|à gauche|à droite)\)|^(a|the) (photo|picture|image) of\b)/i;
/** "Date:", "Source: …", "date 2026-02-02 …": page metadata, not prose ("By 2030, the network…" is prose). */
const META_FIELD = /^((date|datum|data)\s*:?\s*\d|(date|datum|data|place|ort|lieu|luogo|source|quelle|fonte|author|autor|auteur|autore|published|veröffentlicht|publié|pubblicato|updated|aktualisiert|mis à jour|by|von|par|di)\s*:|(date|datum|place|ort|lieu|source|quelle|author|autor|auteur)$)/i;
const TERMINAL = /[.!?…"”»«’')]$/;

export function cleanText(text: string): CleanedText {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    // "tweetedExternal link a photo": the label of a link icon, glued to the word before it.
    .map((line) => line.replace(/External link\b/g, '').replace(/\s+/g, ' ').trim());
  const kinds = lines.map(classify);
  // Everything after a teaser box heading is other stories and the page footer.
  const boxStart = kinds.findIndex((kind, index) => kind === 'teaser-start' && hasParagraphBefore(kinds, index));
  const end = boxStart >= 0 ? boxStart : lines.length;

  const paragraphs: string[] = [];
  const removedWithDates: string[] = [];
  let headline: string | undefined;
  let headlineCandidate: string | undefined;
  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    const kind = kinds[i]!;
    if (kind === 'paragraph') {
      if (!headline && paragraphs.length === 0) headline = headlineCandidate;
      paragraphs.push(line);
      continue;
    }
    if (kind === 'title' && paragraphs.length === 0) {
      // The last title-like line before the first paragraph: a site's slogan comes earlier.
      headlineCandidate = line;
      continue;
    }
    if (kind === 'title' && paragraphs.length > 0) {
      // A question in the body is prose ("Why does this matter?"); other title-like lines are subheadings or caption labels.
      if (/\?["”»’)]?$/.test(line)) paragraphs.push(line);
      continue;
    }
    if (/\d{4}|\b\d{1,2}\.? ?[A-Za-zä]{3,}\b/.test(line) && (kind === 'credit' || kind === 'meta' || kind === 'list')) removedWithDates.push(line);
  }
  const publisher = lines.map((line) => PUBLISHER_LINES.map((pattern) => pattern.exec(line)?.[1]?.trim()).find(Boolean)).find(Boolean);
  return { ...(headline ? { headline } : {}), paragraphs, removedWithDates, ...(publisher ? { publisher } : {}) };
}

function classify(line: string): Kind {
  if (!line) return 'blank';
  if (/^[-–•*·]\s*/.test(line) && wordCount(line) <= 14) return 'list';
  if (/^[-–•*·]$/.test(line)) return 'list';
  if (META_FIELD.test(line)) return 'meta';
  if (TEASER_BOX.test(line) && wordCount(line) <= 4) return 'teaser-start';
  // "Read more: …", "More", "Related: …": short lines; "More than 200 volunteers answered…" is prose.
  if (TEASER_LINE.test(line) && (wordCount(line) <= 2 || /^[^:]{1,30}:/.test(line) || /^this content was published on/i.test(line))) return 'teaser';
  if (SHARE.test(line) && wordCount(line) <= 6) return 'teaser';
  if (FOOTER.test(line) && wordCount(line) <= 30) return 'footer';
  if (CREDIT.test(line)) return 'credit';
  const words = wordCount(line);
  if (words <= 3 && !TERMINAL.test(line)) return 'label';
  // A question can be a headline ("Will night trains to Rome survive?"); the loop keeps one in the body as prose.
  if (words <= 30 && (!/[.!?…]["”»’)]?$/.test(line) || (/\?["”»’)]?$/.test(line) && words <= 16))) return 'title';
  return words >= 8 || TERMINAL.test(line) ? 'paragraph' : 'label';
}

function hasParagraphBefore(kinds: readonly Kind[], index: number): boolean {
  return kinds.slice(0, index).includes('paragraph');
}

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}
