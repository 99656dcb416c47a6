import type { Archive } from '../../src/archive/archive.ts';
import { articleUrl } from '../../src/archive/urls.ts';
import type { Disagreement, Event, EventReport } from '../../src/content/schemas.ts';
import { formatDay, formatMonth, formatPublished } from '../../src/render/format.ts';
import { html, type SafeHtml } from '../../src/render/html.ts';
import { commaList } from './links.ts';

/**
 * "What the sources say": every story about the event with the date it gives in its own words,
 * then each point where the stories differ.
 */
export function sourcesCompared(archive: Archive, event: Event): SafeHtml {
  const main = event.reports.filter((report) => report.role === 'main');
  const mentions = event.reports.filter((report) => report.role === 'mention');
  const sourceNames = new Set(event.reports.flatMap((report) => archive.article(report.article)?.source.name ?? []));
  return html`<section class="sources" aria-labelledby="sources-title">
    <h2 id="sources-title">What the sources say</h2>
    ${event.reports.length === 0 ? html`<p class="empty">No story in the archive reports this event yet.</p>` : ''}
    ${event.disagreements.length > 0
      ? html`<div class="differences">
          <h3>Where they differ</h3>
          <ul class="differences__list">${event.disagreements.map((disagreement) => differenceItem(archive, disagreement))}</ul>
        </div>`
      : sourceNames.size > 1
        ? html`<p class="agreement">The ${sourceNames.size} sources agree on the date, on how they write the names, and on the figures they give.</p>`
        : event.reports.length > 0 ? html`<p class="muted">One source so far: nothing to compare it with.</p>` : ''}
    ${main.length > 0 ? html`<h3>Reported by</h3>${reportList(archive, main)}` : ''}
    ${mentions.length > 0 ? html`<h3>Also mentioned in</h3>${reportList(archive, mentions)}` : ''}
  </section>`;
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

function differenceItem(archive: Archive, disagreement: Disagreement): SafeHtml {
  const who = (sources: Disagreement['readings'][number]['sources']) =>
    commaList([...new Set(sources.map((source) => source.article))].map((id) => {
      const article = archive.article(id);
      const words = sources.filter((source) => source.article === id).map((source) => source.text);
      return html`${article ? html`<a href="${articleUrl(id)}">${article.source.name}</a>` : id} (${commaList(words.map((text) => html`<q>${text}</q>`))})`;
    }));
  if (disagreement.kind === 'date') {
    return html`<li><strong>The date.</strong> ${disagreement.readings.map((reading, index) => html`${index > 0 ? '; ' : ''}<time datetime="${reading.value}">${dateAt(reading.value, reading.value.length === 7 ? 'month' : 'day')}</time> according to ${who(reading.sources)}`)}.</li>`;
  }
  if (disagreement.kind === 'spelling') {
    const [kind = '', id = ''] = disagreement.subject.split(':');
    const entity = kind === 'person' || kind === 'organization' || kind === 'place' ? archive.entity(kind, id) : undefined;
    return html`<li><strong>The spelling of ${entity?.name ?? id}.</strong> ${disagreement.readings.map((reading, index) => html`${index > 0 ? '; ' : ''}<q>${reading.value}</q> in ${commaList([...new Set(reading.sources.map((source) => archive.article(source.article)?.source.name ?? source.article))].map((name) => html`${name}`))}`)}.</li>`;
  }
  return html`<li><strong>How many: ${disagreement.subject}.</strong> ${disagreement.readings.map((reading, index) => html`${index > 0 ? '; ' : ''}${reading.value} according to ${who(reading.sources)}`)}.</li>`;
}

/** Full dates with the weekday, since a weekday is often what two reports disagree on. */
function dateAt(date: string, precision: 'day' | 'month'): string {
  if (precision === 'month') {
    const [year = '', month = ''] = date.split('-');
    return formatMonth(year, month);
  }
  return `${new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })} ${formatDay(date)}`;
}
