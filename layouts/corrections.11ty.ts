import type { Archive } from '../src/archive/archive.ts';
import { articleUrl } from '../src/archive/urls.ts';
import type { Article } from '../src/content/schemas.ts';
import { formatDay, plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { page } from './_components/page.ts';
import { pageNav } from './_components/pager.ts';
import { PAGE_SIZE, pageSuffix, pageUrl, paginate, type Paged } from './_components/paging.ts';
import { holdingChanges, thisShard, type RunData } from './_components/this-run.ts';

type Correction = { article: Article; date: string; text: string };

/** Every correction in the archive, newest first, a page at a time: a newsroom owns its mistakes in one place. */
export const data = {
  pagination: {
    data: 'archive.corrections',
    size: 1,
    alias: 'correctionsPage',
    addAllPagesToCollections: true,
    before: thisShard('corrections',
      (corrections: Correction[], data: Pick<RunData, 'changes'>): Array<Paged<Correction>> =>
        holdingChanges((correctionsPage: Paged<Correction>) => correctionsPage.items.map(({ article }) => `entry:article:${article.id}`))(paginate(corrections, PAGE_SIZE.corrections, '/corrections/'), data),
    ),
  },
  permalink: ({ correctionsPage }: { correctionsPage: Paged<Correction> }) => pageUrl(correctionsPage.base, correctionsPage.number),
};

export function render({ archive, correctionsPage }: { archive: Archive; correctionsPage: Paged<Correction> }): string {
  const total = archive.corrections.length;
  return page({
    title: `Corrections${pageSuffix(correctionsPage)}`,
    description: `${plural(total, 'correction', 'corrections')} made to stories in the archive, newest first.`,
    section: 'none',
    body: html`
${correctionsPage.number > 1 ? html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/corrections/">Corrections</a></li></ol></nav>` : ''}
<header class="page-header">
  <h1>Corrections${correctionsPage.number > 1 ? html` <span class="page-header__page">page ${correctionsPage.number} of ${correctionsPage.count}</span>` : ''}</h1>
  <p class="lede">${total === 0 ? 'No story in the archive has been corrected.' : html`${plural(total, 'correction', 'corrections')}, newest first. Each story shows its own corrections too.`}</p>
</header>
${correctionsPage.items.length > 0 ? html`<ol class="corrections"${correctionsPage.offset > 0 ? html` start="${correctionsPage.offset + 1}"` : ''}>${correctionsPage.items.map(({ article, date, text }) => html`<li>
  <p class="corrections__when"><time datetime="${date}">${formatDay(date.slice(0, 10))}</time></p>
  <p class="corrections__story"><a href="${articleUrl(article.id)}#corrections">${article.title}</a> <span class="muted">${article.source.name}</span></p>
  <p>${text}</p>
</li>`)}</ol>` : ''}
${pageNav(correctionsPage, 'Pages of corrections')}`,
  });
}
