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
  /** The sentence's own words for what happened ("went missing"), where the engine found them. */
  words: z.string().optional(),
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
  /** The period the claim names, in its sentence or the passage before it; null where none is named. */
  period: z.lazy(() => ClaimPeriod).nullable().optional(),
  /** The official figure shown beside the claim, and how it was chosen (same measure, same period, same unit). */
  comparison: z.lazy(() => Comparison).nullable().optional(),
  /** Why no official figure is shown beside the number, in one plain sentence, where none is. */
  noFigure: z.string().optional(),
  /** The claim's sentence and where it starts in the input, so that `reasons` can be marked in it. */
  sentence: z.object({ text: z.string(), start: z.number().int().nonnegative() }).optional(),
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

// ---- Periods and the comparison with an official figure.

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PERIOD_KINDS = ['fiscal_year', 'calendar_year', 'month', 'range', 'relative'] as const;
export const PeriodKind = z.enum(PERIOD_KINDS);
export type PeriodKind = z.infer<typeof PeriodKind>;

/** A period named in the text: "FY2019", "March 2021", "since 2014", "last year" (resolved against the page date). */
export const ClaimPeriod = z.object({
  /** As written: "fiscal 2021", "between 2014 and 2018". */
  raw: z.string(),
  /** UTF-16 offsets of `raw`, into the same text as the claim's start/end. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: PeriodKind,
  /** First and last day, inclusive (FY2019 = 2018-10-01 to 2019-09-30). */
  from: IsoDate,
  /** Null where the period is open-ended ("since 2014" with no page date). */
  to: IsoDate.nullable(),
});
export type ClaimPeriod = z.infer<typeof ClaimPeriod>;

/** How the figure's period relates to the claim's: the same, the nearest one the knowledge base has, or none named. */
export const PeriodMatch = z.enum(['same', 'nearest', 'none-named']);
export type PeriodMatch = z.infer<typeof PeriodMatch>;

export const Comparison = z.object({
  figureId: z.string(),
  /** The series the figure belongs to (figures with one measure form one series). */
  measure: z.string(),
  /** What exactly the figure counts. */
  label: z.string(),
  /** As the publisher states it, and its numeric value and unit. */
  value: z.string(),
  number: z.number().nullable(),
  unit: Unit,
  /** The figure's period as written, and as dates. */
  period: z.string(),
  periodFrom: IsoDate.nullable(),
  periodTo: IsoDate.nullable(),
  note: z.string().optional(),
  publisher: z.string(),
  title: z.string(),
  url: z.string(),
  /** Where the value was not checked on the publisher's own page: what it was checked against. */
  sourceNote: z.string().optional(),
  samePeriod: z.boolean(),
  periodMatch: PeriodMatch,
  /** One plain sentence on the match: "No official figure for FY2016 in Metric Lens; nearest: FY2017." */
  statement: z.string(),
});
export type Comparison = z.infer<typeof Comparison>;
