// Fitting and honest scoring. fitModel fits the three decisions (claim or not,
// which metric, which predicate) on some pages, calibrates confidence and sets
// the sensitivity thresholds on out-of-fold scores of those same pages (an
// inner cross-validation), so nothing is tuned on what it is scored on.
// crossValidate does that once per held-out fold and scores the held-out pages
// through findClaims, exactly as the scanner reads them.
import { METRIC_IDS, PREDICATE_IDS, SENSITIVITIES, type Claim, type Sensitivity } from '../lib/contract';
import { findClaims } from '../lib/engine/index';
import { METRIC_ONLY_PREFIX } from '../lib/engine/metric-evidence';
import { scoreEvidence } from '../lib/engine/model';
import type { ModelFile, PassageAgreement, SensitivityPoint } from '../rules/model-schema';
import type { LabelledCandidate, Unit } from './eval-data';
import { fitLogistic, fitSoftmax, type Example } from './learn';
import { fitAgreement, type PassageRow } from './passage-fit';
import { agreedLogits, agreementOf } from '../lib/engine/passage-agreement';

export interface L2 {
  claim: number;
  metric: number;
  predicate: number;
}
/** Chosen among a few settings by their out-of-fold figures (npm run eval). */
export const DEFAULT_L2: L2 = { claim: 3, metric: 1.5, predicate: 1 };
/** Features seen in fewer training examples than this get no weight. */
const MIN_SUPPORT = 2;
/** Words (w.*, wn.*) need more: a word seen twice is noise more often than not. */
const MIN_WORD_SUPPORT = 4;

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

type Weights = Pick<ModelFile, 'claim' | 'metric' | 'predicate' | 'l2'>;

/** Raw fitted rows by feature name, to start another fit from. */
export type WarmStart = { claim: Map<string, Float64Array>; metric: Map<string, Float64Array> };

function initFrom(start: Map<string, Float64Array> | undefined, names: readonly string[], k: number): Float64Array | undefined {
  if (!start) return undefined;
  const w = new Float64Array(names.length * k);
  names.forEach((f, i) => {
    const row = start.get(f);
    if (row) w.set(row, i * k);
  });
  return w;
}

/**
 * Fits the weights of the three decisions on these candidates. `withPredicate: false` skips
 * the predicate model (the inner folds only need claim and metric scores).
 */
export function fitWeights(
  cands: readonly LabelledCandidate[],
  units: readonly Unit[],
  l2: L2,
  options: { withPredicate?: boolean; warm?: WarmStart } = {},
): Weights & { warm: WarmStart } {
  const labelled = cands.filter((c) => c.claim !== null);
  const support = new Map<string, number>();
  for (const c of labelled) for (const f of c.candidate.evidence.values.keys()) support.set(f, (support.get(f) ?? 0) + 1);
  const names = [...support].filter(([f, n]) => n >= (f.startsWith('w') ? MIN_WORD_SUPPORT : MIN_SUPPORT)).map(([f]) => f).sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const toExample = (c: LabelledCandidate, label: number, metricOnly = true): Example => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [f, v] of c.candidate.evidence.values) {
      if (!metricOnly && f.startsWith(METRIC_ONLY_PREFIX)) continue;
      const i = index.get(f);
      if (i !== undefined) {
        idx.push(i);
        val.push(v);
      }
    }
    return { idx: Int32Array.from(idx), val: Float64Array.from(val), label };
  };
  const claimData = labelled.map((c) => toExample(c, c.claim!, false));
  const positives = labelled.filter((c) => c.claim === 1 && c.label !== null);
  const labelOf = (c: LabelledCandidate) => units[c.unit]!.labels[c.label!]!;
  const metricData = positives.map((c) => toExample(c, METRIC_IDS.indexOf(labelOf(c).metric)));
  const predicateData = positives.map((c) => toExample(c, PREDICATE_IDS.indexOf(labelOf(c).predicate), false));

  const claimFit = fitSoftmax(claimData, names.length, 2, l2.claim, 400, initFrom(options.warm?.claim, names, 2));
  const metricFit = fitSoftmax(metricData, names.length, METRIC_IDS.length, l2.metric, 400, initFrom(options.warm?.metric, names, METRIC_IDS.length));
  const predicateFit =
    options.withPredicate === false ? { weights: new Float64Array(names.length * PREDICATE_IDS.length) } : fitSoftmax(predicateData, names.length, PREDICATE_IDS.length, l2.predicate);
  const warm: WarmStart = {
    claim: new Map(names.map((f, i) => [f, claimFit.weights.slice(i * 2, i * 2 + 2)])),
    metric: new Map(names.map((f, i) => [f, metricFit.weights.slice(i * METRIC_IDS.length, (i + 1) * METRIC_IDS.length)])),
  };

  const claim: Record<string, number> = {};
  const metric: Record<string, number[]> = {};
  const predicate: Record<string, number[]> = {};
  names.forEach((f, i) => {
    const w = round4(claimFit.weights[i * 2 + 1]! - claimFit.weights[i * 2]!);
    if (w !== 0) claim[f] = w;
    const row = (fit: Float64Array, k: number) => Array.from(fit.subarray(i * k, i * k + k), round4);
    const m = row(metricFit.weights, METRIC_IDS.length);
    if (m.some((x) => x !== 0)) metric[f] = m;
    const p = row(predicateFit.weights, PREDICATE_IDS.length);
    if (p.some((x) => x !== 0)) predicate[f] = p;
  });
  return {
    warm,
    l2,
    claim,
    metric: { classes: [...METRIC_IDS], weights: metric },
    predicate: { classes: [...PREDICATE_IDS], weights: predicate },
  };
}

const PLACEHOLDER: Pick<ModelFile, 'calibration' | 'sensitivity'> = {
  calibration: { a: 1, b: 1, c: 0 },
  sensitivity: {
    strict: { threshold: 0.5, precision: 0, recall: 0, target: '' },
    balanced: { threshold: 0.5, precision: 0, recall: 0, target: '' },
    broad: { threshold: 0.5, precision: 0, recall: 0, target: '' },
  },
};

export interface OutOfFold {
  unit: number;
  claim: 0 | 1 | null;
  label: number | null;
  pClaim: number;
  pMetric: number;
  metricOk: boolean;
  /** First-pass metric logits in class order, and the candidate (the passage's second pass is fitted on them). */
  logits: Float64Array;
  candidate: LabelledCandidate;
}

function scoreOutOfFold(model: Weights, cands: readonly LabelledCandidate[], units: readonly Unit[]): OutOfFold[] {
  const full = { ...model, ...PLACEHOLDER, version: 1 as const, fittedOn: [], patternsSha256: '', scores: {} };
  return cands.map((c) => {
    const s = scoreEvidence(full, c.candidate.evidence);
    const label = c.label === null ? null : units[c.unit]!.labels[c.label]!;
    return { unit: c.unit, claim: c.claim, label: c.label, pClaim: s.pClaim, pMetric: s.metrics[0]!.probability, metricOk: label !== null && s.metrics[0]!.metric === label.metric, logits: s.metricLogits, candidate: c };
  });
}

export interface CurvePoint {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * The precision/recall curve of candidate numbers: a labelled claim counts as found at a
 * threshold when one of its candidates reaches it; a labelled claim with no candidate is
 * never found. Every other number of a passage, and every number of a sentence with no
 * claim, is a false claim when it reaches it.
 */
export function curve(oof: readonly OutOfFold[], units: readonly Unit[], unitIds: readonly number[]): CurvePoint[] {
  const best = new Map<string, number>();
  for (const o of oof) if (o.claim === 1 && o.label !== null) {
    const key = `${o.unit}:${o.label}`;
    best.set(key, Math.max(best.get(key) ?? 0, o.pClaim));
  }
  const totalPositives = unitIds.reduce((n, u) => n + units[u]!.labels.length, 0);
  const events: { p: number; pos: boolean }[] = [
    ...[...best.values()].map((p) => ({ p, pos: true })),
    ...oof.filter((o) => o.claim === 0).map((o) => ({ p: o.pClaim, pos: false })),
  ].sort((a, b) => b.p - a.p || Number(b.pos) - Number(a.pos));
  const points: CurvePoint[] = [];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < events.length; i++) {
    if (events[i]!.pos) tp++;
    else fp++;
    if (i + 1 < events.length && events[i + 1]!.p === events[i]!.p) continue;
    const precision = tp / (tp + fp);
    const recall = totalPositives ? tp / totalPositives : 0;
    // The threshold halfway to the next score down, so that a small shift in scores keeps the point.
    const nextP = i + 1 < events.length ? events[i + 1]!.p : 0;
    points.push({ threshold: (events[i]!.p + nextP) / 2, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 });
  }
  return points;
}

export const TARGETS = { strictPrecision: 0.98, broadRecall: 0.95 };

export function sensitivityPoints(points: readonly CurvePoint[]): Record<Sensitivity, SensitivityPoint> {
  const pick = (p: CurvePoint | undefined, target: string): SensitivityPoint => ({
    threshold: round4(p?.threshold ?? 0.5),
    precision: round4(p?.precision ?? 0),
    recall: round4(p?.recall ?? 0),
    target,
  });
  let balanced = points[0];
  for (const p of points) if (!balanced || p.f1 > balanced.f1) balanced = p;
  let strict: CurvePoint | undefined;
  for (const p of points) if (p.precision >= TARGETS.strictPrecision && (!strict || p.recall > strict.recall)) strict = p;
  strict ??= points[0];
  // Never looser than balanced's threshold on the strict side, nor stricter on the broad side.
  if (strict && balanced && strict.threshold < balanced.threshold) strict = balanced;
  const maxRecall = Math.max(0, ...points.map((p) => p.recall));
  const broadRecall = Math.min(TARGETS.broadRecall, maxRecall);
  let broad = points.find((p) => p.recall >= broadRecall);
  if (broad && balanced && broad.threshold > balanced.threshold) broad = balanced;
  return {
    strict: pick(strict, `precision ≥ ${TARGETS.strictPrecision}`),
    balanced: pick(balanced, 'best F1'),
    broad: pick(broad, broadRecall < TARGETS.broadRecall ? `recall ≥ ${TARGETS.broadRecall} not reached: highest recall ${round4(maxRecall)}` : `recall ≥ ${TARGETS.broadRecall}`),
  };
}

const logit = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

/**
 * The passage's second pass, fitted on the inner out-of-fold scores; the out-of-fold rows'
 * metric probability and correctness are then those of the second pass (calibration reads them).
 */
function fitPassage(oof: OutOfFold[], units: readonly Unit[], floor: number): PassageAgreement {
  const byUnit = new Map<number, OutOfFold[]>();
  for (const o of oof) {
    let list = byUnit.get(o.unit);
    if (!list) byUnit.set(o.unit, (list = []));
    list.push(o);
  }
  const rowOf = (o: OutOfFold): PassageRow => {
    const c = o.candidate.candidate;
    const label = o.claim === 1 && o.label !== null ? METRIC_IDS.indexOf(units[o.unit]!.labels[o.label]!.metric) : -1;
    return { item: { block: c.block, sentence: c.sentence, start: c.start, end: c.end, pClaim: o.pClaim, metrics: softmaxOf(o.logits) }, logits: o.logits, label };
  };
  const groups = [...byUnit.values()].map((list) => list.map(rowOf));
  const passage = fitAgreement(groups, floor);
  [...byUnit.values()].forEach((list, g) => {
    const items = groups[g]!.map((r) => (r.item.pClaim >= floor ? r.item : { ...r.item, metrics: null }));
    list.forEach((o, i) => {
      const p = softmaxOf(agreedLogits(o.logits, agreementOf(items, i, passage.tau), passage));
      let top = 0;
      for (let j = 1; j < p.length; j++) if (p[j]! > p[top]!) top = j;
      o.pMetric = p[top]!;
      const label = o.label === null ? null : units[o.unit]!.labels[o.label]!;
      o.metricOk = label !== null && METRIC_IDS[top] === label.metric;
    });
  });
  return passage;
}

function softmaxOf(logits: Float64Array): Float64Array {
  const p = Float64Array.from(logits);
  let max = -Infinity;
  for (const x of p) if (x > max) max = x;
  let sum = 0;
  for (let j = 0; j < p.length; j++) sum += p[j] = Math.exp(p[j]! - max);
  for (let j = 0; j < p.length; j++) p[j]! /= sum;
  return p;
}

/** Fits weights on these units, then calibration and thresholds on their inner out-of-fold scores. */
export function fitModel(
  units: readonly Unit[],
  cands: readonly LabelledCandidate[],
  unitIds: readonly number[],
  l2: L2 = DEFAULT_L2,
  options: { passage?: boolean } = {},
): { model: Omit<ModelFile, 'fittedOn' | 'patternsSha256' | 'scores'>; oof: OutOfFold[]; points: CurvePoint[] } {
  const inUnits = new Set(unitIds);
  const mine = cands.filter((c) => inUnits.has(c.unit));
  const folds = [...new Set(unitIds.map((u) => units[u]!.fold))].sort((a, b) => a - b);
  const { warm: _, ...weights } = fitWeights(mine, units, l2);
  const oof: OutOfFold[] = [];
  for (const f of folds) {
    const train = mine.filter((c) => units[c.unit]!.fold !== f);
    const test = mine.filter((c) => units[c.unit]!.fold === f);
    // Fitted from zero, never started from weights that saw the held-out fold.
    const { warm: __, ...inner } = fitWeights(train, units, l2, { withPredicate: false });
    oof.push(...scoreOutOfFold(inner, test, units));
  }
  const points = curve(oof, units, unitIds);
  const sensitivity = sensitivityPoints(points);
  const passage = options.passage === false ? undefined : fitPassage(oof, units, sensitivity.broad.threshold);
  // Confidence is shown only on claims the broad level reports: it is calibrated on those.
  const known = oof.filter((o) => o.claim !== null && o.pClaim >= sensitivity.broad.threshold);
  const [a, b, c] = fitLogistic(
    known.map((o) => [logit(o.pClaim), Math.log(Math.max(1e-6, o.pMetric)), 1]),
    known.map((o) => (o.claim === 1 && o.metricOk ? 1 : 0)),
  );
  return {
    model: { version: 1, ...weights, calibration: { a: round4(a!), b: round4(b!), c: round4(c!) }, ...(passage ? { passage } : {}), sensitivity },
    oof,
    points,
  };
}

// ---- Scoring predictions against labels.

export interface Pair {
  unit: number;
  claim: Claim;
  /** The label it matched, or null: a false claim (or, in a sentence whose main claim is elsewhere, unknown). */
  label: number | null;
  /** Whether the claim's correctness is known (false claims are; other numbers of claim sentences are not). */
  known: boolean;
}

export interface Predictions {
  /** Claims per unit. */
  claims: Claim[][];
}

export interface Figures {
  sentences: { n: number; tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; f1: number; metricAccuracy: number; predicateAccuracy: number };
  passages: { n: number; labels: number; predicted: number; tp: number; precision: number; recall: number; f1: number; metricAccuracy: number; predicateAccuracy: number };
  perMetric: { metric: string; support: number; predicted: number; precision: number; recall: number }[];
  confusion: Record<string, Record<string, number>>;
  reliability: { bins: { low: number; high: number; n: number; confidence: number; precision: number }[]; ece: number; n: number };
  /** News pages with no claim: how many claims were reported on them (all false). */
  claimFree: { pages: number; claims: number; pagesWithClaims: number };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** Matches claims to labels: sentences by their main claim, passages claim by claim (overlapping spans). */
export function matchAll(units: readonly Unit[], unitIds: readonly number[], claims: ReadonlyMap<number, Claim[]>): Pair[] {
  const pairs: Pair[] = [];
  for (const u of unitIds) {
    const unit = units[u]!;
    const list = claims.get(u) ?? [];
    if (unit.kind === 'sentence') {
      const label = unit.labels[0];
      const main = label ? (list.find((c) => c.start < label.end && label.start < c.end) ?? list[0]) : undefined;
      for (const c of list) {
        if (c === main) pairs.push({ unit: u, claim: c, label: 0, known: true });
        else pairs.push({ unit: u, claim: c, label: null, known: !unit.isClaim });
      }
      continue;
    }
    const used = new Set<number>();
    for (const c of list) {
      const l = unit.labels.findIndex((x, i) => !used.has(i) && x.start < c.end && c.start < x.end);
      if (l >= 0) used.add(l);
      pairs.push({ unit: u, claim: c, label: l >= 0 ? l : null, known: true });
    }
  }
  return pairs;
}

export function figures(units: readonly Unit[], allIds: readonly number[], claims: ReadonlyMap<number, Claim[]>): Figures {
  const free = allIds.filter((u) => units[u]!.claimFree);
  const claimFree = {
    pages: free.length,
    claims: free.reduce((n, u) => n + (claims.get(u)?.length ?? 0), 0),
    pagesWithClaims: free.filter((u) => claims.get(u)?.length).length,
  };
  const unitIds = allIds.filter((u) => !units[u]!.claimFree);
  const pairs = matchAll(units, unitIds, claims);
  const sent = { n: 0, tp: 0, fp: 0, fn: 0, tn: 0, metricOk: 0, predicateOk: 0 };
  const pass = { n: 0, labels: 0, predicted: 0, tp: 0, metricOk: 0, predicateOk: 0 };
  for (const u of unitIds) {
    const unit = units[u]!;
    const list = claims.get(u) ?? [];
    if (unit.kind === 'sentence') {
      sent.n++;
      if (unit.isClaim && list.length) sent.tp++;
      else if (unit.isClaim) sent.fn++;
      else if (list.length) sent.fp++;
      else sent.tn++;
    } else {
      pass.n++;
      pass.labels += unit.labels.length;
      pass.predicted += list.length;
    }
  }
  const matched = pairs.filter((p) => p.label !== null);
  for (const p of matched) {
    const unit = units[p.unit]!;
    const label = unit.labels[p.label!]!;
    const target = unit.kind === 'sentence' ? sent : pass;
    if (unit.kind === 'passage') pass.tp++;
    if (p.claim.metric === label.metric) target.metricOk++;
    if (p.claim.predicate === label.predicate) target.predicateOk++;
  }
  const sp = ratio(sent.tp, sent.tp + sent.fp);
  const sr = ratio(sent.tp, sent.tp + sent.fn);
  const pp = ratio(pass.tp, pass.predicted);
  const pr = ratio(pass.tp, pass.labels);

  const perMetric = METRIC_IDS.map((metric) => {
    const support = matched.filter((p) => units[p.unit]!.labels[p.label!]!.metric === metric);
    const predicted = matched.filter((p) => p.claim.metric === metric);
    return {
      metric,
      support: support.length,
      predicted: predicted.length,
      precision: ratio(predicted.filter((p) => units[p.unit]!.labels[p.label!]!.metric === metric).length, predicted.length),
      recall: ratio(support.filter((p) => p.claim.metric === metric).length, support.length),
    };
  });
  const confusion: Record<string, Record<string, number>> = {};
  for (const p of matched) {
    const want = units[p.unit]!.labels[p.label!]!.metric;
    const row = (confusion[want] ??= {});
    row[p.claim.metric] = (row[p.claim.metric] ?? 0) + 1;
  }
  // Reliability: reported claims whose correctness is known; correct = a claim with the right metric.
  const known = pairs.filter((p) => p.known);
  const bins = Array.from({ length: 10 }, (_, i) => ({ low: i / 10, high: (i + 1) / 10, n: 0, confidence: 0, precision: 0 }));
  for (const p of known) {
    const ok = p.label !== null && units[p.unit]!.labels[p.label]!.metric === p.claim.metric ? 1 : 0;
    const b = bins[Math.min(9, Math.floor(p.claim.confidence * 10))]!;
    b.n++;
    b.confidence += p.claim.confidence;
    b.precision += ok;
  }
  let ece = 0;
  for (const b of bins) {
    if (!b.n) continue;
    b.confidence /= b.n;
    b.precision /= b.n;
    ece += (b.n / Math.max(1, known.length)) * Math.abs(b.confidence - b.precision);
  }
  return {
    sentences: { n: sent.n, tp: sent.tp, fp: sent.fp, fn: sent.fn, tn: sent.tn, precision: sp, recall: sr, f1: f1(sp, sr), metricAccuracy: ratio(sent.metricOk, sent.tp), predicateAccuracy: ratio(sent.predicateOk, sent.tp) },
    passages: { n: pass.n, labels: pass.labels, predicted: pass.predicted, tp: pass.tp, precision: pp, recall: pr, f1: f1(pp, pr), metricAccuracy: ratio(pass.metricOk, pass.tp), predicateAccuracy: ratio(pass.predicateOk, pass.tp) },
    perMetric,
    confusion,
    reliability: { bins, ece, n: known.length },
    claimFree,
  };
}

export interface CrossValidation {
  bySensitivity: Record<Sensitivity, { figures: Figures; claims: Map<number, Claim[]> }>;
  models: Omit<ModelFile, 'fittedOn' | 'patternsSha256' | 'scores'>[];
}

/** Out-of-fold figures: each fold scored by a model fitted (and calibrated, and thresholded) on the others. */
export function crossValidate(units: readonly Unit[], cands: readonly LabelledCandidate[], l2: L2 = DEFAULT_L2, folds = 5): CrossValidation {
  const claims: Record<Sensitivity, Map<number, Claim[]>> = { strict: new Map(), balanced: new Map(), broad: new Map() };
  const models: CrossValidation['models'] = [];
  for (let f = 0; f < folds; f++) {
    const train = units.map((_, i) => i).filter((i) => units[i]!.fold !== f);
    const test = units.map((_, i) => i).filter((i) => units[i]!.fold === f);
    const { model } = fitModel(units, cands, train, l2);
    models.push(model);
    const full: ModelFile = { ...model, fittedOn: [], patternsSha256: '', scores: {} };
    for (const sensitivity of SENSITIVITIES) {
      for (const u of test) claims[sensitivity].set(u, findClaims(units[u]!.text, { sensitivity, model: full }));
    }
  }
  const all = units.map((_, i) => i);
  const bySensitivity = Object.fromEntries(
    SENSITIVITIES.map((s) => [s, { figures: figures(units, all, claims[s]), claims: claims[s] }]),
  ) as CrossValidation['bySensitivity'];
  return { bySensitivity, models };
}
