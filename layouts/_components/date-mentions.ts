import type { Archive } from '../../src/archive/archive.ts';
import { dayUrl, monthUrl, yearUrl } from '../../src/archive/urls.ts';
import type { Article, DateMention } from '../../src/content/schemas.ts';
import { formatDay, formatMonth } from '../../src/render/format.ts';
import { html, type SafeHtml } from '../../src/render/html.ts';

const METHOD: Record<DateMention['method'], string> = {
  explicit: 'as written',
  relative: 'counted from the publication date',
  'inferred-year': 'year inferred from the publication date',
  duration: 'a span of time',
};

/** The dates a story mentions, each resolved and linked to its day, month or year page when there is one. */
export function dateMentions(archive: Archive, article: Article): SafeHtml {
  if (article.dates.length === 0) return html``;
  // The same words for the same date ("on Thursday" twice) are listed once.
  const seen = new Set<string>();
  const distinct = article.dates.filter((mention) => !seen.has(`${mention.text.toLowerCase()}|${mention.date}`) && seen.add(`${mention.text.toLowerCase()}|${mention.date}`));
  return html`<section class="aside-box">
    <h2>Dates in this story</h2>
    <ul class="plain-list">${distinct.map((mention) => html`<li>
      “${mention.text}” → ${resolved(archive, mention)}
      <span class="muted">${METHOD[mention.method]}</span>
    </li>`)}</ul>
  </section>`;
}

function resolved(archive: Archive, mention: DateMention): SafeHtml {
  const [year = '', month = ''] = mention.date.split('-');
  if (mention.precision === 'day') return html`<a href="${dayUrl(mention.date)}"><time datetime="${mention.date}">${formatDay(mention.date)}</time></a>`;
  if (mention.precision === 'month') {
    const label = html`<time datetime="${mention.date}">${formatMonth(year, month)}</time>`;
    return archive.hasMonth(year, month) ? html`<a href="${monthUrl(year, month)}">${label}</a>` : label;
  }
  if (mention.precision === 'year') {
    const label = html`<time datetime="${year}">${year}</time>`;
    return archive.hasYear(year) ? html`<a href="${yearUrl(year)}">${label}</a>` : label;
  }
  return html`<span>${mention.date.replace(/^P(\d+)([YMWD])$/, (_m, n: string, unit: string) => `${n} ${({ Y: 'years', M: 'months', W: 'weeks', D: 'days' } as Record<string, string>)[unit] ?? unit}`)}</span>`;
}
