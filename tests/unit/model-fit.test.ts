// rules/model.json is what `npm run fit` makes of the data it names: the hashes
// of the labelled files and of the pattern rules match, and a fresh fit gives
// the committed file byte for byte (so the fit is deterministic, too). Needs
// the labelled data beside the project (../shared): skipped, with a line
// saying so, where it is absent.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fitAll } from '../../cli/fit';
import { FIXTURES_DIR, EVAL_DIR, MODEL_PATH, PATTERNS_PATH, evalDataPresent, loadTrainingData, sha256Of } from '../../cli/model-data';
import { ModelFile } from '../../rules/model-schema';

const present = evalDataPresent();
if (!present) console.warn(`SKIPPED model-fit tests: no labelled data in ${EVAL_DIR} or ${FIXTURES_DIR}`);

describe.skipIf(!present)('the fitted model', () => {
  const committed = readFileSync(MODEL_PATH, 'utf8');
  const model = ModelFile.parse(JSON.parse(committed));

  test('names the files it was fitted on, with hashes that match them today', () => {
    const loaded = loadTrainingData();
    expect(model.fittedOn.map((f) => f.path)).toEqual(loaded.map((l) => l.file.path));
    for (const [i, l] of loaded.entries()) expect(model.fittedOn[i]!.sha256, l.file.path).toBe(l.file.sha256);
    expect(model.fittedOn.find((f) => f.path === 'dev.jsonl')!.sha256).toBe(sha256Of(resolve(EVAL_DIR, 'dev.jsonl')));
    expect(model.patternsSha256, 'rules/patterns.json changed since the fit: run npm run fit').toBe(sha256Of(PATTERNS_PATH));
  }, 600_000);

  test('a fresh fit reproduces the committed file byte for byte', () => {
    const { json } = fitAll();
    expect(json === committed, 'npm run fit gives another rules/model.json').toBe(true);
  }, 600_000);
});
