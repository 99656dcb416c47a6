/*
 * Splitting a list that grows with the archive over numbered pages, so no page grows with it. Page 1
 * keeps the list's own address; later pages live under it at `page/2/`, `page/3/`, … — stable
 * addresses that depend only on the list and the page size.
 */

/** How many items each kind of list shows on one page; sized so a page stays well under 200 KB. */
export const PAGE_SIZE = {
  /** Timeline entries on the home, year, month and entity pages. */
  timeline: 40,
  /** Stories on an event page. */
  eventStories: 50,
  /** Events, stories and mentions on a day page. */
  day: 40,
  /** Cards on the events index and the people, organizations and places indexes. */
  cards: 100,
  /** Years of a calendar day on "On this day". */
  calendarRows: 80,
  corrections: 100,
} as const;

/** Where one page of a list is, and how many there are: all a pager needs. */
export interface PageNumbering {
  /** 1-based. */
  number: number;
  count: number;
  /** The address of page 1, ending in "/". */
  base: string;
}

export interface Paged<T> extends PageNumbering {
  items: readonly T[];
  /** Index in the whole list of this page's first item, to number items across pages. */
  offset: number;
}

export function pageUrl(base: string, number: number): string {
  return number <= 1 ? base : `${base}page/${number}/`;
}

/** The pages of a list: always at least one, so an empty list still has its page saying so. */
export function paginate<T>(items: readonly T[], size: number, base: string): Array<Paged<T>> {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    count,
    base,
    offset: index * size,
    items: items.slice(index * size, (index + 1) * size),
  }));
}

/** ", page 2 of 7" for page titles, so every page of a list has its own; nothing on page 1. */
export function pageSuffix(page: PageNumbering): string {
  return page.number > 1 ? `, page ${page.number} of ${page.count}` : '';
}
