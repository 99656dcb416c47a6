import { html, type SafeHtml } from '../../src/render/html.ts';
import { pageUrl, type PageNumbering } from './paging.ts';

export interface PagerLink {
  href: string;
  label: string;
}

/** Previous/next links between neighbouring archive pages (years, months, days). */
export function pager(previous: PagerLink | undefined, next: PagerLink | undefined, label: string): SafeHtml {
  if (!previous && !next) return html``;
  return html`<nav class="pager" aria-label="${label}">
    ${previous ? html`<a class="pager__prev" href="${previous.href}" rel="prev"><span aria-hidden="true">←</span> ${previous.label}</a>` : html`<span></span>`}
    ${next ? html`<a class="pager__next" href="${next.href}" rel="next">${next.label} <span aria-hidden="true">→</span></a>` : ''}
  </nav>`;
}

/**
 * First, previous, "page N of M", next and last for the pages of one list: plain links, so every
 * page is reachable without JavaScript. Nothing when the list fits on one page.
 */
export function pageNav(page: PageNumbering, label: string): SafeHtml {
  if (page.count <= 1) return html``;
  const link = (number: number, className: string, text: SafeHtml, rel?: 'prev' | 'next') =>
    html`<a class="pager__${className}" href="${pageUrl(page.base, number)}"${rel ? html` rel="${rel}"` : ''}>${text}</a>`;
  const first = page.number > 1;
  const last = page.number < page.count;
  return html`<nav class="pager pager--pages" aria-label="${label}">
    <span class="pager__side">${first ? html`${page.number > 2 ? link(1, 'first', html`<span aria-hidden="true">«</span> First`) : ''}${link(page.number - 1, 'prev', html`<span aria-hidden="true">←</span> Previous`, 'prev')}` : ''}</span>
    <span class="pager__status">Page ${page.number} of ${page.count}</span>
    <span class="pager__side pager__side--end">${last ? html`${link(page.number + 1, 'next', html`Next <span aria-hidden="true">→</span>`, 'next')}${page.number < page.count - 1 ? link(page.count, 'last', html`Last <span aria-hidden="true">»</span>`) : ''}` : ''}</span>
  </nav>`;
}
