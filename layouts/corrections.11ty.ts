import type { Archive } from '../src/archive/archive.ts';
import { articleUrl } from '../src/archive/urls.ts';
import { formatDay, plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { page } from './_components/page.ts';

export const data = { permalink: '/corrections/' };

/** Every correction in the archive, newest first: a newsroom owns its mistakes in one place. */
export function render({ archive }: { archive: Archive }): string {
  const corrections = archive.corrections;
  return page({
    title: 'Corrections',
    description: `${plural(corrections.length, 'correction', 'corrections')} made to stories in the archive, newest first.`,
    section: 'none',
    body: html`
<header class="page-header">
  <h1>Corrections</h1>
  <p class="lede">${corrections.length === 0 ? 'No story in the archive has been corrected.' : html`${plural(corrections.length, 'correction', 'corrections')}, newest first. Each story shows its own corrections too.`}</p>
</header>
${corrections.length > 0 ? html`<ol class="corrections">${corrections.map(({ article, date, text }) => html`<li>
  <p class="corrections__when"><time datetime="${date}">${formatDay(date.slice(0, 10))}</time></p>
  <p class="corrections__story"><a href="${articleUrl(article.id)}#corrections">${article.title}</a> <span class="muted">${article.source.name}</span></p>
  <p>${text}</p>
</li>`)}</ol>` : ''}`,
  });
}
