// How sure the engine is that a number is a child-trafficking-related claim
// with the chosen metric: a weighted sum of independent pieces of evidence.
import type { FoundQuantity } from './quantity';
import type { PredicateChoice } from './predicate';
import type { MetricChoice } from './attribute';
import type { CountedNoun, NounKind } from './subject';

const NOUN_EVIDENCE: Record<NounKind | 'none', number> = {
  child: 1,
  victim: 0.9,
  family: 0.65,
  migrant: 0.6,
  case: 0.55,
  report: 0.55,
  person: 0.5,
  adult: 0.2,
  none: 0.3,
  nonclaim: 0,
};

const MONEY_EVIDENCE = 0.65;

export interface Evidence {
  noun: CountedNoun | null;
  /** Topic strength of the sentence itself and of its neighbours (sums of topic weights). */
  sentenceTopic: number;
  contextTopic: number;
  predicate: PredicateChoice;
  metric: MetricChoice;
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));

export function confidenceOf(q: FoundQuantity, e: Evidence): number {
  // Money counts dollars: what it is paid for (a fee, an income) plays the part of the noun.
  const paid = q.unit === 'usd' && (e.predicate.predicate === 'fee' || e.predicate.predicate === 'revenue');
  const noun = paid ? MONEY_EVIDENCE : NOUN_EVIDENCE[e.noun?.kind ?? 'none'];
  const topic = clamp(e.sentenceTopic / 5);
  const context = clamp(e.contextTopic / 5);
  const predicate = e.predicate.ruleId === null ? 0 : clamp(e.predicate.score / 5) * (e.predicate.predicate === 'other' ? 0.6 : 1);
  const metric = e.metric.metric === 'other' || e.metric.metric === 'unsourced' ? clamp(e.metric.score / 8) : clamp(e.metric.score / 6);
  let c = 0.25 * noun + 0.2 * topic + 0.1 * context + 0.15 * predicate + 0.3 * metric;
  // Small bare numbers ("three", "9") rarely stand for a dataset.
  if (q.unit === 'count' && q.value !== null && q.value < 10) c *= 0.8;
  if (q.unit === 'usd' && e.predicate.predicate !== 'fee' && e.predicate.predicate !== 'revenue') c *= 0.75;
  return Math.round(clamp(c) * 1000) / 1000;
}
