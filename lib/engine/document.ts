// A page read as a document: blocks in reading order (headings, paragraphs,
// list items) in, one array of Claims per block out, offsets into each block's
// own text. Plain text (findClaims) is read the same way, one block a line, so
// a passage gives the same claims in the scanner as in a page.
//
// blocks → sentences (reading.ts) → candidates and their evidence
// (candidates.ts, features.ts) → the fitted model (model.ts) → the
// sensitivity's threshold → no two claims overlap → Claims (annotate.ts)
import type { Claim, DocumentInput, MetricId, Reason, Sensitivity } from '../contract';
import type { Figure, RulePack } from '../../rules/schema';
import type { ModelFile } from '../../rules/model-schema';
import { MODEL } from '../../rules/model';
import { PATTERNS } from '../../rules/patterns';
import { metricById } from '../../rules/index';
import { annotate } from './annotate';
import { findCandidates, type Candidate } from './candidates';
import { compileRules, mergePacks, type CompiledRules } from './compile';
import { contributions, knownClaimProbability, metricOnly, readKnown, scoreIfClaim, scoreKnown, withMetricLogits, type Scored } from './model';
import { agreedLogits, agreementOf, type PassageItem } from './passage-agreement';
import { QUANTITY_HINT, TOPIC_HINT } from './prefilter';
import { readDocument } from './reading';

export interface EngineOptions {
  sensitivity?: Sensitivity;
  /** Metrics the user switched off: claims attributed to them are dropped. */
  disabledMetrics?: readonly MetricId[];
  /** Enabled rule packs: extra cues and figures. */
  packs?: readonly RulePack[];
  /** Another fitted model (cross-validation scores each fold with its own). */
  model?: ModelFile;
  /** The page's date (YYYY-MM-DD), for relative periods ("last year"); DocumentInput.date otherwise. */
  pageDate?: string;
}

const compiledCache = new Map<string, CompiledRules>();
/** Each pack's text, computed once per pack object: the cache key must not cost a copy per passage. */
const packKeys = new WeakMap<RulePack, string>();
function packKey(pack: RulePack): string {
  let key = packKeys.get(pack);
  if (key === undefined) packKeys.set(pack, (key = JSON.stringify(pack)));
  return key;
}

export function rulesFor(packs: readonly RulePack[]): CompiledRules {
  const key = packs.map(packKey).join('\n');
  let compiled = compiledCache.get(key);
  if (!compiled) {
    compiled = compileRules(packs.length ? mergePacks(PATTERNS, packs) : PATTERNS);
    if (compiledCache.size > 8) compiledCache.clear();
    compiledCache.set(key, compiled);
  }
  return compiled;
}

/** The shipped metric cues: the model has weights for these ids; others weigh in through their metric's sums. */
export const KNOWN_CUES: ReadonlySet<string> = new Set(PATTERNS.metricCues.map((r) => r.id));

/** The last document's candidates: the same page read again at another sensitivity costs no second reading. */
let last: { doc: DocumentInput; key: string; candidates: Candidate[] } | null = null;

/** Every candidate number of a document with its evidence, before any decision (the fit reads these). */
export function documentCandidates(doc: DocumentInput, packs: readonly RulePack[] = []): Candidate[] {
  // A quantity in one block and its topic in another (a heading, the title) still make a candidate.
  if (!doc.blocks.some((b) => QUANTITY_HINT.test(b.text))) return [];
  if (!TOPIC_HINT.test(doc.title ?? '') && !doc.blocks.some((b) => TOPIC_HINT.test(b.text))) return [];
  const key = `${packs.map(packKey).join('\n')}\u0000${doc.title ?? ''}\u0000${doc.blocks.map((b) => `${b.kind}${b.level ?? ''}\u0001${b.text}`).join('\u0000')}`;
  if (last && last.key === key) return last.candidates;
  const rules = rulesFor(packs);
  const candidates = findCandidates(readDocument(doc, rules), rules, KNOWN_CUES);
  last = { doc, key, candidates };
  return candidates;
}

/** A pack's figures for one metric, as comparable figures: one without its exact period cannot be matched to a claim's. */
function extraFigures(packs: readonly RulePack[], metric: MetricId): Figure[] {
  return packs.flatMap((p) =>
    (p.figures ?? [])
      .filter((f) => f.metric === metric)
      .flatMap(({ figure: f }) =>
        f.periodStart && f.periodEnd ? [{ ...f, measure: f.measure ?? `pack-${f.id}`, periodStart: f.periodStart, periodEnd: f.periodEnd }] : [],
      ),
  );
}

/** Alternatives shown: the three most probable metrics, those under this probability left out (the first always shown). */
const ALTERNATIVE_FLOOR = 0.05;
const MAX_REASONS = 6;
const PLACE_SUFFIX = /\.(?:near|far|clause|resp|prev|para|next|intro|head|page)$/;

/** Finds the claims of every block, reading each with the blocks around it as context. */
export function findClaimsInDocument(doc: DocumentInput, options: EngineOptions = {}): Claim[][] {
  const perBlock: Claim[][] = doc.blocks.map(() => []);
  const candidates = documentCandidates(doc, options.packs ?? []);
  if (!candidates.length) return perBlock;
  const model = options.model ?? MODEL;
  const sensitivity = options.sensitivity ?? 'balanced';
  const threshold = model.sensitivity[sensitivity]?.threshold ?? 0.5;
  const disabled = new Set(options.disabledMetrics ?? []);
  const chosen: { c: Candidate; s: Scored }[] = [];
  const passage = model.passage;
  if (!passage) {
    for (const c of candidates) {
      const s = scoreIfClaim(model, c.evidence, threshold);
      if (!s || disabled.has(s.metrics[0]!.metric)) continue;
      chosen.push({ c, s });
    }
  } else {
    // Second pass: every likely claim (down to the floor) lends its metric to the others.
    // Most pages hold no claim: their numbers cost one claim logit each, as without it.
    const known = candidates.map((c) => readKnown(model, c.evidence));
    const pClaims = known.map(knownClaimProbability);
    if (pClaims.some((p) => p >= threshold)) {
      const floor = Math.min(threshold, passage.floor);
      const items: PassageItem[] = candidates.map((c, i) => ({
        block: c.block, sentence: c.sentence, start: c.start, end: c.end, pClaim: pClaims[i]!,
        metrics: pClaims[i]! >= floor ? metricOnly(model, c.evidence, known[i]!) : null,
      }));
      candidates.forEach((c, i) => {
        if (pClaims[i]! < threshold) return;
        const first = scoreKnown(model, c.evidence, known[i]!);
        const s = withMetricLogits(model, first, agreedLogits(first.metricLogits, agreementOf(items, i, passage.tau), passage));
        if (disabled.has(s.metrics[0]!.metric)) return;
        chosen.push({ c, s });
      });
    }
  }
  // Claims never overlap: where two spans do, the likelier claim stays.
  chosen.sort((a, b) => b.s.pClaim - a.s.pClaim || a.c.block - b.c.block || a.c.start - b.c.start);
  const kept: { c: Candidate; s: Scored }[] = [];
  for (const x of chosen) {
    if (kept.some((k) => k.c.block === x.c.block && k.c.start < x.c.end && x.c.start < k.c.end)) continue;
    kept.push(x);
  }
  kept.sort((a, b) => a.c.block - b.c.block || a.c.start - b.c.start);
  for (const { c, s } of kept) perBlock[c.block]!.push(toClaim(doc, c, s, model, sensitivity, options.packs ?? [], options.pageDate ?? doc.date));
  return perBlock;
}

function toClaim(
  doc: DocumentInput,
  c: Candidate,
  s: Scored,
  model: ModelFile,
  sensitivity: Sensitivity,
  packs: readonly RulePack[],
  pageDate: string | undefined,
): Claim {
  const text = doc.blocks[c.block]!.text;
  const metric = s.metrics[0]!.metric;
  const predicate = s.predicates[0]?.predicate ?? c.predicate.predicate;
  const earlier = doc.blocks[c.block - 1]?.text;
  const context = {
    passage: text, sentence: c.sentenceSpan, pageDate, hits: c.hits,
    predicateRule: predicate === c.predicate.predicate ? c.predicate.ruleId : null,
    quantities: c.sentenceQuantities,
    ...(earlier !== undefined ? { earlier } : {}),
  };
  const note = annotate(c.q, predicate, metricById(metric), extraFigures(packs, metric), context);
  // Reasons name only what spoke for the claim: the parts against it are never read.
  const parts = contributions(model, c.evidence, metric, { positiveOnly: true });
  const reasons: Reason[] = [];
  const seen = new Set<string>();
  const take = (list: { feature: string; weight: number }[], n: number) => {
    let added = 0;
    for (const { feature, weight } of list) {
      if (added >= n || reasons.length >= MAX_REASONS) break;
      if (weight <= 0) continue;
      const span = c.evidence.spans.get(feature);
      if (!span) continue;
      const key = `${span.start}:${span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      reasons.push({ phrase: text.slice(span.start, span.end), start: span.start, end: span.end, feature, weight: round(weight) });
      added++;
    }
  };
  take(parts.metric, 3);
  take(parts.claim, 3);
  reasons.sort((a, b) => b.weight - a.weight);
  const cueIds = parts.metric
    .filter((p) => p.weight > 0 && p.feature.startsWith('cue.'))
    .map((p) => p.feature.slice('cue.'.length).replace(PLACE_SUFFIX, ''));
  const anchorIds = parts.metric.filter((p) => p.weight > 0 && p.feature.startsWith('anchor.')).map((p) => p.feature.replace(/^anchor\.|\.pred$/g, ''));
  const rules = [...new Set([...(c.predicate.ruleId ? [c.predicate.ruleId] : []), ...cueIds, ...(c.evidence.packRules.get(metric) ?? []), ...anchorIds, ...(c.noun ? [c.noun.ruleId] : [])])];
  const alternatives = s.metrics
    .slice(0, 3)
    .filter((m, i) => i === 0 || m.probability >= ALTERNATIVE_FLOOR)
    .map((m) => ({ metric: m.metric, probability: round(m.probability) }));
  return {
    text: text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
    number: { raw: c.q.raw, value: c.q.value, low: c.q.low, high: c.q.high, unit: c.q.unit },
    predicate,
    metric,
    confidence: round(s.confidence),
    conflation: note.conflation,
    caveats: note.caveats,
    source: note.source,
    metricName: note.metricName,
    rules,
    sensitivity,
    reasons,
    alternatives,
    period: note.period ?? null,
    comparison: note.comparison,
    ...(note.noFigure ? { noFigure: note.noFigure } : {}),
    sentence: note.sentence,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
