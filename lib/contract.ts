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
});
export type Claim = z.infer<typeof Claim>;
