import { html } from '../src/render/html.ts';
import { page } from './_components/page.ts';
import { firstShardOnly } from './_components/this-run.ts';

export const data = { permalink: firstShardOnly('/404.html') };

export function render(): string {
  return page({
    title: 'Page not found',
    description: 'This page is not in the archive.',
    section: 'none',
    body: html`
<header class="page-header">
  <h1>Page not found</h1>
  <p class="lede">There is no page at this address. It may have moved, or the link may be mistyped.</p>
</header>
<ul class="plain-list">
  <li><a href="/">Go to the timeline</a></li>
  <li><a href="/search/">Search the archive</a></li>
</ul>`,
  });
}
