import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateGold, F1_TARGETS, type ScoreType } from '../../src/extract/evaluate.ts';

describe('extraction quality on the gold set (tests/fixtures/gold)', async () => {
  const { scores } = await evaluateGold('tests/fixtures/gold');
  for (const type of Object.keys(F1_TARGETS) as ScoreType[]) {
    it(`should reach F1 ≥ ${F1_TARGETS[type]} for ${type}`, () => {
      const s = scores[type];
      assert.ok(s.f1 >= F1_TARGETS[type], `${type}: F1 ${s.f1.toFixed(3)} (precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}) — run npm run eval:extract -- --verbose`);
    });
  }
});
