// The predicate cue that is the number's own verb: the verb it is the object of
// ("the hotline identified almost 15,000 people") or the passive verb of the
// phrase it heads ("149 children were recovered"). The labels follow the
// sentence's wording, and the number's own verb can outweigh a dataset's name or
// a verb further off: evidence only (`gov.<predicate>`), weighed by the fit.
import type { PredicateId } from '../contract';
import type { Hit } from './lexicon';
import type { SentenceHits } from './scan';

/** Between a verb and its object number only a preposition and quantifiers stand ("located more than 62,000", "lost contact with 85,000", "the recovery of 149"). */
const OBJECT_GAP = /^\s+(?:(?:with|of|on|to|for)\s+)?(?:(?:about|almost|nearly|approximately|around|roughly|some|over|under|more than|less than|fewer than|at least|at most|up to|as many as|just under|just over|an estimated|estimated|a total of|only|another|an additional|a record|the|a|an)\s+)*$/i;
/** Between the counted phrase and its verb: an auxiliary, perhaps an adverb ("were later located", "have been found"). */
const SUBJECT_GAP = /^\s+(?:(?:have|has|had)\s+)?(?:(?:were|was|are|is|been|being|be|got)\s+)(?:\w+ly\s+|also\s+|later\s+|since\s+|now\s+|then\s+|ever\s+|never\s+|still\s+|already\s+){0,2}$/i;

/** Whether the cue `h` is the number's own verb: right before the number, or the passive verb right after its phrase. */
export function governs(sentence: string, h: Hit, number: Hit, phraseEnd: number): boolean {
  if (h.end <= number.start) return OBJECT_GAP.test(sentence.slice(h.end, number.start));
  return h.start >= phraseEnd && SUBJECT_GAP.test(sentence.slice(phraseEnd, h.start));
}

/** The predicate of the cue that governs the number, or null where none stands next to it. */
export function governingPredicate(sentence: string, number: Hit, phraseEnd: number, hits: SentenceHits): PredicateId | null {
  let best: { predicate: PredicateId; length: number } | null = null;
  for (const { rule, hits: list } of hits.predicates) {
    if (rule.headOnly) continue;
    for (const h of list) {
 // Where cues overlap ("lost contact" within "lost"), the longer one is the verb.
      if (governs(sentence, h, number, phraseEnd) && (!best || h.end - h.start > best.length)) best = { predicate: rule.predicate, length: h.end - h.start };
    }
  }
  return best?.predicate ?? null;
}
