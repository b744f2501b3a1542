// Evidence that only the metric decision reads: conjunctions of the metric cues in a
// number's own sentence with what the number counts (its counted noun, the predicate,
// the sentence's topics; the unit only with the strongest cue). "Shelters" beside a count of children says ORR; "percent" beside
// "victims" with UNODC's wording says detected-victim shares; the same cue beside a
// dollar amount says something else. The claim decision never sees these features
// (their names start with METRIC_ONLY_PREFIX), so they cannot move detection.
import type { FoundQuantity } from './quantity';
import type { CountedNoun } from './subject';

/** Features with this prefix are fitted for the metric (and predicate) decisions only. */
export const METRIC_ONLY_PREFIX = 'mx.';

/** In-sentence places of a metric cue's pooled weight (`cw.<metric>.<place>`). */
const SENTENCE_CUE = /^cw\.([a-z_]+)\.(near|far|resp|clause)$/;
/** Context places: the paragraph, a list's introduction, the heading, the page. */
const CONTEXT_CUE = /^cw\.([a-z_]+)\.(ctx|page)$/;

/**
 * Words by which a sentence attributes a figure to someone ("according to", "said", "data
 * show"). A figure with none of them and no dataset's wording is asserted, not reported:
 * the unsourced metric's mark. Plain English reporting verbs, not knowledge of any dataset.
 */
const ATTRIBUTION = new Set(
  'according said says say told reported reports report data figures statistics study survey estimated estimates estimate found finds show shows showed published counted recorded analysis'.split(' '),
);

export interface MetricEvidenceInput {
  values: ReadonlyMap<string, number>;
  q: FoundQuantity;
  noun: CountedNoun | null;
  predicate: string;
  /** The topics named in the number's sentence (child, trafficking, migration, exploitation, agency). */
  topics: ReadonlySet<string>;
  /** The sentence's words, lowercase. */
  words: readonly string[];
  /** The sentence's text, for where the number stands in it (inside a quotation). */
  text?: string;
}

/** The metric-only features for one number, from the evidence already gathered. */
export function metricConjunctions({ values, q, noun, predicate, topics, words, text }: MetricEvidenceInput): Map<string, number> {
  const out = new Map<string, number>();
  const put = (name: string, v: number) => {
    if (v > (out.get(name) ?? 0)) out.set(name, v);
  };
  const inSentence = new Map<string, number>();
  const inContext = new Map<string, number>();
  for (const [name, v] of values) {
    // Both patterns read only `cw.` features: the others (most of them) cost no regex.
    if (!name.startsWith('cw.')) continue;
    let m = name.match(SENTENCE_CUE);
    if (m) {
      inSentence.set(m[1]!, Math.max(inSentence.get(m[1]!) ?? 0, v));
      continue;
    }
    m = name.match(CONTEXT_CUE);
    if (m) inContext.set(m[1]!, Math.max(inContext.get(m[1]!) ?? 0, v));
  }
  const kind = noun?.kind ?? 'none';
  for (const [metric, v] of inSentence) {
    const w = Math.min(1, v);
    put(`${METRIC_ONLY_PREFIX}${metric}.noun.${kind}`, w);
    put(`${METRIC_ONLY_PREFIX}${metric}.pred.${predicate}`, w);
    // "Encounters" of children are CBP's UAC series, of everyone its total: the cue and the topic together.
    for (const t of topics) put(`${METRIC_ONLY_PREFIX}${metric}.topic.${t}`, w);
  }
  // A figure inside quotation marks is someone's word, not the writer's report of a dataset:
  // speakers round, restate and inflate ("'more than half a million children,' he said").
  if (text !== undefined && insideQuote(text, q.start)) {
    put(`${METRIC_ONLY_PREFIX}quoted`, 1);
    put(`${METRIC_ONLY_PREFIX}quoted.${kind}`, 1);
  }
  const attributed = words.some((w) => ATTRIBUTION.has(w));
  if (!attributed) put(`${METRIC_ONLY_PREFIX}unattributed${inSentence.size ? '' : '.nocue'}`, 1);
  // The sentence's strongest metric cue, and whether it stands alone: a sentence that names
  // one dataset's wording says more than one that mixes two agencies.
  const ranked = [...inSentence].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = ranked[0];
  if (top) {
    put(`${METRIC_ONLY_PREFIX}top.${top[0]}`, 1);
    if (ranked.length === 1) put(`${METRIC_ONLY_PREFIX}only.${top[0]}`, 1);
    put(`${METRIC_ONLY_PREFIX}top.${top[0]}.${q.unit}`, 1);
  } else {
    // No dataset's wording in the sentence: the context decides, and that is weaker evidence.
    const ctx = [...inContext].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (ctx) put(`${METRIC_ONLY_PREFIX}ctxonly.${ctx[0]}`, 1);
    else put(`${METRIC_ONLY_PREFIX}nocue.${q.unit}.${kind}`, 1);
  }
  return out;
}

/** Whether the position sits inside a quotation: an odd count of straight quotes before it, or more “ than ”. */
export function insideQuote(text: string, at: number): boolean {
  let straight = 0;
  let open = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') straight++;
    else if (ch === '“') open++;
    else if (ch === '”') open--;
  }
  return straight % 2 === 1 || open > 0;
}
