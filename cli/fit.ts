// npm run fit [-- --check]
// Fits the model on the labelled data (../shared/eval: dev.jsonl, dev2.jsonl,
// docs-dev.jsonl) and writes rules/model.json: the weights, the calibration,
// the sensitivity thresholds, the hashes of the files it was fitted on and the
// out-of-fold figures of the whole procedure. Deterministic: the same data and
// rules give the same bytes. --check writes nothing and fails if the file
// would change.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SENSITIVITIES } from '../lib/contract';
import { crossValidate, fitModel } from './crossval';
import { labelCandidates, type Unit } from './eval-data';
import { EVAL_DIR, MODEL_PATH, PATTERNS_PATH, evalDataPresent, loadTrainingData, serialiseModel, sha256Of } from './model-data';

export function fitAll(dir = EVAL_DIR): { json: string; seconds: number } {
  const t0 = performance.now();
  const loaded = loadTrainingData(dir);
  const units: Unit[] = loaded.flatMap((l) => l.units);
  const cands = labelCandidates(units);
  const cv = crossValidate(units, cands);
  const { model } = fitModel(units, cands, units.map((_, i) => i));
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const scores = Object.fromEntries(
    SENSITIVITIES.map((s) => {
      const f = cv.bySensitivity[s].figures;
      return [s, {
        sentences: { precision: r4(f.sentences.precision), recall: r4(f.sentences.recall), f1: r4(f.sentences.f1), metricAccuracy: r4(f.sentences.metricAccuracy), predicateAccuracy: r4(f.sentences.predicateAccuracy) },
        passages: { precision: r4(f.passages.precision), recall: r4(f.passages.recall), f1: r4(f.passages.f1), metricAccuracy: r4(f.passages.metricAccuracy), predicateAccuracy: r4(f.passages.predicateAccuracy) },
        ece: r4(f.reliability.ece),
      }];
    }),
  );
  const { version, ...rest } = model;
  const file = {
    version,
    fittedOn: loaded.map((l) => l.file),
    patternsSha256: sha256Of(PATTERNS_PATH),
    scores: { folds: 5, grouping: 'url', ...scores },
    ...rest,
  };
  return { json: serialiseModel(file), seconds: (performance.now() - t0) / 1000 };
}

function main(argv: string[]): number {
  if (!evalDataPresent()) {
    console.error(`no labelled data in ${EVAL_DIR} (set EVAL_DIR)`);
    return 2;
  }
  const { json, seconds } = fitAll();
  if (argv.includes('--check')) {
    const same = readFileSync(MODEL_PATH, 'utf8') === json;
    console.log(same ? 'rules/model.json is up to date' : 'rules/model.json differs from a fresh fit: run npm run fit');
    return same ? 0 : 1;
  }
  writeFileSync(MODEL_PATH, json);
  const m = JSON.parse(json) as { scores: Record<string, { sentences: { f1: number; metricAccuracy: number }; passages: { f1: number; metricAccuracy: number }; ece: number }> };
  console.log(`wrote rules/model.json in ${seconds.toFixed(1)} s`);
  for (const s of SENSITIVITIES) {
    const x = m.scores[s]!;
    console.log(`  ${s.padEnd(8)} out of fold: sentences F1 ${x.sentences.f1} metric ${x.sentences.metricAccuracy}; passages F1 ${x.passages.f1} metric ${x.passages.metricAccuracy}; ECE ${x.ece}`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2));
