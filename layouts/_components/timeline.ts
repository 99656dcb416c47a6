import type { Archive, MonthGroup } from '../../src/archive/archive.ts';
import { articleUrl, dayUrl, monthUrl } from '../../src/archive/urls.ts';
import type { Article } from '../../src/content/schemas.ts';
import { formatShortDay, formatShortDayWithYear, monthName } from '../../src/render/format.ts';
import { html, type SafeHtml } from '../../src/render/html.ts';
import { commaList, entityLink } from './links.ts';

/** One timeline entry: date, title, place, people, source. */
export type HeadingLevel = 2 | 3 | 4;

export function heading(level: HeadingLevel, className: string, content: SafeHtml): SafeHtml {
  if (level === 2) return html`<h2 class="${className}">${content}</h2>`;
  if (level === 3) return html`<h3 class="${className}">${content}</h3>`;
  return html`<h4 class="${className}">${content}</h4>`;
}

export function timelineEntry(archive: Archive, article: Article, level: HeadingLevel, dateStyle: 'short' | 'long' = 'short'): SafeHtml {
  const places = archive.entitiesIn(article, 'place');
  const people = archive.entitiesIn(article, 'person');
  return html`<li class="entry">
    <a class="entry__date" href="${dayUrl(article.day)}"><time datetime="${article.day}">${dateStyle === 'short' ? formatShortDay(article.day) : formatShortDayWithYear(article.day)}</time></a>
    <div class="entry__body">
      ${heading(level, 'entry__title', html`<a href="${articleUrl(article.id)}">${article.title}</a>`)}
      ${article.summary ? html`<p class="entry__summary">${article.summary}</p>` : ''}
      <p class="entry__meta">
        ${places.length > 0 ? html`<span class="entry__places"><span class="entry__label">Where</span> ${commaList(places.map(entityLink))}</span>` : ''}
        ${people.length > 0 ? html`<span class="entry__people"><span class="entry__label">Who</span> ${commaList(people.map(entityLink))}</span>` : ''}
        <span class="entry__source"><span class="entry__label">Source</span> ${article.source.name}</span>
      </p>
    </div>
  </li>`;
}

export function timelineList(archive: Archive, articles: readonly Article[], level: HeadingLevel, dateStyle: 'short' | 'long' = 'short'): SafeHtml {
  return html`<ol class="timeline">${articles.map((article) => timelineEntry(archive, article, level, dateStyle))}</ol>`;
}

/** A month of the timeline with its heading, linking to the month's own page. */
export function monthSection(archive: Archive, group: MonthGroup, level: 2 | 3): SafeHtml {
  const link = html`<a href="${monthUrl(group.year, group.month)}">${monthName(group.month)} ${group.year}</a>`;
  return html`<section class="month" aria-label="${monthName(group.month)} ${group.year}">
    ${heading(level, 'month__title', link)}
    ${timelineList(archive, group.articles, level === 2 ? 3 : 4)}
  </section>`;
}
