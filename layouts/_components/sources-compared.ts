import type { Archive } from '../../src/archive/archive.ts';
import { articleUrl } from '../../src/archive/urls.ts';
import type { Disagreement, Event, EventReport } from '../../src/content/schemas.ts';
import { formatDay, formatMonth, formatPublished, plural, remembered } from '../../src/render/format.ts';
import { html, type SafeHtml } from '../../src/render/html.ts';
import { commaList } from './links.ts';
import type { Paged } from './paging.ts';

/*
 * An event reported by thousands of stories must not give a page of thousands of names: each list
 * of sources is cut after a few names ("and 2,997 others"), each point after a few readings, and
 * the stories themselves are listed a page at a time.
 */
/** Sources named for one reading ("Kyiv in A, B, C and 2,997 others"). */
export const SOURCES_PER_READING = 8;
/** Readings named for one point where the sources differ. */
const READINGS_PER_POINT = 8;
/** Points where the sources differ, listed on the event page. */
const POINTS = 20;

/** One story about the event, as its role in the reports says. */
export type ReportItem = EventReport;

/**
 * "What the sources say": where the stories about the event differ (or that they agree), then the
 * stories on this page of the event, each with the date it gives in its own words. The comparison
 * is on the first page only; later pages carry on with the stories.
 */
export function sourcesCompared(archive: Archive, event: Event, reports: Paged<ReportItem>): SafeHtml {
  const main = reports.items.filter((report) => report.role === 'main');
  const mentions = reports.items.filter((report) => report.role === 'mention');
  const first = reports.number === 1;
  return html`<section class="sources" aria-labelledby="sources-title" data-pagefind-ignore>
    <h2 id="sources-title">${first ? 'What the sources say' : html`The sources <span class="page-header__page">${reports.offset + 1}–${reports.offset + reports.items.length} of ${event.reports.length}</span>`}</h2>
    ${first ? comparison(archive, event) : ''}
    ${first && reports.count > 1 ? html`<p class="muted">Stories 1–${reports.items.length} of ${event.reports.length} on this page, the main reports first; the others on the next pages.</p>` : ''}
    <div id="reports">
    ${main.length > 0 ? html`<h3>Reported by</h3>${reportList(archive, main)}` : ''}
    ${mentions.length > 0 ? html`<h3>Also mentioned in</h3>${reportList(archive, mentions)}` : ''}
    </div>
  </section>`;
}

function comparison(archive: Archive, event: Event): SafeHtml {
  if (event.reports.length === 0) return html`<p class="empty">No story in the archive reports this event yet.</p>`;
  if (event.disagreements.length > 0) {
    const more = event.disagreements.length - POINTS;
    return html`<div class="differences">
      <h3>Where they differ</h3>
      <ul class="differences__list">${event.disagreements.slice(0, POINTS).map((disagreement) => differenceItem(archive, disagreement))}</ul>
      ${more > 0 ? html`<p class="muted">and ${plural(more, 'more point', 'more points')} where they differ.</p>` : ''}
    </div>`;
  }
  const sourceNames = new Set(event.reports.flatMap((report) => archive.article(report.article)?.source.name ?? []));
  return sourceNames.size > 1
    ? html`<p class="agreement">The ${sourceNames.size} sources agree on the date, on how they write the names, and on the figures they give.</p>`
    : html`<p class="muted">One source so far: nothing to compare it with.</p>`;
}

function reportList(archive: Archive, reports: readonly EventReport[]): SafeHtml {
  return html`<ul class="reports">${reports.map((report) => {
    const article = archive.article(report.article);
    if (!article) return '';
    return html`<li>
      <p class="reports__title"><a href="${articleUrl(article.id)}">${article.title}</a></p>
      <p class="muted">${article.source.name}, published <time datetime="${article.date}">${formatPublished(article)}</time>${article.source.url ? html` · <a href="${article.source.url}" rel="noopener external">original <span aria-hidden="true">↗</span></a>` : ''}</p>
      ${report.claims.length > 0 ? html`<p class="reports__claims">Gives the date as ${commaList(report.claims.map((claim) => html`<q>${claim.text}</q> (${dateAt(claim.date, claim.precision)})`))}.</p>` : ''}
    </li>`;
  })}</ul>`;
}

/** The first few items, then how many more there are: "A, B, C and 12 others". Only those shown are rendered. */
export function firstFew<T>(items: readonly T[], limit: number, render: (item: T) => SafeHtml): SafeHtml {
  const shown = commaList(items.slice(0, limit).map(render));
  const more = items.length - limit;
  return more > 0 ? html`${shown} and ${plural(more, 'other', 'others')}` : shown;
}

function differenceItem(archive: Archive, disagreement: Disagreement): SafeHtml {
  const who = (sources: Disagreement['readings'][number]['sources']) =>
    firstFew([...new Set(sources.map((source) => source.article))], SOURCES_PER_READING, (id) => {
      const article = archive.article(id);
      const words = [...new Set(sources.filter((source) => source.article === id).map((source) => source.text))];
      return html`${article ? html`<a href="${articleUrl(id)}">${article.source.name}</a>` : id} (${commaList(words.map((text) => html`<q>${text}</q>`))})`;
    });
  const readings = (render: (reading: Disagreement['readings'][number]) => SafeHtml) => {
    const more = disagreement.readings.length - READINGS_PER_POINT;
    return html`${disagreement.readings.slice(0, READINGS_PER_POINT).map((reading, index) => html`${index > 0 ? '; ' : ''}${render(reading)}`)}${more > 0 ? html`; and ${plural(more, 'other reading', 'other readings')}` : ''}`;
  };
  if (disagreement.kind === 'date') {
    return html`<li><strong>The date.</strong> ${readings((reading) => html`<time datetime="${reading.value}">${dateAt(reading.value, reading.value.length === 7 ? 'month' : 'day')}</time> according to ${who(reading.sources)}`)}.</li>`;
  }
  if (disagreement.kind === 'spelling') {
    const [kind = '', id = ''] = disagreement.subject.split(':');
    const entity = kind === 'person' || kind === 'organization' || kind === 'place' ? archive.entity(kind, id) : undefined;
    const names = (reading: Disagreement['readings'][number]) => {
      const all = [...new Set(reading.sources.map((source) => archive.article(source.article)?.source.name ?? source.article))];
      return firstFew(all, SOURCES_PER_READING, (name) => html`${name}`);
    };
    return html`<li><strong>The spelling of ${entity?.name ?? id}.</strong> ${readings((reading) => html`<q>${reading.value}</q> in ${names(reading)}`)}.</li>`;
  }
  return html`<li><strong>How many: ${disagreement.subject}.</strong> ${readings((reading) => html`${reading.value} according to ${who(reading.sources)}`)}.</li>`;
}

/** Full dates with the weekday, since a weekday is often what two reports disagree on. */
function dateAt(date: string, precision: 'day' | 'month'): string {
  if (precision === 'month') {
    const [year = '', month = ''] = date.split('-');
    return formatMonth(year, month);
  }
  return dayWithWeekday(date);
}

const dayWithWeekday = remembered((date) => `${new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })} ${formatDay(date)}`);
