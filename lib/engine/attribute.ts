// Which metric a number comes from: cue words near it (and, more weakly, in the
// neighbouring sentences), known magnitudes (291,000 + 32,000 restated as
// "300,000 missing"), and what the predicate usually means.
import type { MetricId, PredicateId } from '../contract';
import type { AnchorRule } from '../../rules/schema';
import type { CompiledRules } from './compile';
import { acrossClause, distance } from './lexicon';
import type { FoundQuantity } from './quantity';
import type { SentenceHits } from './scan';
import type { CountedNoun } from './subject';

export interface MetricChoice {
  metric: MetricId;
  score: number;
  /** Rule ids behind the choice, strongest first. */
  ruleIds: string[];
  /** The sentence uses wording specific to this metric's dataset (a cue of weight ≥ 6, not money words). */
  specific: boolean;
}

const SPECIFIC_CUE_WEIGHT = 6;

const CONTEXT_FACTOR = 0.35;
const VAGUE_UNSOURCED: readonly PredicateId[] = ['trafficked', 'exploited_sex', 'exploited_labor', 'smuggled'];
/** A cue in another clause of the sentence counts half. */
const CLAUSE_FACTOR = 0.5;
const MIN_SCORE = 2;

interface Tally {
  score: number;
  reasons: { id: string; score: number }[];
}

function add(tally: Map<MetricId, Tally>, metric: MetricId, id: string, score: number): void {
  if (score <= 0) return;
  const t = tally.get(metric) ?? { score: 0, reasons: [] };
  const existing = t.reasons.find((r) => r.id === id);
  if (existing) {
    if (score <= existing.score) return;
    t.score += score - existing.score;
    existing.score = score;
  } else {
    t.score += score;
    t.reasons.push({ id, score });
  }
  tally.set(metric, t);
}

function anchorMatches(a: AnchorRule, q: FoundQuantity, predicate: PredicateId, noun: CountedNoun | null): number {
  if (a.unit !== q.unit || !a.predicates.includes(predicate)) return 0;
  if (a.nouns && !(noun && a.nouns.includes(noun.kind))) return 0;
  // "hundreds of thousands trafficked" restates no dataset: a vague amount matches a known
  // figure only where the sentence says what that figure counts, or that the children are lost.
  if (q.vague && VAGUE_UNSOURCED.includes(predicate)) return 0;
  // A range ("244,000 to 325,000") must lie within the known magnitude, not just its midpoint.
  if (!q.vague && q.low !== null && q.high !== null && q.low !== q.high) return q.low >= a.low && q.high <= a.high ? 1 : 0;
  if (q.value !== null) return q.value >= a.low && q.value <= a.high ? 1 : 0;
  // A vague amount ("hundreds of thousands") fits a known figure that sits well inside its
  // range: nobody says "thousands" for 1,500.
  if (q.low !== null && q.high !== null) {
    const mid = Math.sqrt(Math.max(a.low, 1) * a.high);
    return mid >= 2 * q.low && mid <= q.high ? 0.5 : 0;
  }
  return 0;
}

export function chooseMetric(
  sentenceText: string,
  q: FoundQuantity,
  predicate: PredicateId,
  noun: CountedNoun | null,
  sentence: SentenceHits,
  context: readonly SentenceHits[],
  rules: CompiledRules,
): MetricChoice {
  const tally = new Map<MetricId, Tally>();
  const cueApplies = (units: readonly string[] | undefined) => !units || units.includes(q.unit);
  for (const { rule, hits } of sentence.metricCues) {
    if (!cueApplies(rule.units)) continue;
    let best = 0;
    for (const h of hits) {
      const score = (rule.weight / (1 + distance(h, q) / 80)) * (acrossClause(sentenceText, h, q) ? CLAUSE_FACTOR : 1);
      best = Math.max(best, score);
    }
    add(tally, rule.metric, rule.id, best);
  }
  for (const hits of context) {
    for (const { rule } of hits.metricCues) if (cueApplies(rule.units)) add(tally, rule.metric, rule.id, rule.weight * CONTEXT_FACTOR);
  }
  for (const a of rules.anchors) {
    const m = anchorMatches(a, q, predicate, noun);
    if (m) add(tally, a.metric, a.id, a.weight * m);
  }
  for (const p of rules.priors) {
    if (p.predicate !== predicate) continue;
    if (p.units && !p.units.includes(q.unit)) continue;
    if (p.nouns && !(noun && p.nouns.includes(noun.kind))) continue;
    add(tally, p.metric, p.id, p.weight);
  }
  let best: { metric: MetricId; t: Tally } | null = null;
  for (const [metric, t] of tally) if (!best || t.score > best.t.score) best = { metric, t };
  if (!best || best.t.score < MIN_SCORE) {
    return { metric: fallbackMetric(q, predicate, noun), score: best?.t.score ?? 0, ruleIds: best ? ids(best.t) : [], specific: false };
  }
  const chosen = best.metric;
  const specific = sentence.metricCues.some(
    ({ rule }) => rule.metric === chosen && rule.weight >= SPECIFIC_CUE_WEIGHT && !rule.units,
  );
  return { metric: chosen, score: best.t.score, ruleIds: ids(best.t), specific };
}

function ids(t: Tally): string[] {
  return [...t.reasons].sort((a, b) => b.score - a.score).map((r) => r.id);
}

/** Nothing points to a dataset: a large trafficking-type figure is unsourced, anything else "other". */
function fallbackMetric(q: FoundQuantity, predicate: PredicateId, noun: CountedNoun | null): MetricId {
  const alarming: PredicateId[] = ['trafficked', 'missing', 'smuggled', 'exploited_sex', 'exploited_labor'];
  const big = q.vague || (q.unit === 'count' && (q.value ?? 0) >= 1_000) || q.unit === 'usd';
  if (alarming.includes(predicate) && big && (noun?.kind === 'child' || noun?.kind === 'victim' || q.vague)) return 'unsourced';
  return 'other';
}
