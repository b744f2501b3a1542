// The three sensitivity levels: points on the out-of-fold precision/recall
// curve, fitted by `npm run fit` and read from rules/model.json, with their
// measured figures for the options page.
import type { Sensitivity } from '../contract';
import { MODEL } from '../../rules/model';

export interface SensitivityLevel {
  /** Lowest probability of being a claim that is shown (fitted). */
  threshold: number;
  /** Out-of-fold precision and recall of candidate numbers at this threshold. */
  precision: number;
  recall: number;
  /** What the point was chosen for. */
  target: string;
  /** One line for the options page. */
  description: string;
  example: string;
}

const COPY: Record<Sensitivity, { description: string; example: string }> = {
  strict: {
    description: 'Only the numbers the engine is surest about: explicit figures about children with a clear trafficking-related verb.',
    example: '“85,000 migrant children are missing”',
  },
  balanced: {
    description: 'Numbers about children, trafficking, smuggling and the border, including all-ages trafficking statistics.',
    example: '“CBP encountered 152,057 unaccompanied minors”, “30% of detected victims are children”',
  },
  broad: {
    description: 'Also vague amounts and weaker cues: more to read, some of it noise.',
    example: '“thousands of children cross each year”, “millions of people fall victim”',
  },
};

function level(id: Sensitivity): SensitivityLevel {
  const point = MODEL.sensitivity[id];
  if (!point) throw new Error(`rules/model.json has no sensitivity point "${id}"`);
  return { ...point, ...COPY[id] };
}

export const SENSITIVITY_LEVELS: Record<Sensitivity, SensitivityLevel> = {
  strict: level('strict'),
  balanced: level('balanced'),
  broad: level('broad'),
};

/** "precision 98%, recall 61% (measured out of fold)": the measured figures in words. */
export function measuredFigures(id: Sensitivity): string {
  const l = SENSITIVITY_LEVELS[id];
  return `precision ${Math.round(l.precision * 100)}%, recall ${Math.round(l.recall * 100)}% (measured on held-out pages)`;
}
