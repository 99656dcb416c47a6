import { html, type SafeHtml } from '../../src/render/html.ts';

export interface PagerLink {
  href: string;
  label: string;
}

/** Previous/next links between neighbouring archive pages (years, months). */
export function pager(previous: PagerLink | undefined, next: PagerLink | undefined, label: string): SafeHtml {
  if (!previous && !next) return html``;
  return html`<nav class="pager" aria-label="${label}">
    ${previous ? html`<a class="pager__prev" href="${previous.href}" rel="prev"><span aria-hidden="true">←</span> ${previous.label}</a>` : html`<span></span>`}
    ${next ? html`<a class="pager__next" href="${next.href}" rel="next">${next.label} <span aria-hidden="true">→</span></a>` : ''}
  </nav>`;
}
