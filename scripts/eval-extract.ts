// npm run eval:extract [-- --verbose] [FOLDER]: precision, recall and F1 of extraction on the gold set.
import { evaluateGold, F1_TARGETS, type ScoreType } from '../src/extract/evaluate.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const folder = args.find((arg) => !arg.startsWith('--')) ?? 'tests/fixtures/gold';
const { scores, errors } = await evaluateGold(folder);

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
console.log(`Extraction quality on ${folder}\n`);
console.log('type            precision  recall      F1   target   TP  FP  FN');
let failed = false;
for (const type of Object.keys(F1_TARGETS) as ScoreType[]) {
  const s = scores[type];
  const ok = s.f1 >= F1_TARGETS[type];
  failed ||= !ok;
  console.log(`${type.padEnd(14)} ${percent(s.precision)}  ${percent(s.recall)} ${percent(s.f1)}  ≥${percent(F1_TARGETS[type]).trim().padStart(6)} ${String(s.truePositives).padStart(4)}${String(s.falsePositives).padStart(4)}${String(s.falseNegatives).padStart(4)} ${ok ? 'ok' : 'BELOW TARGET'}`);
}
if (verbose) {
  console.log('');
  for (const error of errors) {
    console.log(`${error.article} ${error.type}: missed [${error.missed.join(', ')}] spurious [${error.spurious.join(', ')}]`);
  }
}
process.exitCode = failed ? 1 : 0;
