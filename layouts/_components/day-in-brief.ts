import type { DayGroup } from '../../src/archive/archive.ts';
import { articleUrl, dayUrl, eventUrl } from '../../src/archive/urls.ts';
import { formatDay } from '../../src/render/format.ts';
import { html, type SafeHtml } from '../../src/render/html.ts';
import { commaList } from './links.ts';

/** Titles named for a day in a list of days; the day's own page has the rest. */
const TITLES_PER_DAY = 3;

/**
 * A day in one line, for lists of days ("on this day"): a link to it, its first events and stories,
 * and how many more its page has. A day with thousands of stories takes no more room than one with two.
 */
export function dayInBrief(day: DayGroup, label: string): SafeHtml {
  const titles = [
    ...day.events.slice(0, TITLES_PER_DAY).map((event) => html`<a href="${eventUrl(event.id)}">${event.title}</a> <span class="day-brief__kind">(event)</span>`),
    ...day.published.slice(0, TITLES_PER_DAY).map((article) => html`<a href="${articleUrl(article.id)}">${article.title}</a> <span class="day-brief__kind">(${article.source.name})</span>`),
  ].slice(0, TITLES_PER_DAY);
  const more = day.events.length + day.published.length - titles.length;
  return html`<a href="${dayUrl(day.day)}">${label}</a>: ${commaList(titles)}${more > 0 ? html`, <a class="day-brief__more" href="${dayUrl(day.day)}">and ${more} more<span class="visually-hidden"> on ${formatDay(day.day)}</span></a>` : ''}`;
}
