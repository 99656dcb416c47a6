import { dateModified, type Archive } from '../src/archive/archive.ts';
import { monthUrl } from '../src/archive/urls.ts';
import { articleUrl } from '../src/archive/urls.ts';
import type { Article } from '../src/content/schemas.ts';
import { formatDay, formatEventDate, formatPublished, monthName } from '../src/render/format.ts';
import { html, trusted } from '../src/render/html.ts';
import { storyHtml } from '../src/render/story-text.ts';
import { changedOnly, thisShard } from './_components/this-run.ts';
import { dateMentions } from './_components/date-mentions.ts';
import { entityChips, eventLink, recordEntities } from './_components/links.ts';
import { page } from './_components/page.ts';
import { searchFacets } from './_components/search-attributes.ts';
import { articleStructuredData } from './_components/structured-data.ts';
import type { Site } from '../src/site/site-config.ts';

export const data = {
  pagination: { data: 'archive.articles', size: 1, alias: 'article', addAllPagesToCollections: true, before: thisShard('article', changedOnly((article: Article) => `article:${article.id}`)) },
  permalink: ({ article }: { article: Article }) => articleUrl(article.id),
};

export function render({ archive, article, site }: { archive: Archive; article: Article; site: Site }): string {
  const entities = recordEntities(archive, article);
  const events = archive.eventsOf(article);
  const related = archive.relatedTo(article);
  const [year = '', month = ''] = article.day.split('-');
  return page({
    title: article.title,
    description: article.summary || `${article.source.name}, ${formatDay(article.day)}`,
    language: article.language,
    section: 'timeline',
    site,
    url: articleUrl(article.id),
    article: { publishedTime: article.date, ...(article.corrections?.length ? { modifiedTime: dateModified(article) } : {}) },
    structuredData: articleStructuredData(archive, article, site, { modified: dateModified(article) }),
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
  <li><a href="/">Timeline</a></li>
  <li><a href="/${year}/">${year}</a></li>
  <li><a href="${monthUrl(year, month)}">${monthName(month)}</a></li>
</ol></nav>
<div class="layout-with-aside">
<article class="article layout-main" data-pagefind-body>
  <header class="article__header">
    <p class="kicker">${article.source.name} · <time datetime="${article.date}">${formatPublished(article)}</time></p>
    <h1 data-pagefind-meta="title">${article.title}</h1>
    ${article.summary ? html`<p class="lede">${article.summary}</p>` : ''}
  </header>
  ${searchFacets({ type: 'Article', people: entities.person, organizations: entities.organization, places: entities.place, year, source: article.source.name, sortDate: article.day, displayDate: formatDay(article.day) })}
  <dl class="facts" data-pagefind-ignore>
    <div><dt data-pagefind-ignore>Published</dt><dd><time datetime="${article.date}">${formatPublished(article)}</time>${article.dateUncertain ? html` <strong class="uncertain">(date not confirmed: the source gave no date we could read)</strong>` : ''}</dd></div>
    ${article.corrections?.length ? html`<div><dt data-pagefind-ignore>Corrected</dt><dd><a href="#corrections"><time datetime="${dateModified(article)}">${formatDay(dateModified(article).slice(0, 10))}</time></a></dd></div>` : ''}
    <div><dt data-pagefind-ignore>Source</dt><dd>${article.source.url ? html`<a href="${article.source.url}" rel="noopener external">${article.source.name} <span aria-hidden="true">↗</span><span class="visually-hidden"> (original article)</span></a>` : html`${article.source.name} <span class="muted">(no link recorded)</span>`}</dd></div>
    ${events.length > 0 ? html`<div><dt data-pagefind-ignore>${events.length === 1 ? 'Event' : 'Events'}</dt><dd>${events.map((event, index) => html`${index > 0 ? html`<br>` : ''}${eventLink(event)} <span class="muted">(${formatEventDate(event)})</span>`)}</dd></div>` : ''}
  </dl>
  <div class="prose">
    ${trusted(storyHtml(article))}
  </div>
  ${article.corrections?.length ? html`<section class="corrections-box" id="corrections" aria-labelledby="corrections-title">
    <h2 id="corrections-title">${article.corrections.length === 1 ? 'Correction' : 'Corrections'}</h2>
    <ul>${article.corrections.map((correction) => html`<li><time datetime="${correction.date}">${formatDay(correction.date.slice(0, 10))}</time>: ${correction.text}</li>`)}</ul>
    <p class="muted"><a href="/corrections/">All corrections</a></p>
  </section>` : ''}
  ${article.source.url ? html`<p class="source-note" data-pagefind-ignore>Original report: <a href="${article.source.url}" rel="noopener external">${article.source.name}, ${formatDay(article.day)}</a></p>` : ''}
</article>
<aside class="layout-aside" aria-label="In this story">
  ${entityChips(entities)}
  ${dateMentions(archive, article)}
  ${related.length > 0 ? html`<section class="aside-box related">
    <h2>Related stories</h2>
    <ul class="plain-list">${related.map((other) => html`<li><a href="${articleUrl(other.id)}">${other.title}</a> <span class="muted">${other.source.name}, ${formatDay(other.day)}</span></li>`)}</ul>
  </section>` : ''}
</aside>
</div>`,
  });
}
