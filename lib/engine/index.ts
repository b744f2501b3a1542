// Public face of the claims engine: text in, Claims out. Pure: no DOM, no
// storage, no browser APIs, so the CLI, the tests and the background share it.
import type { Claim, MetricId, Sensitivity } from '../contract';

export interface EngineOptions {
  sensitivity?: Sensitivity;
  /** Metrics the user switched off: claims attributed to them are dropped. */
  disabledMetrics?: readonly MetricId[];
}

/** Finds the claims in `text` (one or more sentences; a whole passage is best, for context). */
export function findClaims(text: string, options: EngineOptions = {}): Claim[] {
  void text;
  void options;
  return []; // replaced by the pipeline
}
