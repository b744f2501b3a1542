// Turns rule data (the shipped patterns plus any enabled rule packs) into one
// word index, once per distinct rule set.
import type {
  AnchorRule, MetricCueRule, NegativeRule, NounRule, PatternSet, PredicateRule, PriorRule, RulePack, TopicRule,
} from '../../rules/schema';
import { Lexicon } from './lexicon';

export type RuleRef =
  | { kind: 'topics'; rule: TopicRule }
  | { kind: 'nouns'; rule: NounRule }
  | { kind: 'predicates'; rule: PredicateRule }
  | { kind: 'metricCues'; rule: MetricCueRule }
  | { kind: 'negatives'; rule: NegativeRule };

export interface CompiledRules {
  lexicon: Lexicon<RuleRef>;
  anchors: AnchorRule[];
  priors: PriorRule[];
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
  const refs: RuleRef[] = [
    ...patterns.topics.map((rule) => ({ kind: 'topics' as const, rule })),
    ...patterns.nouns.map((rule) => ({ kind: 'nouns' as const, rule })),
    ...patterns.predicates.map((rule) => ({ kind: 'predicates' as const, rule })),
    ...patterns.metricCues.map((rule) => ({ kind: 'metricCues' as const, rule })),
    ...patterns.negatives.map((rule) => ({ kind: 'negatives' as const, rule })),
  ];
  return {
    lexicon: new Lexicon(refs.map((ref) => ({ key: ref, terms: ref.rule.terms }))),
    anchors: patterns.anchors,
    priors: patterns.priors,
  };
}
