import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchPage } from '../../src/search/pagefind-index.ts';

const page = (body: string, lang = 'fr') => `<!doctype html>
<html lang="${lang}"><head><title>T</title></head><body>
<nav><a href="/">Timeline</a></nav>
${body}
<aside><h2>Related stories</h2></aside>
</body></html>`;

describe('searchPage', () => {
  it('should keep only the element marked data-pagefind-body, in an html element with the page language', () => {
    const found = searchPage('/articles/x/', page('<article class="a" data-pagefind-body><h1>Title</h1><p>Text</p></article>'));
    assert.deepEqual(found, {
      url: '/articles/x/',
      html: '<html lang="fr"><body><article class="a" data-pagefind-body><h1>Title</h1><p>Text</p></article></body></html>',
    });
  });

  it('should count nested elements of the same name to find where the body ends', () => {
    const found = searchPage('/x/', page('<div data-pagefind-body><div><div>a</div></div><p>b</p></div><div>after</div>'));
    assert.equal(found?.html, '<html lang="fr"><body><div data-pagefind-body><div><div>a</div></div><p>b</p></div></body></html>');
  });

  it('should find the attribute in a tag, not the same words in the title or description', () => {
    const html = page('<article data-pagefind-body><h1>Sites adopt data-pagefind-body</h1></article>').replace(
      '<title>T</title>',
      '<title>Sites adopt data-pagefind-body</title><meta name="description" content="On data-pagefind-body=yes">',
    );
    assert.equal(searchPage('/articles/x/', html)?.html, '<html lang="fr"><body><article data-pagefind-body><h1>Sites adopt data-pagefind-body</h1></article></body></html>');
  });

  it('should leave out pages without data-pagefind-body', () => {
    assert.equal(searchPage('/people/x/page/2/', page('<header><h1>Later page</h1></header>')), undefined);
  });
});
