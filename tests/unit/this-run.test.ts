import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArchiveChanges } from '../../src/archive/archive-changes.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import type { Archive } from '../../src/archive/archive.ts';
import { DEFAULT_SITE } from '../../src/eleventy/settings.ts';
import { thisShard } from '../../layouts/_components/this-run.ts';
import { entityRecord as entity } from './records.ts';

const people = (ids: string[]): Archive =>
  buildArchive({ articles: [], entities: ids.map((id) => entity('person', id, `Person ${id}`)), events: [] });

/**
 * A build renders the site in many Eleventy runs, and each run asks each template for its pages.
 * Working the whole list out again in every run made the render grow with the square of the
 * archive; the list is worked out once per archive, edit and site, and each run takes its share.
 */
describe('a template’s pages across render runs', () => {
  const counting = (template: string) => {
    let calls = 0;
    const hook = thisShard(template, (ids: string[]) => {
      calls += 1;
      return ids.map((id) => `page of ${id}`);
    });
    return { hook, calls: () => calls };
  };
  const ids = ['a', 'b', 'c', 'd', 'e'];

  it('should work the list out once for every run of a build, each run rendering its share', () => {
    const archive = people(ids);
    const { hook, calls } = counting('memo-shares');
    const shares = [0, 1, 2].map((index) => hook([...ids], { archive, site: DEFAULT_SITE, shard: { index, count: 3 } }));
    assert.equal(calls(), 1);
    assert.deepEqual(shares, [['page of a', 'page of d'], ['page of b', 'page of e'], ['page of c']]);
  });

  it('should share the list between the hooks of one template, as Eleventy imports it anew for each run', () => {
    const archive = people(ids);
    const first = counting('memo-runs');
    const second = counting('memo-runs');
    first.hook([...ids], { archive, shard: { index: 0, count: 2 } });
    assert.deepEqual(second.hook([...ids], { archive, shard: { index: 1, count: 2 } }), ['page of b', 'page of d']);
    assert.equal(first.calls() + second.calls(), 1);
  });

  it('should work the list out again for another archive, another edit or another site', () => {
    const archive = people(ids);
    const { hook, calls } = counting('memo-inputs');
    const whole = { index: 0, count: 1 };
    hook([...ids], { archive, site: DEFAULT_SITE, shard: whole });
    const next = people(['a', 'b']);
    assert.deepEqual(hook(['a', 'b'], { archive: next, site: DEFAULT_SITE, shard: whole }), ['page of a', 'page of b']);
    assert.equal(calls(), 2);
    const changes = ArchiveChanges.between(next, next, new Set(['x']));
    hook(['a', 'b'], { archive: next, site: DEFAULT_SITE, changes, shard: whole });
    assert.equal(calls(), 3);
    hook(['a', 'b'], { archive: next, site: { ...DEFAULT_SITE, title: 'Another title' }, changes, shard: whole });
    assert.equal(calls(), 4);
    hook(['a', 'b'], { archive: next, site: { ...DEFAULT_SITE, title: 'Another title' }, changes, shard: whole });
    assert.equal(calls(), 4);
  });

  it('should keep the templates’ lists apart', () => {
    const archive = people(ids);
    const one = counting('memo-one');
    const other = thisShard('memo-other', (list: string[]) => list.map((id) => `other ${id}`));
    one.hook([...ids], { archive, shard: { index: 0, count: 1 } });
    assert.deepEqual(other([...ids], { archive, shard: { index: 0, count: 1 } }), ids.map((id) => `other ${id}`));
  });
});
