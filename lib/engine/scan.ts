// Finds every rule's terms in one sentence, once; the later stages only read
// these hits.
import type { CompiledRules, Compiled } from './compile';
import { findHits, type Hit } from './lexicon';

export interface RuleHits<R> {
  rule: R;
  hits: Hit[];
}

export interface SentenceHits<Rules extends CompiledRules = CompiledRules> {
  topics: RuleHits<Rules['topics'][number]['rule']>[];
  nouns: RuleHits<Rules['nouns'][number]['rule']>[];
  predicates: RuleHits<Rules['predicates'][number]['rule']>[];
  metricCues: RuleHits<Rules['metricCues'][number]['rule']>[];
  negatives: RuleHits<Rules['negatives'][number]['rule']>[];
}

function hitsOf<R>(compiled: Compiled<R>[], text: string): RuleHits<R>[] {
  const out: RuleHits<R>[] = [];
  for (const { rule, re } of compiled) {
    const hits = findHits(re, text);
    if (hits.length) out.push({ rule, hits });
  }
  return out;
}

export function scanSentence(rules: CompiledRules, text: string): SentenceHits {
  return {
    topics: hitsOf(rules.topics, text),
    nouns: hitsOf(rules.nouns, text),
    predicates: hitsOf(rules.predicates, text),
    metricCues: hitsOf(rules.metricCues, text),
    negatives: hitsOf(rules.negatives, text),
  };
}

/** Topic strength of a text: the sum of the weights of the topics it mentions, each counted once. */
export function topicStrength(hits: SentenceHits): { total: number; topics: Set<string> } {
  const best = new Map<string, number>();
  for (const { rule } of hits.topics) best.set(rule.topic, Math.max(best.get(rule.topic) ?? 0, rule.weight));
  let total = 0;
  for (const w of best.values()) total += w;
  return { total, topics: new Set(best.keys()) };
}
