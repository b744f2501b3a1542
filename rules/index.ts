// The metric knowledge base. The shipped file is checked at build and test time
// (rules/checks.ts, with parseMetricBase); a defect there fails the build.
import { METRIC_IDS, type MetricId } from '../lib/contract';
import { checkedRuleFile, parseRuleFile } from './load';
import rawMetrics from './metrics.json';
import { MetricBase, type Family, type Figure, type MetricEntry } from './schema';

export const METRICS_PATH = 'rules/metrics.json';

/** Validates metric data and checks that every contract metric has exactly one entry. */
export function parseMetricBase(data: unknown, path = METRICS_PATH): MetricBase {
  const base = parseRuleFile(MetricBase, data, path);
  const seen = new Set<MetricId>();
  for (const [i, entry] of base.metrics.entries()) {
    if (seen.has(entry.id)) throw new Error(`${path}: metrics[${i}] repeats metric "${entry.id}"`);
    seen.add(entry.id);
    // A caveat about a series speaks of one of this metric's own: a misspelt measure would silently never apply.
    const measures = new Set(entry.figures.map((f) => f.measure));
    for (const caveat of entry.caveats) {
      const unknown = [...(caveat.when?.measures ?? []), ...(caveat.when?.unlessMeasures ?? [])].filter((m) => !measures.has(m));
      if (unknown.length > 0) throw new Error(`${path}: caveat "${caveat.id}" of "${entry.id}" names no figure's measure: ${unknown.join(', ')}`);
    }
  }
  const missing = METRIC_IDS.filter((id) => !seen.has(id));
  if (missing.length > 0) throw new Error(`${path}: no entry for metric(s) ${missing.join(', ')}`);
  return base;
}

export const METRICS: MetricBase = checkedRuleFile(rawMetrics);

const BY_ID: ReadonlyMap<MetricId, MetricEntry> = new Map(METRICS.metrics.map((m) => [m.id, m]));

export function metricById(id: MetricId): MetricEntry {
  const entry = BY_ID.get(id);
  // The check of the shipped file guarantees completeness; this guards ids cast from untyped input.
  if (!entry) throw new Error(`${METRICS_PATH} has no entry for metric "${id}"`);
  return entry;
}

export const FAMILY_OF: Readonly<Record<MetricId, Family>> = Object.fromEntries(
  METRICS.metrics.map((m) => [m.id, m.family]),
) as Record<MetricId, Family>;

/** One measure's figures, oldest period first: the series the popup draws as a chart. */
export function seriesOf(metricId: MetricId, measure: string): Figure[] {
  return metricById(metricId)
    .figures.filter((f) => f.measure === measure)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd));
}

