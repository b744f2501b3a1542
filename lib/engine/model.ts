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
  /** The metric logits in the model's class order (the passage's second pass adds to them). */
  metricLogits: Float64Array;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/**
 * The weights as one row per feature, built once per model object: a claim has a
 * few hundred features, most unknown to the model, so each costs one lookup, not
 * one per table.
 */
interface Row {
  /** 0 where the claim model has no weight for the feature. */
  claim: number;
  metric: Float64Array | undefined;
  /** The sum of the metric weights (for contrasts). */
  metricSum: number;
  predicate: Float64Array | undefined;
}
interface Indexed {
  rows: Map<string, Row>;
  claim: Map<string, number>;
  metric: Map<string, readonly number[]>;
  predicate: Map<string, readonly number[]>;
}
const indexed = new WeakMap<ModelFile, Indexed>();
function index(model: ModelFile): Indexed {
  let i = indexed.get(model);
  if (!i) {
    const claim = new Map(Object.entries(model.claim));
    const metric = new Map(Object.entries(model.metric.weights));
    const predicate = new Map(Object.entries(model.predicate.weights));
    const rows = new Map<string, Row>();
    for (const f of new Set([...claim.keys(), ...metric.keys(), ...predicate.keys()])) {
      const m = metric.get(f);
      const p = predicate.get(f);
      rows.set(f, {
        claim: claim.get(f) ?? 0,
        metric: m && Float64Array.from(m),
        metricSum: m ? m.reduce((a, b) => a + b, 0) : 0,
        predicate: p && Float64Array.from(p),
      });
    }
    i = { rows, claim, metric, predicate };
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

/** The claim logit alone: features the claim model has no weight for add nothing. */
function claimLogitOf(rows: ReadonlyMap<string, Row>, values: ReadonlyMap<string, number>): number {
  let z = 0;
  for (const [f, v] of values) {
    const row = rows.get(f);
    if (row) z += row.claim * v;
  }
  return z;
}

/** The probability that the number is a claim: the first decision, and the only one most numbers need. */
export function claimProbability(model: ModelFile, evidence: Evidence): number {
  return sigmoid(claimLogitOf(index(model).rows, evidence.values));
}

/** The calibrated probability of "a claim, with this metric", from the two model outputs. */
export function calibrate(model: Pick<ModelFile, 'calibration'>, pClaim: number, pMetric: number): number {
  const eps = 1e-6;
  const p = Math.min(1 - eps, Math.max(eps, pClaim));
  const { a, b, c } = model.calibration;
  return sigmoid(a * Math.log(p / (1 - p)) + b * Math.log(Math.max(eps, pMetric)) + c);
}

/** A number's features that the model has weights for, in the features' order, with their values. */
export interface Known {
  rows: Row[];
  values: number[];
  claimLogit: number;
}

/** One pass over the features: the claim logit, and the rows the other two decisions read. */
function knownFeatures(rows: ReadonlyMap<string, Row>, values: ReadonlyMap<string, number>): Known {
  const known: Known = { rows: [], values: [], claimLogit: 0 };
  let z = 0;
  for (const [f, v] of values) {
    const row = rows.get(f);
    if (!row) continue;
    z += row.claim * v;
    known.rows.push(row);
    known.values.push(v);
  }
  known.claimLogit = z;
  return known;
}

export function scoreEvidence(model: ModelFile, evidence: Evidence): Scored {
  return scoreKnown(model, evidence, knownFeatures(index(model).rows, evidence.values));
}

/**
 * The scores of a number whose claim probability reaches `threshold`, else null: the
 * features are read once for both steps, and a number under it costs no metric decision.
 */
export function scoreIfClaim(model: ModelFile, evidence: Evidence, threshold: number): Scored | null {
  const known = knownFeatures(index(model).rows, evidence.values);
  return sigmoid(known.claimLogit) < threshold ? null : scoreKnown(model, evidence, known);
}

/** A number's features read once: its claim probability now, its other scores (scoreKnown, metricOnly) only if needed. */
export function readKnown(model: ModelFile, evidence: Evidence): Known {
  return knownFeatures(index(model).rows, evidence.values);
}

export const knownClaimProbability = (known: Known) => sigmoid(known.claimLogit);

/** The metric probabilities alone, in class order (a neighbour in the passage's second pass needs no predicate). */
export function metricOnly(model: ModelFile, evidence: Evidence, known: Known): Float64Array {
  const km = model.metric.classes.length;
  const ml = new Float64Array(km);
  const { rows, values } = known;
  for (let i = 0; i < rows.length; i++) {
    const m = rows[i]!.metric;
    if (!m) continue;
    const v = values[i]!;
    for (let j = 0; j < km; j++) ml[j]! += m[j]! * v;
  }
  for (const [metric, w] of evidence.packCues) {
    const j = model.metric.classes.indexOf(metric as MetricId);
    if (j >= 0) ml[j]! += w;
  }
  softmaxInPlace(ml);
  return ml;
}

export function scoreKnown(model: ModelFile, evidence: Evidence, known: Known): Scored {
  const km = model.metric.classes.length;
  const kp = model.predicate.classes.length;
  // Each sum in the features' order. Typed sums: the same doubles, without boxing each partial sum.
  const ml = new Float64Array(km);
  const pl = new Float64Array(kp);
  const { rows, values } = known;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const v = values[i]!;
    const m = row.metric;
    const p = row.predicate;
    // Most features are binary: w * 1 is w, so the product is left out there.
    if (v === 1) {
      if (m) for (let j = 0; j < km; j++) ml[j]! += m[j]!;
      if (p) for (let j = 0; j < kp; j++) pl[j]! += p[j]!;
    } else {
      if (m) for (let j = 0; j < km; j++) ml[j]! += m[j]! * v;
      if (p) for (let j = 0; j < kp; j++) pl[j]! += p[j]! * v;
    }
  }
  const claimLogit = known.claimLogit;
  const pClaim = sigmoid(claimLogit);
  for (const [metric, w] of evidence.packCues) {
    const j = model.metric.classes.indexOf(metric as MetricId);
    if (j >= 0) ml[j]! += w;
  }
  const metricLogits = Float64Array.from(ml);
  softmaxInPlace(ml);
  const metrics = byProbability(model.metric.classes.map((metric, j) => ({ metric, probability: ml[j]! })));
  softmaxInPlace(pl);
  const predicates = byProbability(model.predicate.classes.map((predicate, j) => ({ predicate, probability: pl[j]! })));
  return { pClaim, claimLogit, metrics, predicates, confidence: calibrate(model, pClaim, metrics[0]!.probability), metricLogits };
}

/** The same score with other metric logits (the passage's second pass): metrics and confidence follow. */
export function withMetricLogits(model: ModelFile, s: Scored, logits: Float64Array): Scored {
  const p = Float64Array.from(logits);
  softmaxInPlace(p);
  const metrics = byProbability(model.metric.classes.map((metric, j) => ({ metric, probability: p[j]! })));
  return { ...s, metrics, confidence: calibrate(model, s.pClaim, metrics[0]!.probability), metricLogits: logits };
}

/** softmax(), the same doubles in the same order, without an array per step. */
function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (let j = 0; j < z.length; j++) if (z[j]! > max) max = z[j]!;
  let sum = 0;
  for (let j = 0; j < z.length; j++) sum += z[j] = Math.exp(z[j]! - max);
  for (let j = 0; j < z.length; j++) z[j]! /= sum;
}

/** Most probable first, ties in class order: a stable sort of a score's few classes, without a comparator call each. */
function byProbability<T extends { probability: number }>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    let j = i - 1;
    while (j >= 0 && list[j]!.probability < x.probability) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}

export interface Contribution {
  feature: string;
  weight: number;
}

/**
 * Each feature's part in choosing `metric` over the average of the other metrics
 * (log-odds), and in the claim decision: the largest first.
 */
export function contributions(
  model: ModelFile,
  evidence: Evidence,
  metric: MetricId,
  /** Only the parts for (weight > 0): the reasons need no others, and fewer sort faster. */
  { positiveOnly = false }: { positiveOnly?: boolean } = {},
): { metric: Contribution[]; claim: Contribution[] } {
  const k = model.metric.classes.indexOf(metric);
  const n = model.metric.classes.length;
  const forMetric: Contribution[] = [];
  const forClaim: Contribution[] = [];
  const { rows } = index(model);
  for (const [f, v] of evidence.values) {
    const row = rows.get(f);
    if (!row) continue;
    const w = row.metric;
    if (w && k >= 0) {
      const mean = (row.metricSum - w[k]!) / (n - 1);
      const weight = (w[k]! - mean) * v;
      if (!positiveOnly || !(weight <= 0)) forMetric.push({ feature: f, weight });
    }
    if (row.claim) {
      const weight = row.claim * v;
      if (!positiveOnly || !(weight <= 0)) forClaim.push({ feature: f, weight });
    }
  }
  const byWeight = (a: Contribution, b: Contribution) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : 1);
  return { metric: forMetric.sort(byWeight), claim: forClaim.sort(byWeight) };
}
