// What a number counts: the first noun of a known kind in the few words after
// it ("85,000 migrant children", "23% of all trafficking victims"), or, for a
// number in brackets, the noun just before it ("UC encounters (88,089)").
import type { NounRule } from '../../rules/schema';
import type { FoundQuantity } from './quantity';
import type { SentenceHits } from './scan';

export type NounKind = NounRule['kind'];

export interface CountedNoun {
  kind: NounKind;
  ruleId: string;
  start: number;
  end: number;
}

const MAX_GAP = 32; // about five short words
const CLAUSE_BREAK = /[;:!?()\u2014]|,\s|\.\s/;
/** "U.S.", "U.N.": the full stops of an abbreviation end no clause ("94 U.S. Attorney's Offices"). */
const ABBREVIATION = /\b(?:[A-Z]\.){2,}/g;
/** "31,000 of those who were released to sponsors": a noun inside a relative clause is not what the number counts. */
const RELATIVE = /\b(?:who|whom|whose|which|that|where)\b/i;
const NUMBER_OF = /\b(?:the|a) (?:number|numbers|total|count) of\s/gi;

/** End of the last match of a global regex in `text`, or null. */
function lastMatch(re: RegExp, text: string): number | null {
  let end: number | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) end = m.index + m[0].length;
  return end;
}

export function countedNoun(sentence: string, q: FoundQuantity, hits: SentenceHits): CountedNoun | null {
  if (q.unit === 'usd') return null; // money counts dollars, whatever noun follows
  let best: CountedNoun | null = null;
  for (const { rule, hits: spans } of hits.nouns) {
    for (const h of spans) {
      if (h.start < q.end) continue;
      const gap = sentence.slice(q.end, h.start);
      if (gap.length > MAX_GAP || CLAUSE_BREAK.test(gap.replace(ABBREVIATION, 'X')) || RELATIVE.test(gap)) continue;
      if (!best || h.start < best.start || (h.start === best.start && h.end > best.end)) {
        best = { kind: rule.kind, ruleId: rule.id, start: h.start, end: h.end };
      }
    }
  }
  if (best) return extendToHead(best, hits, sentence);
  // "one child in ten": a ratio names what it counts between its two numbers.
  if (q.unit === 'ratio') {
    for (const { rule, hits: spans } of hits.nouns) {
      for (const h of spans) if (h.start > q.start && h.end < q.end && (!best || h.start < best.start)) best = { kind: rule.kind, ruleId: rule.id, start: h.start, end: h.end };
    }
    if (best) return best;
  }
  // "The number of unaccompanied children … rose from 16,067 to 24,481": the noun named earlier.
  const numberOf = lastMatch(NUMBER_OF, sentence.slice(0, q.start));
  if (numberOf !== null) {
    for (const { rule, hits: spans } of hits.nouns) {
      for (const h of spans) {
        if (h.start >= numberOf && h.start - numberOf <= MAX_GAP && h.end <= q.start && (!best || h.start < best.start)) {
          best = { kind: rule.kind, ruleId: rule.id, start: h.start, end: h.end };
        }
      }
    }
    if (best) return extendToHead(best, hits, sentence);
  }
  // "UC encounters by CBP’s U.S. Border Patrol (88,089)": the noun before the bracket.
  if (sentence[q.start - 1] === '(' ) {
    for (const { rule, hits: spans } of hits.nouns) {
      for (const h of spans) {
        if (h.end <= q.start && q.start - h.end < 60 && (!best || h.end > best.end)) {
          best = { kind: rule.kind, ruleId: rule.id, start: h.start, end: h.end };
        }
      }
    }
  }
  return best;
}

/** "unaccompanied children", "individual survivors": the last of adjacent nouns is the head. */
function extendToHead(noun: CountedNoun, hits: SentenceHits, sentence: string): CountedNoun {
  let head = noun;
  for (let changed = true; changed; ) {
    changed = false;
    for (const { rule, hits: spans } of hits.nouns) {
      for (const h of spans) {
        if (h.start > head.end && h.start - head.end <= 2 && /^[\s-]+$/.test(sentence.slice(head.end, h.start))) {
          head = { kind: rule.kind, ruleId: rule.id, start: noun.start, end: h.end };
          changed = true;
        }
      }
    }
  }
  return head;
}
