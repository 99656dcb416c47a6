import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectorOfRuns } from '../../src/build/collect-garbage.ts';

/** A heap whose size the test sets, and a collection that brings it back to what stays live. */
function fakeHeap(live: number) {
  const heap = { used: live, live, collections: 0 };
  const collector = collectorOfRuns(
    () => heap.used,
    () => {
      heap.collections++;
      heap.used = heap.live;
    },
  );
  return { heap, collector };
}

describe('collecting between render runs', () => {
  it('collects after every run when each run leaves more garbage than half the live heap (a small archive)', () => {
    const { heap, collector } = fakeHeap(180);
    for (let run = 0; run < 5; run++) {
      heap.used += 220;
      collector();
    }
    assert.equal(heap.collections, 5);
    assert.equal(heap.used, 180);
  });

  it('lets the garbage of several runs gather when the live heap is large, then collects', () => {
    const { heap, collector } = fakeHeap(1_160);
    const collectedAfter: number[] = [];
    for (let run = 1; run <= 8; run++) {
      heap.used += 170;
      const before = heap.collections;
      collector();
      if (heap.collections > before) collectedAfter.push(run);
    }
    // 170 a run: 510 after three runs is under half of 1,160, 680 after four is over.
    assert.deepEqual(collectedAfter, [4, 8]);
  });

  it('measures the growth from what the last collection left, not from where it started', () => {
    const { heap, collector } = fakeHeap(100);
    heap.live = 400; // the archive grew: the next collection leaves more
    heap.used += 60;
    collector();
    assert.equal(heap.collections, 1);
    assert.equal(heap.used, 400);
    heap.used += 150; // under half of 400
    collector();
    assert.equal(heap.collections, 1);
    heap.used += 60;
    collector();
    assert.equal(heap.collections, 2);
  });
});
