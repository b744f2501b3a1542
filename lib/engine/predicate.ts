// What the sentence says happened: the predicate cue that is strongest once
// its distance from the number is taken into account. The sentence's own
// wording decides, never the metric.
import type { PredicateId } from '../contract';
import { acrossClause, distance, type Hit } from './lexicon';
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
const MODIFIER_PENALTY = 3;
/** "at risk of trafficking" says the children might be trafficked, not that they were. */
const HEDGE_BEFORE = /\b(?:at (?:high |greater |increased )?risk (?:of|for)|risk of|vulnerable to|exposed to|susceptible to|prevent|preventing|combat|combating|combatting|fight|fighting|against|awareness of)\b[^.;:]{0,40}$/i;
/** The contract: failing to appear, custody… are "other" unless the sentence itself says missing or trafficked. */
const HEDGE_PENALTY = 3;
/** A cue in another clause (after ";" or a dash) speaks of something else more often than not. */
const CLAUSE_PENALTY = 1.5;
const OVERRIDES_OTHER: readonly PredicateId[] = ['missing', 'trafficked'];
/** "charged $9,000", "charges each migrant $5,000": before an amount of money, "charge" is a price, never a court's charge. */
const COURT_CHARGE = /^charg/i;

/**
 * A cue between two numbers belongs to one of them: a passive verb to the number
 * before it ("300 children were rescued and 120 traffickers arrested"), anything
 * else to the nearer one ("lost track of 85,000 children and found 13,000").
 */
function ownedBy(sentence: string, other: Hit, cue: Hit, q: Hit): boolean {
  const passive = PASSIVE_BEFORE.test(sentence.slice(Math.max(0, cue.start - 20), cue.start));
  if (other.end <= cue.start && cue.end <= q.start) return passive || cue.start - other.end < q.start - cue.end;
  if (q.end <= cue.start && cue.end <= other.start) return !passive && other.start - cue.end < cue.start - q.end;
  return false;
}

/** Whether a predicate cue belongs to one of the sentence's other numbers (inside its phrase, or its verb). */
export function cueOfAnother(sentence: string, cue: Hit, phrase: Hit, others: readonly Hit[]): boolean {
  return others.some((o) => (cue.start >= o.start && cue.end < o.end) || ownedBy(sentence, o, cue, phrase));
}

const PASSIVE_BEFORE = /\b(?:was|were|is|are|been|being|be|get|got)\s+(?:\w+ly\s+)?$/i;

interface Candidate {
  predicate: PredicateId;
  ruleId: string;
  hit: Hit;
  score: number;
  hedged: boolean;
}

/**
 * `others` are the phrases of the sentence's other numbers ("thousands of “missing”
 * cases"): a modifier inside one of them describes that number, not this one. (Their
 * head noun may be shared: "39% of detected victims were women, 22% were girls".)
 */
export function choosePredicate(
  sentence: string,
  q: FoundQuantity,
  noun: CountedNoun | null,
  hits: SentenceHits,
  others: readonly Hit[] = [],
  /** Places of a "respectively" list that name other numbers: a cue inside one is theirs. */
  foreign: readonly Hit[] = [],
): PredicateChoice {
  const candidates: Candidate[] = [];
  const phrase: Hit = { start: q.start, end: Math.max(q.end, noun?.end ?? q.end) };
  for (const { rule, hits: spans } of hits.predicates) {
    for (const h of spans) {
      if (cueOfAnother(sentence, h, phrase, others)) continue;
      if (foreign.some((f) => h.start >= f.start && h.end <= f.end)) continue;
      const isHead = noun !== null && h.end === noun.end && h.start >= q.end;
      if (rule.headOnly && !isHead) continue;
      if (q.unit === 'usd' && rule.predicate === 'prosecuted' && COURT_CHARGE.test(sentence.slice(h.start, h.end))) continue;
      const hedged = HEDGE_BEFORE.test(sentence.slice(Math.max(0, h.start - 80), h.start));
      const insidePhrase = noun !== null && !isHead && h.start >= q.end && h.end < noun.end;
      const score =
        rule.weight -
        distance(h, q) / DECAY_CHARS +
        (isHead && rule.headOnly ? HEAD_BONUS : 0) -
        (insidePhrase ? MODIFIER_PENALTY : 0) -
        (hedged ? HEDGE_PENALTY : 0) -
        (acrossClause(sentence, h, q) ? CLAUSE_PENALTY : 0);
      candidates.push({ predicate: rule.predicate, ruleId: rule.id, hit: h, score, hedged });
    }
  }
  // Longest match wins where cues overlap: "missing addresses" is not "missing".
  const kept = candidates.filter(
    (c) => !candidates.some((o) => o !== c && o.hit.start <= c.hit.start && o.hit.end >= c.hit.end && o.hit.end - o.hit.start > c.hit.end - c.hit.start),
  );
  let best: Candidate | null = null;
  for (const c of kept) if (!best || c.score > best.score) best = c;
  if (!best) return { predicate: 'other', ruleId: null, score: 0 };
  if (best.predicate === 'other') {
    const explicit = kept.find((c) => !c.hedged && OVERRIDES_OTHER.includes(c.predicate));
    if (explicit) return { predicate: explicit.predicate, ruleId: explicit.ruleId, score: best.score };
  }
  return { predicate: best.predicate, ruleId: best.ruleId, score: best.score };
}
