// Every number of a document that could be a claim, with its evidence. What
// counts as a candidate is structural (a quantity that is not a date, an age…,
// with a topic word in its sentence, its neighbours or its heading, no
// negative cue beside it); whether it is a claim is the model's decision.
import type { CompiledRules } from './compile';
import { evidenceFor, respectivelyPart, RESPECTIVELY, type Evidence } from './features';
import type { Hit } from './lexicon';
import { choosePredicate, type PredicateChoice } from './predicate';
import { QUANTITY_HINT, TOPIC_HINT } from './prefilter';
import { findQuantities, type FoundQuantity } from './quantity';
import type { DocReading } from './reading';
import type { SentenceHits } from './scan';
import { countedNoun, type CountedNoun } from './subject';

export interface Candidate {
  block: number;
  sentence: number;
  /** The claim's span (the number and what it counts), offsets into the block's text. */
  start: number;
  end: number;
  /** Offsets into the sentence. */
  q: FoundQuantity;
  noun: CountedNoun | null;
  predicate: PredicateChoice;
  evidence: Evidence;
  /** The sentence's span in the block's text, and its rule hits (the annotation quotes its words). */
  sentenceSpan: { start: number; end: number };
  hits: SentenceHits;
  /** Every quantity of the sentence as read, dates and ages too (shared by its candidates; the comparison reads them). */
  sentenceQuantities: readonly FoundQuantity[];
}

/** Sentences before and after a number in which a topic word lets it be a candidate. */
const TOPIC_BEFORE = 2;
const TOPIC_AFTER = 1;
/** How far around a number a negative cue ("penalties", "appointments") is looked for, in characters. */
const NEGATIVE_BEFORE = 25;
const NEGATIVE_AFTER = 60;

export function findCandidates(reading: DocReading, rules: CompiledRules, knownCues: ReadonlySet<string>): Candidate[] {
  const { sentences, doc } = reading;
  const out: Candidate[] = [];
  const titleTopic = TOPIC_HINT.test(doc.title ?? '');
  sentences.forEach((s, i) => {
    if (!QUANTITY_HINT.test(s.text)) return;
    let near = titleTopic;
    for (let j = Math.max(0, i - TOPIC_BEFORE); !near && j <= Math.min(sentences.length - 1, i + TOPIC_AFTER); j++) near = sentences[j]!.hasTopic;
    const heading = reading.headingOf[s.block]!;
    if (!near && heading >= 0) near = TOPIC_HINT.test(doc.blocks[heading]!.text);
    if (!near) return;
    // Most sentences hold only years and dates: the rule scan waits until a number may count something.
    const read = findQuantities(s.text);
    const counted = read.filter((q) => q.nonClaim === null);
    if (!counted.length) return;
    const hits = reading.hitsAt(i);
    const quantities = counted.filter(
      (q) =>
        !hits.negatives.some(
          ({ rule, hits: list }) =>
            (!rule.units || rule.units.includes(q.unit)) && list.some((h) => h.end >= q.start - NEGATIVE_BEFORE && h.start <= q.end + NEGATIVE_AFTER),
        ),
    );
    if (!quantities.length) return;
    // Each number's phrase ("thousands of “missing” cases"), so that one number's words are not read as another's.
    const nouns = quantities.map((q) => countedNoun(s.text, q, hits));
    const phrases: Hit[] = quantities.map((q, k) => ({ start: q.start, end: Math.max(q.end, nouns[k]?.end ?? q.end) }));
    // "apprehended and charged 15,000 children and 240 traffickers, respectively": each
    // number's verb is the one in its place in the list; the others' places are theirs.
    const parts = RESPECTIVELY.test(s.text) ? quantities.map((_, k) => respectivelyPart(s.text, quantities[0]!.start, k, quantities.length)) : [];
    quantities.forEach((q, k) => {
      const noun = nouns[k] ?? null;
      const others = phrases.filter((_, j) => j !== k);
      const otherParts = parts.flatMap((p, j) => (p && j !== k ? [p] : []));
      const predicate = choosePredicate(s.text, q, noun, hits, others, otherParts);
      const evidence = evidenceFor({
        reading, rules, sentence: i, q, noun, predicate, index: k, count: quantities.length, firstStart: quantities[0]!.start, knownCues, others,
      });
      // The span reaches back to a noun only in "UC encounters (88,089)"; "the number of
      // children … rose from 31,000 to 48,000" names it for both numbers, so neither span takes it.
      // Nor does it reach over another number: in "59,000 and 69,000 children" the noun's span is the second's.
      const crosses = (end: number) => quantities.some((o) => o !== q && o.start >= q.end && o.start < end);
      const reach = noun && ((noun.start >= q.end && !crosses(noun.end)) || s.text[q.start - 1] === '(') ? noun : null;
      out.push({
        block: s.block,
        sentence: i,
        start: s.start + Math.min(q.start, reach?.start ?? q.start),
        end: s.start + Math.max(q.end, reach?.end ?? q.end),
        q,
        noun,
        predicate,
        evidence,
        sentenceSpan: { start: s.start, end: s.end },
        hits,
        sentenceQuantities: read,
      });
    });
  });
  return out;
}
