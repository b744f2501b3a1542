// Small numeric helpers and a plain-text table for the benchmark report.

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function max(values: readonly number[]): number {
  return values.length ? Math.max(...values) : NaN;
}

/** Runs `fn` at least `minRuns` times and until `minMs` have passed; returns each run's time. */
export function timeRuns(fn: () => void, minRuns: number, minMs: number, maxRuns = 50): number[] {
  const times: number[] = [];
  const begin = performance.now();
  while (times.length < minRuns || (performance.now() - begin < minMs && times.length < maxRuns)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

export function fmt(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}

/** Left-aligns the first column, right-aligns the others. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function verdict(ok: boolean | null): string {
  return ok === null ? '(n/a)' : ok ? 'meets target' : 'MISSES target';
}
