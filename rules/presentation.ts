// How the popup presents what the engine decided: when a metric counts as
// uncertain, when a series is drawn, how much shows before "More". Data, so
// that these levels are set and documented in one place (README, "The popup").
import { z } from 'zod';
import { checkedRuleFile } from './load';
import data from './presentation.json';

export const Presentation = z.object({
  version: z.number().int().positive(),
  /** Below this probability of the top metric, the popup names the likely datasets with their probabilities. */
  uncertainBelow: z.number().min(0).max(1),
  /** A measure with at least this many figures is drawn as a chart. */
  chartMinPoints: z.number().int().min(2),
  /** How many likely metrics an uncertain claim names. */
  alternativesShown: z.number().int().min(2).max(5),
  /** Caveats shown before the "More" disclosure. */
  caveatsShown: z.number().int().min(1),
});
export type Presentation = z.infer<typeof Presentation>;

export const PRESENTATION_PATH = 'rules/presentation.json';

/** Checked at build and test time (rules/checks.ts). */
export const PRESENTATION: Presentation = checkedRuleFile(data);
