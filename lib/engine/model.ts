// Applies the fitted model (rules/model.json) to a number's evidence: the
// probability that it is a claim, the probability of each metric and each
// predicate, and the calibrated confidence. Linear scores, so every feature's
// part in a decision can be shown as a reason.
import type { MetricId, PredicateId } from '../contract';
import type { ModelFile } from '../../rules/model-schema';
import type { Evidence } from './features';

export interface Scored {
  /** Probability that the number is a claim (the uncalibrated model output the thresholds are set on). */
  pClaim: number;
  claimLogit: number;
  metrics: { metric: MetricId; probability: number }[];
  predicates: { predicate: PredicateId; probability: number }[];
  /** Calibrated probability that this is a claim with the first metric. */
  confidence: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/** The weights as Maps, built once per model object: lookups by feature name stay fast. */
interface Indexed {
  claim: Map<string, number>;
  metric: Map<string, readonly number[]>;
  /** Per feature, the sum of its metric weights (for contrasts). */
  metricSum: Map<string, number>;
  predicate: Map<string, readonly number[]>;
}
const indexed = new WeakMap<ModelFile, Indexed>();
function index(model: ModelFile): Indexed {
  let i = indexed.get(model);
  if (!i) {
    i = {
      claim: new Map(Object.entries(model.claim)),
      metric: new Map(Object.entries(model.metric.weights)),
      metricSum: new Map(Object.entries(model.metric.weights).map(([f, w]) => [f, w.reduce((a, b) => a + b, 0)])),
      predicate: new Map(Object.entries(model.predicate.weights)),
    };
    indexed.set(model, i);
  }
  return i;
}

export function binaryLogit(weights: ReadonlyMap<string, number>, values: ReadonlyMap<string, number>): number {
  let z = 0;
  for (const [f, v] of values) z += (weights.get(f) ?? 0) * v;
  return z;
}

export function classLogits(weights: ReadonlyMap<string, readonly number[]>, k: number, values: ReadonlyMap<string, number>): number[] {
  const z = new Array<number>(k).fill(0);
  for (const [f, v] of values) {
    const w = weights.get(f);
    if (!w) continue;
    for (let j = 0; j < k; j++) z[j]! += w[j]! * v;
  }
  return z;
}

/** The probability that the number is a claim: the first decision, and the only one most numbers need. */
export function claimProbability(model: ModelFile, evidence: Evidence): number {
  return sigmoid(binaryLogit(index(model).claim, evidence.values));
}

/** The calibrated probability of "a claim, with this metric", from the two model outputs. */
export function calibrate(model: Pick<ModelFile, 'calibration'>, pClaim: number, pMetric: number): number {
  const eps = 1e-6;
  const p = Math.min(1 - eps, Math.max(eps, pClaim));
  const { a, b, c } = model.calibration;
  return sigmoid(a * Math.log(p / (1 - p)) + b * Math.log(Math.max(eps, pMetric)) + c);
}

export function scoreEvidence(model: ModelFile, evidence: Evidence): Scored {
  const w = index(model);
  const claimLogit = binaryLogit(w.claim, evidence.values);
  const pClaim = sigmoid(claimLogit);
  const ml = classLogits(w.metric, model.metric.classes.length, evidence.values);
  for (const [metric, w] of evidence.packCues) {
    const j = model.metric.classes.indexOf(metric as MetricId);
    if (j >= 0) ml[j]! += w;
  }
  const mp = softmax(ml);
  const metrics = model.metric.classes.map((metric, j) => ({ metric, probability: mp[j]! })).sort((a, b) => b.probability - a.probability);
  const pp = softmax(classLogits(w.predicate, model.predicate.classes.length, evidence.values));
  const predicates = model.predicate.classes.map((predicate, j) => ({ predicate, probability: pp[j]! })).sort((a, b) => b.probability - a.probability);
  return { pClaim, claimLogit, metrics, predicates, confidence: calibrate(model, pClaim, metrics[0]!.probability) };
}

export interface Contribution {
  feature: string;
  weight: number;
}

/**
 * Each feature's part in choosing `metric` over the average of the other metrics
 * (log-odds), and in the claim decision: the largest first.
 */
export function contributions(model: ModelFile, evidence: Evidence, metric: MetricId): { metric: Contribution[]; claim: Contribution[] } {
  const k = model.metric.classes.indexOf(metric);
  const n = model.metric.classes.length;
  const forMetric: Contribution[] = [];
  const forClaim: Contribution[] = [];
  const ix = index(model);
  for (const [f, v] of evidence.values) {
    const w = ix.metric.get(f);
    if (w && k >= 0) {
      const mean = (ix.metricSum.get(f)! - w[k]!) / (n - 1);
      forMetric.push({ feature: f, weight: (w[k]! - mean) * v });
    }
    const c = ix.claim.get(f);
    if (c) forClaim.push({ feature: f, weight: c * v });
  }
  const byWeight = (a: Contribution, b: Contribution) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : 1);
  return { metric: forMetric.sort(byWeight), claim: forClaim.sort(byWeight) };
}
