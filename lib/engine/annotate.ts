// What a reader needs beside the number: the metric's caveats, the conflation
// (the sentence says "missing", the metric counts unanswered calls) and the
// official figure to compare with.
import type { Conflation, MetricId, PredicateId, SourceRef } from '../contract';
import type { Figure, MetricEntry } from '../../rules/schema';
import type { FoundQuantity } from './quantity';

export interface Annotation {
  metricName: string;
  caveats: string[];
  conflation: Conflation | null;
  source: SourceRef | null;
}

export function conflationOf(predicate: PredicateId, metric: MetricEntry): Conflation | null {
  if (predicate === 'other' || metric.faithfulPredicates.includes(predicate)) return null;
  if (metric.id === 'other') return null;
  return { says: predicate, counts: metric.counts };
}

/** The figure nearest in magnitude with the same unit; else the most recent one. */
export function closestFigure(q: FoundQuantity, figures: readonly Figure[]): Figure | null {
  const value = q.value ?? (q.low !== null && q.high !== null ? Math.sqrt(Math.max(q.low, 1) * q.high) : null);
  const sameUnit = figures.filter((f) => f.unit === q.unit && f.number !== null && f.number > 0);
  if (value !== null && value > 0 && sameUnit.length) {
    let best = sameUnit[0]!;
    let bestGap = Infinity;
    for (const f of sameUnit) {
      const gap = Math.abs(Math.log(value / f.number!));
      if (gap < bestGap || (gap === bestGap && f.date > best.date)) [best, bestGap] = [f, gap];
    }
    return best;
  }
  return [...figures].sort((a, b) => b.date.localeCompare(a.date))[0] ?? null;
}

export function annotate(
  q: FoundQuantity,
  predicate: PredicateId,
  metric: MetricEntry,
  extraFigures: readonly Figure[] = [],
): Annotation {
  const figure = closestFigure(q, [...metric.figures, ...extraFigures]);
  return {
    metricName: metric.name,
    caveats: metric.caveats.map((c) => c.text),
    conflation: conflationOf(predicate, metric),
    source: figure
      ? { publisher: figure.publisher, title: figure.title, period: figure.period, value: figure.value, url: figure.url }
      : null,
  };
}

export type FiguresByMetric = ReadonlyMap<MetricId, readonly Figure[]>;
