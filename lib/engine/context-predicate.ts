// A sentence with no predicate wording of its own ("By 2022 that figure soared
// to 149,093") says what the sentence before it says about the figure: the
// strongest predicate cue of the previous sentence, as evidence the fit weighs.
import type { PredicateId } from '../contract';
import type { PredicateChoice } from './predicate';
import type { DocReading } from './reading';

/** The predicate the sentence before this one names most strongly, or null (none, or another page part). */
export function previousPredicate(reading: DocReading, sentence: number): PredicateId | null {
  if (sentence <= 0) return null;
  const here = reading.sentences[sentence]!;
  const prev = reading.sentences[sentence - 1]!;
  // The last sentence of the block before reads on only into the first sentence of this one.
  if (prev.block !== here.block && here.inBlock !== 0) return null;
  let best: { predicate: PredicateId; weight: number } | null = null;
  for (const { rule, hits } of reading.hitsAt(sentence - 1).predicates) {
    if (!hits.length || rule.headOnly) continue;
    if (!best || rule.weight > best.weight) best = { predicate: rule.predicate, weight: rule.weight };
  }
  return best?.predicate ?? null;
}

/** Features: `ctxpred.<predicate>` where the number's own sentence has no predicate cue. */
export function contextPredicateFeatures(reading: DocReading, sentence: number, own: PredicateChoice, set: (name: string) => void): void {
  if (own.ruleId !== null) return;
  const p = previousPredicate(reading, sentence);
  if (p) set(`ctxpred.${p}`);
}
