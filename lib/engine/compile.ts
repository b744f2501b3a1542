// Turns rule data (the shipped patterns plus any enabled rule packs) into
// compiled regexes, once per distinct rule set.
import type { AnchorRule, PriorRule, MetricCueRule, NegativeRule, NounRule, PatternSet, PredicateRule, RulePack, TopicRule } from '../../rules/schema';
import { compileTerms } from './lexicon';

export interface Compiled<R> {
  rule: R;
  re: RegExp;
}

export interface CompiledRules {
  topics: Compiled<TopicRule>[];
  nouns: Compiled<NounRule>[];
  predicates: Compiled<PredicateRule>[];
  metricCues: Compiled<MetricCueRule>[];
  negatives: Compiled<NegativeRule>[];
  anchors: AnchorRule[];
  priors: PriorRule[];
}

function compileAll<R extends { terms: string[] }>(rules: readonly R[]): Compiled<R>[] {
  return rules.map((rule) => ({ rule, re: compileTerms(rule.terms) }));
}

/** Merges packs into the base rules: a pack's rule with an existing id replaces it. */
export function mergePacks(base: PatternSet, packs: readonly RulePack[]): PatternSet {
  const merge = <R extends { id: string }>(rules: R[], extra: (p: RulePack) => R[] | undefined): R[] => {
    const byId = new Map(rules.map((r) => [r.id, r]));
    for (const pack of packs) for (const r of extra(pack) ?? []) byId.set(r.id, r);
    return [...byId.values()];
  };
  return {
    version: base.version,
    topics: merge(base.topics, (p) => p.topics),
    nouns: merge(base.nouns, (p) => p.nouns),
    predicates: merge(base.predicates, (p) => p.predicates),
    metricCues: merge(base.metricCues, (p) => p.metricCues),
    negatives: merge(base.negatives, (p) => p.negatives),
    anchors: merge(base.anchors, (p) => p.anchors),
    priors: merge(base.priors, (p) => p.priors),
  };
}

export function compileRules(patterns: PatternSet): CompiledRules {
  return {
    topics: compileAll(patterns.topics),
    nouns: compileAll(patterns.nouns),
    predicates: compileAll(patterns.predicates),
    metricCues: compileAll(patterns.metricCues),
    negatives: compileAll(patterns.negatives),
    anchors: patterns.anchors,
    priors: patterns.priors,
  };
}
