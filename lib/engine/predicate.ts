// What the sentence says happened: the predicate cue that is strongest once
// its distance from the number is taken into account. The sentence's own
// wording decides, never the metric.
import type { PredicateId } from '../contract';
import { distance } from './lexicon';
import type { FoundQuantity } from './quantity';
import type { SentenceHits } from './scan';
import type { CountedNoun } from './subject';

export interface PredicateChoice {
  predicate: PredicateId;
  ruleId: string | null;
  score: number;
}

const DECAY_CHARS = 40;
/** The counted noun itself says what happened ("230 prosecutions", "1,700 calls"). */
const HEAD_BONUS = 3;
/** An adjective between the number and its noun ("80,000 missing children") says less than a verb. */
const MODIFIER_PENALTY = 1;

export function choosePredicate(q: FoundQuantity, noun: CountedNoun | null, hits: SentenceHits): PredicateChoice {
  let best: PredicateChoice = { predicate: 'other', ruleId: null, score: 0 };
  for (const { rule, hits: spans } of hits.predicates) {
    for (const h of spans) {
      const isHead = noun !== null && h.end === noun.end && h.start >= q.end;
      if (rule.headOnly && !isHead) continue;
      const insidePhrase = noun !== null && !isHead && h.start >= q.end && h.end < noun.end;
      const score =
        rule.weight - distance(h, q) / DECAY_CHARS + (isHead ? HEAD_BONUS : 0) - (insidePhrase ? MODIFIER_PENALTY : 0);
      if (score > best.score) best = { predicate: rule.predicate, ruleId: rule.id, score };
    }
  }
  return best;
}
