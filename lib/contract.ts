// The claims contract (shared/spec/claims-contract.md) as zod schemas: the one
// place where Claim, predicate ids and metric ids are defined.
import { z } from 'zod';

export const PREDICATE_IDS = [
  'trafficked',
  'smuggled',
  'missing',
  'lost_contact',
  'encountered',
  'released',
  'exploited_labor',
  'exploited_sex',
  'found',
  'prosecuted',
  'fee',
  'revenue',
  'identified_victims',
  'reports',
  'other',
] as const;
export const PredicateId = z.enum(PREDICATE_IDS);
export type PredicateId = z.infer<typeof PredicateId>;

export const METRIC_IDS = [
  'cbp_uac_encounters',
  'cbp_total_encounters',
  'orr_referrals_releases',
  'orr_lost_contact',
  'oig_ice_monitoring',
  'children_located',
  'law_enforcement_cases',
  'victim_identifications',
  'hotline_reports',
  'global_estimates',
  'detected_victim_shares',
  'survey_estimates',
  'smuggling_fees',
  'smuggling_revenue',
  'fraudulent_family_units',
  'labor_violations',
  'unsourced',
  'other',
] as const;
export const MetricId = z.enum(METRIC_IDS);
export type MetricId = z.infer<typeof MetricId>;

export const SENSITIVITIES = ['strict', 'balanced', 'broad'] as const;
export const Sensitivity = z.enum(SENSITIVITIES);
export type Sensitivity = z.infer<typeof Sensitivity>;

export const Unit = z.enum(['count', 'percent', 'ratio', 'usd', 'other']);
export type Unit = z.infer<typeof Unit>;

export const Quantity = z.object({
  raw: z.string(),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  unit: Unit,
});
export type Quantity = z.infer<typeof Quantity>;

export const SourceRef = z.object({
  publisher: z.string(),
  title: z.string(),
  period: z.string(),
  value: z.string(),
  url: z.string(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Conflation = z.object({
  says: PredicateId,
  counts: z.string(),
});
export type Conflation = z.infer<typeof Conflation>;

export const Claim = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  number: Quantity,
  predicate: PredicateId,
  metric: MetricId,
  confidence: z.number().min(0).max(1),
  conflation: Conflation.nullable(),
  caveats: z.array(z.string()),
  source: SourceRef.nullable(),
  // Additions beyond the contract (allowed: "add fields freely").
  metricName: z.string(),
  /** Ids of the pattern rules that fired, most decisive first: "why was this flagged". */
  rules: z.array(z.string()),
  sensitivity: Sensitivity,
  /** The phrases that decided, most weighty first. */
  reasons: z.array(z.lazy(() => Reason)).optional(),
  /** The metric distribution, most probable first (the first is `metric`). */
  alternatives: z.array(z.lazy(() => MetricProbability)).optional(),
});
export type Claim = z.infer<typeof Claim>;

// ---- Shared shapes for reading a page as a document and explaining a decision.

/** One block of a page, in reading order: the engine reads a page as a document, not a bag of sentences. */
export const BlockKind = z.enum(['heading', 'paragraph', 'list-item', 'caption', 'quote', 'other']);
export type BlockKind = z.infer<typeof BlockKind>;

export const DocumentBlock = z.object({
  text: z.string().max(2_000_000),
  kind: BlockKind,
  /** Heading level 1-6, for headings. */
  level: z.number().int().min(1).max(6).optional(),
});
export type DocumentBlock = z.infer<typeof DocumentBlock>;

export const DocumentInput = z.object({
  title: z.string().max(2_000).optional(),
  /** The page's own publication date (ISO YYYY-MM-DD), for relative periods ("last year"). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  blocks: z.array(DocumentBlock).max(20_000),
});
export type DocumentInput = z.infer<typeof DocumentInput>;

/** A phrase of the text that weighed in a decision: offsets into the same text as the claim's. */
export const Reason = z.object({
  phrase: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The feature it carried (a rule id or a feature name), for the details view. */
  feature: z.string(),
  /** Its weight in the decision for the chosen metric (log-odds; positive: for it). */
  weight: z.number(),
});
export type Reason = z.infer<typeof Reason>;

/** The engine's probability for one metric. */
export const MetricProbability = z.object({ metric: MetricId, probability: z.number().min(0).max(1) });
export type MetricProbability = z.infer<typeof MetricProbability>;
