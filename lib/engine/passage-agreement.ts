// The passage's second pass over the metric decision. A passage about one dataset
// cites it again and again ("ORR released 8,000 children in May … 9,000 in June"),
// and a sentence with no dataset word of its own most often restates the metric
// of the claims around it. So each number's metric logits get the other likely
// claims' metric distribution, weighted by how likely each is a claim and decayed
// by how many sentences stand between:
//   logit[m] += same·A_same[m] + other·A_other[m]
// Two weights and a decay, fitted out of fold (cli/passage-fit.ts). A split by kind
// of quantity, or by whether the number's own sentence names a dataset, was fitted
// alike and scored no better: one weight for all neighbours.
import type { PassageAgreement } from '../../rules/model-schema';

export interface PassageItem {
  block: number;
  /** Sentence index in the document (distance is counted in sentences). */
  sentence: number;
  /** Span in the block's text: a number nested in another's span is the same claim. */
  start: number;
  end: number;
  pClaim: number;
  /** Metric probabilities in the model's class order; null where the number is under the floor. */
  metrics: Float64Array | null;
}

export interface Agreement {
  /** Mean metric distribution of the other claims in the number's own sentence, or null. */
  same: Float64Array | null;
  /** The same for the other sentences' claims, decayed by distance, or null. */
  other: Float64Array | null;
}

/** The neighbours' metric distributions for item i (weights: pClaim, × decay in other sentences). */
export function agreementOf(items: readonly PassageItem[], i: number, tau: number): Agreement {
  const me = items[i]!;
  let same: Float64Array | null = null;
  let other: Float64Array | null = null;
  let wSame = 0;
  let wOther = 0;
  for (let j = 0; j < items.length; j++) {
    if (j === i) continue;
    const it = items[j]!;
    if (!it.metrics) continue;
    if (it.block === me.block && it.start < me.end && me.start < it.end) continue;
    const d = Math.abs(it.sentence - me.sentence);
    if (d === 0) {
      same ??= new Float64Array(it.metrics.length);
      for (let k = 0; k < same.length; k++) same[k]! += it.pClaim * it.metrics[k]!;
      wSame += it.pClaim;
    } else {
      const w = it.pClaim * Math.exp(-d / tau);
      other ??= new Float64Array(it.metrics.length);
      for (let k = 0; k < other.length; k++) other[k]! += w * it.metrics[k]!;
      wOther += w;
    }
  }
  if (same && wSame > 0) for (let k = 0; k < same.length; k++) same[k]! /= wSame;
  // A mean, but never over less than one full neighbour: a lone far claim says little.
  if (other && wOther > 0) {
    const norm = Math.max(wOther, 1);
    for (let k = 0; k < other.length; k++) other[k]! /= norm;
  }
  return { same, other };
}

/** The metric logits after the second pass (a new array; the first pass's are left as they were). */
export function agreedLogits(logits: Float64Array, a: Agreement, p: Pick<PassageAgreement, 'same' | 'other'>): Float64Array {
  const out = Float64Array.from(logits);
  if (a.same) for (let k = 0; k < out.length; k++) out[k]! += p.same * a.same[k]!;
  if (a.other) for (let k = 0; k < out.length; k++) out[k]! += p.other * a.other[k]!;
  return out;
}
