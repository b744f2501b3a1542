// Accuracy is measured by `npm run eval` (out of fold, figures, not asserts).
// This test only catches a collapse: a floor well below today's figures on
// our own labelled sentences (tests/data/labelled.jsonl, never fitted on).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LabelledLine, score } from '../../cli/eval-score';

function load(path: string): LabelledLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => LabelledLine.parse(JSON.parse(l)));
}

const FLOOR = { f1: 0.85, metric: 0.8, predicate: 0.75 };
const OWN = resolve(import.meta.dirname, '../data/labelled.jsonl');

describe('accuracy floor', () => {
  test('our labelled sentences', () => {
    const s = score(load(OWN));
    expect(s.f1).toBeGreaterThanOrEqual(FLOOR.f1);
    expect(s.metricAccuracy).toBeGreaterThanOrEqual(FLOOR.metric);
    expect(s.predicateAccuracy).toBeGreaterThanOrEqual(FLOOR.predicate);
  });
});
