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
  url: z.string().optional(),
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

/**
 * Claims per line. In passage mode, consecutive lines from the same page (same
 * `url`) are joined into one passage, as they stand in the article, so that the
 * engine sees each sentence with its neighbours; claims are then given back to
 * the line they start in, with offsets relative to that line.
 */
function claimsPerLine(lines: readonly LabelledLine[], sensitivity: Sensitivity, passages: boolean): Claim[][] {
  if (!passages) return lines.map((line) => findClaims(line.text, { sensitivity }));
  const out: Claim[][] = lines.map(() => []);
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && lines[j]!.url && lines[j]!.url === lines[i]!.url) j++;
    const starts: number[] = [];
    let text = '';
    for (let k = i; k < j; k++) {
      if (text) text += ' ';
      starts.push(text.length);
      text += lines[k]!.text;
    }
    for (const claim of findClaims(text, { sensitivity })) {
      let k = starts.length - 1;
      while (k > 0 && starts[k]! > claim.start) k--;
      const shift = starts[k]!;
      if (claim.end - shift > lines[i + k]!.text.length) continue; // spans two lines: not one sentence's claim
      out[i + k]!.push({ ...claim, start: claim.start - shift, end: claim.end - shift });
    }
    i = j;
  }
  return out;
}

export function score(lines: readonly LabelledLine[], sensitivity: Sensitivity = 'balanced', passages = false): Score {
  const perLine = claimsPerLine(lines, sensitivity, passages);
  const outcomes: Outcome[] = lines.map((line, i) => {
    const claims = perLine[i]!;
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
