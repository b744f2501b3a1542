// Performance marks for the benchmark and the tests: each made once per page.
export const MARK = {
  start: 'metric-lens:start',
  indexed: 'metric-lens:indexed',
  firstHighlight: 'metric-lens:first-highlight',
  done: 'metric-lens:done',
  /** The engine's answer for the page arrived in the gate. */
  answered: 'metric-lens:answered',
  /** The annotator script's session started (claims came back). */
  annotator: 'metric-lens:annotator',
} as const;

export type MarkName = (typeof MARK)[keyof typeof MARK];
