// What a reader needs beside the number: the caveats that apply to this
// sentence, the conflation (the sentence says "missing", the metric counts
// unanswered calls) and the official figure to compare with, for the same
// measure, period and unit.
import type { ClaimPeriod, Comparison, Conflation, MetricId, PredicateId, SourceRef } from '../contract';
import type { Figure, MetricEntry } from '../../rules/schema';
import { orderCaveats } from './caveats';
import { compareClaim, continuesBefore, scopeText } from './compare';
import { COMPARISON_POLICY } from '../../rules/comparison';
import type { Hit } from './lexicon';
import { periodOf } from './period';
import { splitSentences } from './sentences';
import type { FoundQuantity } from './quantity';
import type { SentenceHits } from './scan';

/** Why a number filed under "other" stands beside no figure: Metric Lens holds no series for it, which says nothing of its source. */
const NO_SERIES = 'This number matches none of the official series Metric Lens holds, so no official figure is shown beside it; that alone does not mean no official source stands behind it.';

export interface Annotation {
  metricName: string;
  caveats: string[];
  conflation: Conflation | null;
  source: SourceRef | null;
  /** Only where the sentence was given (see AnnotateContext). */
  period?: ClaimPeriod | null;
  comparison: Comparison | null;
  /** Why no official figure stands beside the number, where none does. */
  noFigure?: string;
  sentence?: { text: string; start: number };
}

/** Where the number stands: its passage, its sentence, the page's date and the sentence's rule hits. */
export interface AnnotateContext {
  /** The whole text the claim's offsets point into. */
  passage: string;
  /** The sentence's span in `passage`; the quantity's offsets are relative to it. */
  sentence: { start: number; end: number };
  pageDate?: string;
  hits?: SentenceHits;
  /** The predicate rule that decided, to quote the sentence's own words in the conflation. */
  predicateRule?: string | null;
  /** The block before the passage, where the page has one: an agency named there may be the sentence's. */
  earlier?: string;
  /** The sentence's quantities, where already read (offsets into the sentence). */
  quantities?: readonly FoundQuantity[];
}

export function conflationOf(predicate: PredicateId, metric: MetricEntry, words?: string): Conflation | null {
  if (predicate === 'other' || metric.faithfulPredicates.includes(predicate)) return null;
  if (metric.id === 'other') return null;
  return { says: predicate, counts: metric.counts, ...(words ? { words } : {}) };
}

/** The words of the sentence that said what happened: the decisive predicate cue nearest the number. */
function predicateWords(sentence: string, q: Hit, hits: SentenceHits | undefined, ruleId: string | null | undefined): string | undefined {
  const found = ruleId ? hits?.predicates.find((r) => r.rule.id === ruleId) : undefined;
  if (!found?.hits.length) return undefined;
  const gap = (h: Hit) => (h.end <= q.start ? q.start - h.end : Math.max(0, h.start - q.end));
  const nearest = found.hits.reduce((a, b) => (gap(b) < gap(a) ? b : a));
  return sentence.slice(nearest.start, nearest.end);
}

/** How far back the sentence before may start: one sentence, not a paragraph. */
const PREVIOUS_REACH = 400;

/** The sentence before `start` in its block (none across a blank line), as the engine splits sentences. */
export function sentenceBefore(passage: string, start: number): string {
  const from = Math.max(0, start - PREVIOUS_REACH);
  let text = passage.slice(from, start);
  const block = text.lastIndexOf('\n\n');
  if (block >= 0) text = text.slice(block + 2);
  const spans = splitSentences(text);
  const last = spans[spans.length - 1];
  return last ? text.slice(last.start, last.end) : '';
}

/** How far back an agency named before the sentence is looked for, in each of the two paragraphs: a paragraph, not a page. */
const BEFORE_REACH = 1_500;

/** The sentence's paragraph up to it, after the paragraph before: where the agency it speaks of may have been named. */
function textBefore(context: AnnotateContext): string {
  const own = context.passage.slice(Math.max(0, context.sentence.start - BEFORE_REACH), context.sentence.start);
  return context.earlier ? `${context.earlier.slice(-BEFORE_REACH)}\n\n${own}` : own;
}

export function annotate(
  q: FoundQuantity,
  predicate: PredicateId,
  metric: MetricEntry,
  extraFigures: readonly Figure[] = [],
  context?: AnnotateContext,
): Annotation {
  const sentence = context ? context.passage.slice(context.sentence.start, context.sentence.end) : '';
  // Only a sentence that continues the one before ("That is up 50%") needs it: the split is not paid for every claim.
  const previous = context && continuesBefore(sentence) ? sentenceBefore(context.passage, context.sentence.start) : undefined;
  const period = context
    ? periodOf(context.passage, context.sentence, { start: context.sentence.start + q.start, end: context.sentence.start + q.end }, context.pageDate)
    : null;
  // 'other' holds one-off incidents, no series: none of them is the figure for another sentence's number.
  const choice =
    metric.id === 'other'
      ? null
      : compareClaim(
          {
            sentence,
            unit: q.unit,
            period,
            predicate,
            value: q.value,
            ...(!q.vague && q.low !== null && q.high !== null && q.low < q.high ? { range: { low: q.low, high: q.high } } : {}),
            mainStandsIn: COMPARISON_POLICY.mainStandsIn.includes(metric.id),
            worldwide: COMPARISON_POLICY.worldwide.includes(metric.id),
            ...(previous !== undefined ? { previous } : {}),
            ...(context ? { number: { start: q.start, end: q.end } } : {}),
            ...(context?.pageDate ? { pageDate: context.pageDate } : {}),
            ...(context ? { before: textBefore(context) } : {}),
            ...(context?.quantities ? { quantities: context.quantities } : {}),
          },
          [...metric.figures, ...extraFigures],
        );
  const comparison = choice?.comparison ?? null;
  const noFigure = choice ? choice.noFigure : NO_SERIES;
  // A sentence that continues the one before speaks of its subject: that sentence's words say which caveats apply too.
  const caveats = orderCaveats(metric.caveats, { sentence: scopeText({ sentence, previous }), predicate, unit: q.unit, period, measure: comparison?.measure ?? null });
  return {
    metricName: metric.name,
    caveats: caveats.map((c) => c.text),
    conflation: conflationOf(predicate, metric, context && predicateWords(sentence, q, context.hits, context.predicateRule)),
    source: comparison
      ? { publisher: comparison.publisher, title: comparison.title, period: comparison.period, value: comparison.value, url: comparison.url }
      : null,
    comparison,
    ...(noFigure ? { noFigure } : {}),
    ...(context ? { period, sentence: { text: sentence, start: context.sentence.start } } : {}),
  };
}

export type FiguresByMetric = ReadonlyMap<MetricId, readonly Figure[]>;
