// The three sensitivity levels: one table of thresholds read by one code path.
import type { PredicateId, Sensitivity } from '../contract';

export interface SensitivityLevel {
  /** Lowest confidence shown. */
  minConfidence: number;
  /** Vague amounts ("thousands of children"): shown, and how much their confidence is discounted. */
  allowVague: boolean;
  vagueFactor: number;
  /** The number must count children or victims ("85,000 children", "30% of victims"). */
  requireChildSubject: boolean;
  /** The sentence must say something trafficking-related happened (not just "other"). */
  requirePredicate: boolean;
  /** One line for the options page. */
  description: string;
  example: string;
}

export const SENSITIVITY_LEVELS: Record<Sensitivity, SensitivityLevel> = {
  strict: {
    minConfidence: 0.7,
    allowVague: false,
    vagueFactor: 0,
    requireChildSubject: true,
    requirePredicate: true,
    description: 'Only explicit numbers about children with a clear trafficking-related verb.',
    example: '“85,000 migrant children are missing”',
  },
  balanced: {
    minConfidence: 0.48,
    allowVague: true,
    vagueFactor: 0.85,
    requireChildSubject: false,
    requirePredicate: false,
    description: 'Numbers about children, trafficking, smuggling and the border, including all-ages trafficking statistics.',
    example: '“CBP encountered 152,057 unaccompanied minors”, “30% of detected victims are children”',
  },
  broad: {
    minConfidence: 0.35,
    allowVague: true,
    vagueFactor: 1,
    requireChildSubject: false,
    requirePredicate: false,
    description: 'Also vague amounts and weaker cues: more to read, some of it noise.',
    example: '“thousands of children cross each year”, “millions of people fall victim”',
  },
};

/** Predicates that say something trafficking-related happened to the children. */
export const ALARM_PREDICATES: readonly PredicateId[] = [
  'trafficked', 'smuggled', 'missing', 'lost_contact', 'exploited_labor', 'exploited_sex', 'found', 'prosecuted', 'identified_victims',
];
