// Scores the engine against labelled sentences: detection precision/recall/F1
// at sentence level, then metric and predicate accuracy on the true positives.
import { z } from 'zod';
import type { Claim, Sensitivity } from '../lib/contract';
import { findClaims } from '../lib/engine/index';

export const LabelledLine = z.object({
  id: z.string(),
  text: z.string(),
  is_claim: z.boolean(),
  value: z.string().nullable().optional(),
  predicate: z.string().nullable().optional(),
  metric: z.string().nullable().optional(),
});
export type LabelledLine = z.infer<typeof LabelledLine>;

export interface Outcome {
  line: LabelledLine;
  claims: Claim[];
  /** The claim compared with the label: the one over the labelled value, else the first. */
  matched: Claim | null;
}

export interface Score {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  metricAccuracy: number;
  predicateAccuracy: number;
  outcomes: Outcome[];
}

/** The claim whose span covers where the labelled value stands in the text. */
export function matchClaim(line: LabelledLine, claims: readonly Claim[]): Claim | null {
  if (!claims.length) return null;
  const value = line.value?.trim();
  if (value) {
    const at = line.text.indexOf(value);
    if (at >= 0) {
      const end = at + value.length;
      const over = claims.find((c) => c.start < end && c.end > at);
      if (over) return over;
    }
    const digits = value.replace(/[^\d.]/g, '');
    const byRaw = digits ? claims.find((c) => c.number.raw.replace(/[^\d.]/g, '') === digits) : undefined;
    if (byRaw) return byRaw;
  }
  return claims[0]!;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function score(lines: readonly LabelledLine[], sensitivity: Sensitivity = 'balanced'): Score {
  const outcomes: Outcome[] = lines.map((line) => {
    const claims = findClaims(line.text, { sensitivity });
    return { line, claims, matched: line.is_claim ? matchClaim(line, claims) : null };
  });
  let tp = 0, fp = 0, fn = 0, tn = 0, metricOk = 0, predicateOk = 0;
  for (const o of outcomes) {
    const predicted = o.claims.length > 0;
    if (o.line.is_claim && predicted) {
      tp++;
      if (o.matched?.metric === o.line.metric) metricOk++;
      if (o.matched?.predicate === o.line.predicate) predicateOk++;
    } else if (o.line.is_claim) fn++;
    else if (predicted) fp++;
    else tn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    n: lines.length, tp, fp, fn, tn, precision, recall,
    f1: ratio(2 * precision * recall, precision + recall),
    metricAccuracy: ratio(metricOk, tp),
    predicateAccuracy: ratio(predicateOk, tp),
    outcomes,
  };
}
