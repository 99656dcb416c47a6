import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSlug, toSlug } from '../../src/slug.ts';

describe('toSlug', () => {
  it("should resolve 'Feridun Sinirlioğlu' to feridun-sinirlioglu", () => {
    assert.equal(toSlug('Feridun Sinirlioğlu'), 'feridun-sinirlioglu');
  });

  it("should resolve 'Sinirlioğlu' to sinirlioglu", () => {
    assert.equal(toSlug('Sinirlioğlu'), 'sinirlioglu');
  });

  it("should resolve 'Zürich' to zurich", () => {
    assert.equal(toSlug('Zürich'), 'zurich');
  });

  it('should transliterate other Latin diacritics to plain ASCII', () => {
    assert.equal(toSlug('Sergueï Lavrov'), 'serguei-lavrov');
    assert.equal(toSlug('Łódź'), 'lodz');
    assert.equal(toSlug('Crème brûlée'), 'creme-brulee');
  });

  it('should drop punctuation and join the words with single hyphens', () => {
    assert.equal(toSlug('Cassis: the visit!'), 'cassis-the-visit');
    assert.equal(toSlug('Hello, World.'), 'hello-world');
    assert.equal(toSlug('"Quoted" (and bracketed)'), 'quoted-and-bracketed');
  });

  it('should trim surrounding spaces instead of leaving hyphens at the ends', () => {
    assert.equal(toSlug('  Ignazio Cassis  '), 'ignazio-cassis');
  });

  it('should collapse runs of spaces and hyphens into one hyphen', () => {
    assert.equal(toSlug('Moscow   visit -- 2026'), 'moscow-visit-2026');
  });

  it('should keep digits', () => {
    assert.equal(toSlug('New York meeting 2022'), 'new-york-meeting-2022');
  });

  it('should return a slug unchanged', () => {
    assert.equal(toSlug('sergey-lavrov'), 'sergey-lavrov');
  });
});

describe('isSlug', () => {
  it('should accept lower-case words joined by hyphens', () => {
    assert.equal(isSlug('sergey-lavrov'), true);
    assert.equal(isSlug('moscow-visit-2026'), true);
  });

  it('should reject upper-case letters', () => {
    assert.equal(isSlug('Sergey-Lavrov'), false);
  });

  it('should reject spaces', () => {
    assert.equal(isSlug('sergey lavrov'), false);
  });

  it('should reject an empty string', () => {
    assert.equal(isSlug(''), false);
  });

  it('should reject non-ASCII letters', () => {
    assert.equal(isSlug('zürich'), false);
  });

  it('should reject underscores, doubled hyphens and hyphens at the ends', () => {
    assert.equal(isSlug('sergey_lavrov'), false);
    assert.equal(isSlug('sergey--lavrov'), false);
    assert.equal(isSlug('-sergey-lavrov'), false);
    assert.equal(isSlug('sergey-lavrov-'), false);
  });

  it('should accept everything toSlug produces', () => {
    for (const name of ['Feridun Sinirlioğlu', 'Zürich', 'Cassis: the visit!', 'OSCE']) {
      assert.equal(isSlug(toSlug(name)), true, name);
    }
  });
});
