// Performance marks for the benchmark and the tests: each made once per page.
export const MARK = {
  start: 'metric-lens:start',
  indexed: 'metric-lens:indexed',
  firstHighlight: 'metric-lens:first-highlight',
  done: 'metric-lens:done',
} as const;

export type MarkName = (typeof MARK)[keyof typeof MARK];
