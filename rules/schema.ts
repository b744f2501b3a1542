// Schemas for the rule data in rules/*.json. The engine interprets this data;
// adding a metric figure or a cue word needs no code change. A user's rule
// pack is validated by the same schemas.
import { z } from 'zod';
import { MetricId, PredicateId, Unit } from '../lib/contract';

const nonEmpty = z.string().trim().min(1);

/** A rule id: lowercase, dot- or dash-separated, stable across versions. */
export const RuleId = z
  .string()
  .regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, 'ids are lowercase words joined by . _ or -')
  .max(80);

/** An official figure, always with its source and period. */
export const Figure = z.object({
  id: RuleId,
  /** What exactly was counted, in a few words. */
  label: nonEmpty,
  /** The figure as the publisher states it: "more than 291,000". */
  value: nonEmpty,
  /** Its numeric value, for comparing magnitudes; null where none applies. */
  number: z.number().nullable(),
  unit: Unit,
  period: nonEmpty,
  publisher: nonEmpty,
  title: nonEmpty,
  /** Publication date, ISO (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  url: z.string().url(),
});
export type Figure = z.infer<typeof Figure>;

export const FAMILIES = ['border', 'custody', 'enforcement', 'estimates', 'money', 'other'] as const;
export const Family = z.enum(FAMILIES);
export type Family = z.infer<typeof Family>;

export const MetricEntry = z.object({
  id: MetricId,
  family: Family,
  /** Full name: "ORR follow-up calls to sponsors that went unanswered". */
  name: nonEmpty,
  /** Two to five words for the tooltip and lists. */
  shortName: nonEmpty,
  publisher: nonEmpty,
  /** One sentence: what the number counts. Used as conflation.counts. */
  counts: nonEmpty,
  /** One sentence: what it is often taken for but does not count. */
  notCounts: nonEmpty,
  /** The single line shown on hover. */
  tooltip: nonEmpty,
  /** Neutral, specific, most important first. */
  caveats: z.array(nonEmpty).min(1),
  /** Predicates that describe what this metric counts; any other predicate is a conflation. */
  faithfulPredicates: z.array(PredicateId),
  figures: z.array(Figure),
});
export type MetricEntry = z.infer<typeof MetricEntry>;

export const MetricBase = z.object({
  version: z.number().int().positive(),
  metrics: z.array(MetricEntry),
});
export type MetricBase = z.infer<typeof MetricBase>;
