// Finds every rule's terms in one sentence, once; the later stages only read
// these hits.
import type { MetricCueRule, NegativeRule, NounRule, PredicateRule, TopicRule } from '../../rules/schema';
import type { CompiledRules } from './compile';
import { tokenize, type Hit } from './lexicon';

export interface RuleHits<R> {
  rule: R;
  hits: Hit[];
}

export interface SentenceHits {
  topics: RuleHits<TopicRule>[];
  nouns: RuleHits<NounRule>[];
  predicates: RuleHits<PredicateRule>[];
  metricCues: RuleHits<MetricCueRule>[];
  negatives: RuleHits<NegativeRule>[];
}

export function scanSentence(rules: CompiledRules, text: string): SentenceHits {
  const out: SentenceHits = { topics: [], nouns: [], predicates: [], metricCues: [], negatives: [] };
  for (const [ref, hits] of rules.lexicon.match(text, tokenize(text))) {
    // The union is sound: ref.kind names the list that ref.rule belongs to.
    (out[ref.kind] as RuleHits<typeof ref.rule>[]).push({ rule: ref.rule, hits });
  }
  return out;
}

/** Topic strength of a text: the sum of the weights of the topics it mentions, each counted once. */
export function topicStrength(hits: SentenceHits): { total: number; topics: Set<string> } {
  const best = new Map<string, number>();
  for (const { rule } of hits.topics) best.set(rule.topic, Math.max(best.get(rule.topic) ?? 0, rule.weight));
  let total = 0;
  for (const w of best.values()) total += w;
  return { total, topics: new Set(best.keys()) };
}
