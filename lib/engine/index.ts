// Public face of the claims engine: text in, Claims out. Pure: no DOM, no
// storage, no browser APIs, so the CLI, the tests and the background share it.
//
// text → sentences → prefilter → quantities → what each counts (noun),
// what happened (predicate), which metric → confidence → sensitivity → Claims
import type { Claim, MetricId, Sensitivity } from '../contract';
import type { Figure, RulePack } from '../../rules/schema';
import { PATTERNS } from '../../rules/patterns';
import { metricById } from '../../rules/index';
import { annotate } from './annotate';
import { chooseMetric, type MetricChoice } from './attribute';
import { compileRules, mergePacks, type CompiledRules } from './compile';
import { confidenceOf } from './confidence';
import { choosePredicate } from './predicate';
import { mayHoldClaim, QUANTITY_HINT, TOPIC_HINT } from './prefilter';
import { findQuantities, type FoundQuantity } from './quantity';
import { scanSentence, topicStrength, type SentenceHits } from './scan';
import { splitSentences, type Span } from './sentences';
import { ALARM_PREDICATES, SENSITIVITY_LEVELS, type SensitivityLevel } from './sensitivity';
import { countedNoun, type CountedNoun } from './subject';
import type { Hit } from './lexicon';

export interface EngineOptions {
  sensitivity?: Sensitivity;
  /** Metrics the user switched off: claims attributed to them are dropped. */
  disabledMetrics?: readonly MetricId[];
  /** Enabled rule packs: extra cues and figures. */
  packs?: readonly RulePack[];
  /** The page's date (YYYY-MM-DD), for relative periods ("last year"). */
  pageDate?: string;
}

/** Sentences before and after a candidate that count as its context. */
const CONTEXT_BEFORE = 2;
const CONTEXT_AFTER = 1;

/** Topic strength of the neighbouring sentences that lets a topic-less sentence through (children + an agency). */
const CONTEXT_GATE = 4.5;
/** How far around a number a negative cue ("penalties", "appointments") is looked for, in characters. */
const NEGATIVE_BEFORE = 25;
const NEGATIVE_AFTER = 60;

const compiledCache = new Map<string, CompiledRules>();

/** Each pack's text, computed once per pack object: the cache key must not cost a copy per passage. */
const packKeys = new WeakMap<RulePack, string>();
function packKey(pack: RulePack): string {
  let key = packKeys.get(pack);
  if (key === undefined) packKeys.set(pack, (key = JSON.stringify(pack)));
  return key;
}

function rulesFor(packs: readonly RulePack[]): CompiledRules {
  const key = packs.map(packKey).join('\n');
  let compiled = compiledCache.get(key);
  if (!compiled) {
    compiled = compileRules(packs.length ? mergePacks(PATTERNS, packs) : PATTERNS);
    if (compiledCache.size > 8) compiledCache.clear();
    compiledCache.set(key, compiled);
  }
  return compiled;
}

function extraFigures(packs: readonly RulePack[], metric: MetricId): Figure[] {
  return packs.flatMap((p) => (p.figures ?? []).filter((f) => f.metric === metric).map((f) => f.figure));
}

/** One sentence as the later stages read it. */
interface SentenceView {
  text: string;
  /** Where the sentence starts in the whole text. */
  offset: number;
  hits: SentenceHits;
  /** Rule hits of the neighbouring sentences that have a topic word. */
  context: SentenceHits[];
  topic: number;
  contextTopic: number;
}

/** What stays the same for every number of one call. */
interface Run {
  text: string;
  sensitivity: Sensitivity;
  level: SensitivityLevel;
  disabled: ReadonlySet<MetricId>;
  packs: readonly RulePack[];
  rules: CompiledRules;
  pageDate?: string;
}

/** Finds the claims in `text` (one or more sentences; a whole passage is best, for context). */
export function findClaims(text: string, options: EngineOptions = {}): Claim[] {
  if (!mayHoldClaim(text)) return [];
  const sensitivity = options.sensitivity ?? 'balanced';
  const packs = options.packs ?? [];
  const run: Run = {
    text,
    sensitivity,
    level: SENSITIVITY_LEVELS[sensitivity],
    disabled: new Set(options.disabledMetrics ?? []),
    packs,
    rules: rulesFor(packs),
    pageDate: options.pageDate,
  };

  const sentences = splitSentences(text);
  const textOf = (s: Span) => text.slice(s.start, s.end);
  const hasTopic = sentences.map((s) => TOPIC_HINT.test(textOf(s)));
  const hitsCache = new Map<number, SentenceHits>();
  const hitsAt = (i: number): SentenceHits => {
    let h = hitsCache.get(i);
    if (!h) hitsCache.set(i, (h = scanSentence(run.rules, textOf(sentences[i]!))));
    return h;
  };

  const claims: Claim[] = [];
  sentences.forEach((span, i) => {
    const sentence = textOf(span);
    if (!QUANTITY_HINT.test(sentence)) return;
    const lo = Math.max(0, i - CONTEXT_BEFORE);
    const hi = Math.min(sentences.length - 1, i + CONTEXT_AFTER);
    if (!hasTopic.slice(lo, hi + 1).some(Boolean)) return;
    const quantities = findQuantities(sentence).filter((q) => q.nonClaim === null);
    if (!quantities.length) return;

    const hits = hitsAt(i);
    const context: SentenceHits[] = [];
    for (let j = lo; j <= hi; j++) if (j !== i && hasTopic[j]) context.push(hitsAt(j));
    const view: SentenceView = {
      text: sentence,
      offset: span.start,
      hits,
      context,
      topic: topicStrength(hits).total,
      contextTopic: Math.max(0, ...context.map((c) => topicStrength(c).total)),
    };
    // Each number's phrase ("thousands of “missing” cases"), so that one number's words are not read as another's.
    const nouns = quantities.map((q) => countedNoun(sentence, q, hits));
    const phrases = quantities.map((q, k) => ({ start: q.start, end: Math.max(q.end, nouns[k]?.end ?? q.end) }));
    quantities.forEach((q, k) => {
      const claim = judge(run, view, q, nouns[k] ?? null, phrases.filter((_, j) => j !== k));
      if (claim) claims.push(claim);
    });
  });
  return claims;
}

/** One number: a Claim, or null where it is not a child-trafficking claim at this sensitivity. */
function judge(run: Run, view: SentenceView, q: FoundQuantity, noun: CountedNoun | null, others: Hit[]): Claim | null {
  const { level } = run;
  if (q.vague && !level.allowVague) return null;
  // "a fine of $5.7 million", "700,000 deportations", "$8 million in penalties".
  const negative = view.hits.negatives.some(({ hits }) =>
    hits.some((h) => h.end >= q.start - NEGATIVE_BEFORE && h.start <= q.end + NEGATIVE_AFTER),
  );
  if (negative) return null;

  const predicate = choosePredicate(view.text, q, noun, view.hits, others);
  const metric = chooseMetric(view.text, q, predicate.predicate, noun, view.hits, view.context, run.rules);
  if (run.disabled.has(metric.metric)) return null;
  if (!aboutTheDomain(view, q, noun, metric)) return null;
  if (level.requireChildSubject && noun?.kind !== 'child' && noun?.kind !== 'victim') return null;
  if (level.requirePredicate && !ALARM_PREDICATES.includes(predicate.predicate)) return null;

  let confidence = confidenceOf(q, { noun, sentenceTopic: view.topic, contextTopic: view.contextTopic, predicate, metric });
  if (q.vague) confidence = Math.round(confidence * level.vagueFactor * 1000) / 1000;
  if (confidence < level.minConfidence) return null;

  const start = view.offset + Math.min(q.start, noun?.start ?? q.start);
  const end = view.offset + Math.max(q.end, noun?.end ?? q.end);
  const context = { passage: run.text, sentence: { start: view.offset, end: view.offset + view.text.length }, pageDate: run.pageDate, hits: view.hits, predicateRule: predicate.ruleId };
  const note = annotate(q, predicate.predicate, metricById(metric.metric), extraFigures(run.packs, metric.metric), context);
  return {
    text: run.text.slice(start, end),
    start,
    end,
    number: { raw: q.raw, value: q.value, low: q.low, high: q.high, unit: q.unit },
    predicate: predicate.predicate,
    metric: metric.metric,
    confidence,
    conflation: note.conflation,
    caveats: note.caveats,
    source: note.source,
    metricName: note.metricName,
    rules: [...(predicate.ruleId ? [predicate.ruleId] : []), ...metric.ruleIds, ...(noun ? [noun.ruleId] : [])],
    sensitivity: run.sensitivity,
    period: note.period ?? null, comparison: note.comparison, sentence: note.sentence,
  };
}

/** Whether a number is about children, trafficking or the border at all, whatever the metric. */
function aboutTheDomain(view: SentenceView, q: FoundQuantity, noun: CountedNoun | null, metric: MetricChoice): boolean {
  // "100 officials", "152 countries": a head count of something else. Adults count
  // only where the wording is specific to a dataset ("420 adults who posed as parents").
  // A share ("30 percent of adults who…") can still be about children.
  if (q.unit === 'count' && (noun?.kind === 'nonclaim' || (noun?.kind === 'adult' && !metric.specific))) return false;
  // The sentence itself must be about the domain: a topic word, a number of children,
  // victims or families, or wording specific to one dataset ("could not be reached by phone")…
  if (view.topic > 0 || metric.specific) return true;
  if (noun?.kind === 'child' || noun?.kind === 'victim' || noun?.kind === 'family') return true;
  // …or, where the source is named in the sentences around it, a metric found with their help.
  return view.contextTopic >= CONTEXT_GATE && metric.metric !== 'other' && metric.metric !== 'unsourced';
}
