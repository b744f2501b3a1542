// The fitted model (rules/model.json, written by `npm run fit`): the weights
// that turn the rules' evidence into decisions, the calibration of confidence,
// the sensitivity thresholds with their measured figures, and what it was
// fitted on.
import { z } from 'zod';
import { MetricId, PredicateId, Sensitivity } from '../lib/contract';

/** Feature name → weight (claim or not). */
const BinaryWeights = z.record(z.string(), z.number());
/** Feature name → one weight per class, in the order of `classes`. */
const ClassWeights = z.record(z.string(), z.array(z.number()));

export const SensitivityPoint = z.object({
  /** Lowest probability of being a claim that is shown. */
  threshold: z.number().min(0).max(1),
  /** Out-of-fold candidate-level figures at this threshold. */
  precision: z.number().min(0).max(1),
  recall: z.number().min(0).max(1),
  /** What the point was chosen for: "precision ≥ 0.98", "best F1", "recall ≥ 0.95". */
  target: z.string(),
});
export type SensitivityPoint = z.infer<typeof SensitivityPoint>;

export const FittedFile = z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), records: z.number().int() });
export type FittedFile = z.infer<typeof FittedFile>;

/** The passage's second pass over the metric decision (lib/engine/passage-agreement.ts), fitted out of fold. */
export const PassageAgreement = z.object({
  /** Weight of the other claims' metrics in the same sentence. */
  same: z.number(),
  /** Weight of the other sentences' claims, decayed by exp(-distance / tau) sentences. */
  other: z.number(),
  tau: z.number().positive(),
  /** Numbers under this claim probability are no neighbours (the broad threshold). */
  floor: z.number().min(0).max(1),
});
export type PassageAgreement = z.infer<typeof PassageAgreement>;

export const ModelFile = z.object({
  version: z.literal(1),
  /** The labelled files the model was fitted on, with their hashes. */
  fittedOn: z.array(FittedFile),
  /** Hash of the pattern rules whose evidence the weights read. */
  patternsSha256: z.string(),
  l2: z.object({ claim: z.number(), metric: z.number(), predicate: z.number() }),
  claim: BinaryWeights,
  metric: z.object({ classes: z.array(MetricId), weights: ClassWeights }),
  predicate: z.object({ classes: z.array(PredicateId), weights: ClassWeights }),
  /** confidence = σ(a·logit(pClaim) + b·ln(pMetric) + c): the probability of a claim with this metric. */
  calibration: z.object({ a: z.number(), b: z.number(), c: z.number() }),
  /** Absent: each number's metric is decided on its own evidence alone. */
  passage: PassageAgreement.optional(),
  sensitivity: z.record(Sensitivity, SensitivityPoint),
  /** Out-of-fold figures of the fitting procedure (grouped by URL), for the record. */
  scores: z.record(z.string(), z.unknown()),
});
export type ModelFile = z.infer<typeof ModelFile>;
