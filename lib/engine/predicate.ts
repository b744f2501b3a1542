// What the sentence says happened: the predicate cue that is strongest once
// its distance from the number is taken into account. The sentence's own
// wording decides, never the metric.
import type { PredicateId } from '../contract';
import { distance } from './lexicon';
import type { FoundQuantity } from './quantity';
import type { SentenceHits } from './scan';

export interface PredicateChoice {
  predicate: PredicateId;
  ruleId: string | null;
  score: number;
}

const DECAY_CHARS = 40;

export function choosePredicate(q: FoundQuantity, hits: SentenceHits): PredicateChoice {
  let best: PredicateChoice = { predicate: 'other', ruleId: null, score: 0 };
  for (const { rule, hits: spans } of hits.predicates) {
    for (const h of spans) {
      // A cue inside the quantity itself ("per person" in "$20,000 per person") counts as adjacent.
      const score = rule.weight - distance(h, q) / DECAY_CHARS;
      if (score > best.score) best = { predicate: rule.predicate, ruleId: rule.id, score };
    }
  }
  return best;
}
