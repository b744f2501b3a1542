// Evidence for one number, as named features: the rules say what they see
// (cue hits by rule id and where they stand, the counted noun, the unit, the
// magnitude, known magnitudes, the predicate, the topic of the sentence, the
// paragraph, the heading and the page); the fitted model (model.ts) weighs it.
import type { AnchorRule, MetricCueRule } from '../../rules/schema';
import type { CompiledRules } from './compile';
import { acrossClause, distance, tokenize, type Hit, type Token } from './lexicon';
import { contextPredicateFeatures } from './context-predicate';
import { governingPredicate } from './governing';
import { METRIC_ONLY_PREFIX, metricConjunctions } from './metric-evidence';
import { cueOfAnother, type PredicateChoice } from './predicate';
import type { FoundQuantity } from './quantity';
import type { DocReading } from './reading';
import type { SentenceHits } from './scan';
import { topicStrength } from './scan';
import type { CountedNoun } from './subject';

/** Where a cue stands relative to the number. */
export type Place = 'near' | 'far' | 'clause' | 'resp' | 'prev' | 'para' | 'next' | 'intro' | 'head' | 'page';

export interface Evidence {
  /** Feature name → value (binary features are 1). */
  values: Map<string, number>;
  /** Feature name → the phrase that carried it, offsets into the block's text. */
  spans: Map<string, Hit>;
  /**
   * Cues the model has no weights for (a rule pack's), per metric. A pack's weight is log-odds:
   * a cue of weight 8 in the number's sentence adds 8 to its metric's logit (half as much from
   * another clause); it also counts in its metric's fitted `cw.<metric>.<place>` feature.
   */
  packCues: Map<string, number>;
  /** The pack cue rules behind `packCues`, per metric, for the claim's reasons. */
  packRules: Map<string, string[]>;
}

/** "near" ends here, in characters between the cue and the number. */
const NEAR_CHARS = 40;
/** "That figure…", "They…": a sentence that points back to what came before. */
const ANAPHOR = /^(?:[^,]{0,40},\s)?(?:that|this|the|these|those|such)\s(?:figure|number|total|count|estimate|data|numbers|figures|statistic|tally|rate|share)s?\b|^(?:they|these|those|it|of (?:these|those|them|the))\b/i;
const PAGE_MIN_SENTENCES = 4;
const ADULT_WORD = /\b(?:adults?|single adults|grown-ups|men|women)\b/i;
const CHILD_WORD = /\b(?:child|children|minors?|kids?|girls?|boys?|juveniles?|teens?|teenagers?|youths?|unaccompanied|famil(?:y|ies)|underage|posing|claimed|claiming|fraudulent)\b/i;
/** Words this close to the number (either side, same clause) count as "beside" it. */
const NEAR_WORDS = 5;
const STOP = new Set(
  'the a an of in on at to for from by with and or but that this these those is are was were be been has have had it its their they them he she his her as than then which who whom whose what when where while about into over under after before between during per each all any some more most less least other such not no only also just there here said says say according'.split(' '),
);

/** A word as a feature: lowercase, a plural's "s" dropped; digits and short or common words none. */
function wordKey(word: string): string | null {
  if (word.length < 3 || /\d/.test(word) || STOP.has(word)) return null;
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
export const RESPECTIVELY = /\brespectively\b/i;

/** A word's two feature names (`w.…`, `wn.…`), made once per word: every number of a page reads its sentence's words. */
const wordNames = new Map<string, { w: string; wn: string } | null>();
function wordFeatures(word: string): { w: string; wn: string } | null {
  let names = wordNames.get(word);
  if (names === undefined) {
    const w = wordKey(word);
    names = w ? { w: `w.${w}`, wn: `wn.${w}` } : null;
    if (wordNames.size > 50_000) wordNames.clear();
    wordNames.set(word, names);
  }
  return names;
}

export interface CandidateContext {
  reading: DocReading;
  rules: CompiledRules;
  /** Index of the number's sentence in reading.sentences. */
  sentence: number;
  q: FoundQuantity;
  noun: CountedNoun | null;
  predicate: PredicateChoice;
  /** Index of this number among the sentence's candidates, their count and where the first starts. */
  index: number;
  count: number;
  firstStart: number;
  /**
   * Rule ids the model has weights for. Every cue also counts in its metric's
   * `cw.<metric>.<place>` feature (its weight / 10), so a pack's new cue weighs in through those.
   */
  knownCues: ReadonlySet<string>;
  /** The phrases of the sentence's other numbers: their verbs are not this number's wording. */
  others?: readonly Hit[];
}

/** What a rate is per: "a day", "per month", "a year", "per migrant" / "each". */
function rateKind(rate: string): 'day' | 'week' | 'month' | 'year' | 'each' {
  const r = rate.toLowerCase();
  if (/\b(?:day|night)\b/.test(r)) return 'day';
  if (/\bweek\b/.test(r)) return 'week';
  if (/\bmonth\b/.test(r)) return 'month';
  if (/\b(?:year|annually)\b/.test(r)) return 'year';
  return 'each';
}

function magnitude(q: FoundQuantity): string {
  if (q.vague) return 'vague';
  const v = q.value ?? q.low ?? q.high;
  if (v === null) return 'none';
  if (q.unit === 'percent') return v < 10 ? 'p<10' : v < 50 ? 'p<50' : 'p>=50';
  if (q.unit === 'ratio' || q.unit === 'other') return 'r';
  if (v < 10) return '<10';
  return `e${Math.min(9, Math.floor(Math.log10(v)))}`;
}

function anchorFit(a: AnchorRule, q: FoundQuantity, noun: CountedNoun | null): number {
  if (a.unit !== q.unit) return 0;
  if (a.nouns && !(noun && a.nouns.includes(noun.kind))) return 0;
  if (!q.vague && q.low !== null && q.high !== null && q.low !== q.high) return q.low >= a.low && q.high <= a.high ? 1 : 0;
  if (q.value !== null) return q.value >= a.low && q.value <= a.high ? 1 : 0;
  if (q.low !== null && q.high !== null) {
    const mid = Math.sqrt(Math.max(a.low, 1) * a.high);
    return mid >= 2 * q.low && mid <= q.high ? 0.5 : 0;
  }
  return 0;
}

/**
 * "ORR and CBP counted 5,000 and 7,000, respectively": the part of the list before the
 * first number (cut at commas and "and") that names the index-th of `count` numbers.
 */
export function respectivelyPart(sentence: string, firstNumber: number, index: number, count: number): Hit | null {
  const head = sentence.slice(0, firstNumber);
  const cuts = [0];
  const SEP = /,\s|\sand\s|\sor\s/g;
  for (let m = SEP.exec(head); m; m = SEP.exec(head)) cuts.push(m.index + m[0].length);
  if (count < 2 || cuts.length < count) return null;
  const k = cuts.length - count + index;
  return { start: cuts[k]!, end: k + 1 < cuts.length ? cuts[k + 1]! : head.length };
}

export function evidenceFor(c: CandidateContext): Evidence {
  const values = new Map<string, number>();
  const spans = new Map<string, Hit>();
  const packCues = new Map<string, number>();
  const packRules = new Map<string, string[]>();
  const { reading, q, noun, predicate } = c;
  const s = reading.sentences[c.sentence]!;
  const base = s.start;
  const numberSpan: Hit = { start: base + q.start, end: base + q.end };
  const set = (name: string, value = 1, span?: Hit) => {
    if (value === 0) return;
    if ((values.get(name) ?? 0) >= value) return;
    values.set(name, value);
    if (span) spans.set(name, span);
  };
  set('bias');
  set(`unit.${q.unit}`);
  set(`mag.${magnitude(q)}`);
  set(`mag.${q.unit}.${magnitude(q)}`);
  if (q.vague) set('vague');
  if (q.rate) {
    set('rate');
    // A fee is per person, smugglers' income per year; a sum per day is a cost of care or a wage.
    const per = rateKind(q.rate);
    set(`rate.${per}`);
    set(`rate.${per}.${q.unit}`);
  }
  if (q.low !== null && q.high === null) set('bound.low');
  if (q.high !== null && q.low === null) set('bound.high');
  if (q.low !== null && q.high !== null && q.low !== q.high) set('range');
  if (/^[a-z]/i.test(q.raw) && !q.vague) set('spelled');
  set(`noun.${noun?.kind ?? 'none'}`, 1, noun ? { start: base + noun.start, end: base + noun.end } : undefined);
  if (noun) set(`noun.${noun.kind}.${q.unit}`);
  set(`pred.${predicate.predicate}`);
  set(`pred.${predicate.predicate}.${q.unit}`);
  if (noun) set(`pred.${predicate.predicate}.${noun.kind}`);
  set(`predrule.${predicate.ruleId ?? 'none'}`);
  contextPredicateFeatures(reading, c.sentence, predicate, (name) => set(name));
  const gov = governingPredicate(s.text, q, Math.max(q.end, noun?.end ?? q.end), reading.hitsAt(c.sentence));
  if (gov) set(`gov.${gov}`);
  if (c.count > 1) set('several');
  if (c.index > 0) set('notfirst');
  // Where the sentence stands says something only within a page: a lone sentence has no place.
  const kind = reading.doc.blocks[s.block]!.kind;
  if (kind !== 'paragraph') set(`block.${kind}`);
  if (s.text.includes('?')) set('question');
  const before = s.text.slice(Math.max(0, q.start - 30), q.start);
  if (/\$\s?$|\bUS\s?$|[A-Z]{2,}\s?$|#\s?$|\bNo\.?\s?$/.test(before)) set('prefix.code');
  if (/\(\s?$/.test(before)) set('bracket');
  // Adult-only parts of all-ages counts are not claims ("99,000 single adults", "reports of adult
  // potential victims"): an adult word in the number's own phrase with no child or family word.
  const phraseText = s.text.slice(q.start, Math.max(q.end, noun?.end ?? q.end) + 30).split(/;|,\s|\s[—–-]\s/)[0]!;
  if (ADULT_WORD.test(phraseText) && !CHILD_WORD.test(phraseText)) set('adult.only', 1, noun ? { start: base + noun.start, end: base + noun.end } : undefined);

  // The words themselves, beside the number and in its sentence: what no rule names yet
  // ("custody", "shelter", "located") still weighs, by the weight the fit gives it.
  const tokens = tokensOf(reading, c.sentence);
  const at = tokens.findIndex((t) => t.end > q.start);
  tokens.forEach((t, i) => {
    const names = wordFeatures(t.text);
    if (!names) return;
    set(names.w, 1, { start: base + t.start, end: base + t.end });
    if (at >= 0 && Math.abs(i - at) <= NEAR_WORDS && !acrossClause(s.text, t, q)) set(names.wn, 1, { start: base + t.start, end: base + t.end });
  });

  const hits = reading.hitsAt(c.sentence);
  const topic = topicStrength(hits);
  for (const t of topic.topics) set(`topic.${t}`);
  set('topic.sum', Math.min(2, topic.total / 5));

  const anaphor = ANAPHOR.test(s.text.trimStart()) || (!noun && /\b(?:that|this|the) (?:figure|number|total)\b/i.test(s.text));
  if (anaphor) set('anaphor');
  const respectively = RESPECTIVELY.test(s.text);
  const part = respectively ? respectivelyPart(s.text, c.firstStart, c.index, c.count) : null;
  if (part) set('respectively');

  const cue = (rule: MetricCueRule, place: Place, value: number, span: Hit | undefined) => {
    if (rule.units && !rule.units.includes(q.unit)) return;
    if (c.knownCues.has(rule.id)) {
      set(`cue.${rule.id}.${place}`, value, span);
      set(`cue.${rule.id}`, value, span);
    } else if (place === 'near' || place === 'far' || place === 'resp' || place === 'clause') {
      const share = place === 'clause' ? 0.5 : 1;
      packCues.set(rule.metric, Math.max(packCues.get(rule.metric) ?? 0, rule.weight * share));
      const ids = packRules.get(rule.metric) ?? [];
      if (!ids.includes(rule.id)) packRules.set(rule.metric, [...ids, rule.id]);
    }
    const name = `cw.${rule.metric}.${place}`;
    const sum = Math.min(2, (values.get(name) ?? 0) + (rule.weight / 10) * value);
    values.set(name, sum);
    if (span && !spans.has(name)) spans.set(name, span);
  };

  // The number's own sentence.
  // Where two datasets' wording stand in one sentence ("4,962 in CBP facilities and 11,551 in the
  // custody of HHS"), the one nearest the figure in its clause is usually the figure's own.
  const nearestCue = new Map<string, number>();
  for (const { rule, hits: list } of hits.metricCues) {
    let best: { place: Place; h: Hit } | null = null;
    for (const h of list) {
      const inPart = part && h.start >= part.start && h.end <= part.end;
      const place: Place = inPart ? 'resp' : acrossClause(s.text, h, q) ? 'clause' : distance(h, q) <= NEAR_CHARS ? 'near' : 'far';
      if (!best || PLACE_RANK[place] < PLACE_RANK[best.place]) best = { place, h };
      if (place !== 'clause' && (!rule.units || rule.units.includes(q.unit))) nearestCue.set(rule.metric, Math.min(nearestCue.get(rule.metric) ?? Infinity, distance(h, q)));
    }
    if (best) cue(rule, best.place, 1, { start: base + best.h.start, end: base + best.h.end });
  }
  if (nearestCue.size >= 2) {
    const [metric] = [...nearestCue].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    set(`${METRIC_ONLY_PREFIX}nearest.${metric}`, 0.75);
  }
  // Predicate wording anywhere in the sentence, by where it stands (the predicate model reads these).
  for (const { rule, hits: list } of hits.predicates) {
    let best: Place | null = null;
    let bestHit: Hit | null = null;
    for (const h of list) {
      if (c.others && cueOfAnother(s.text, h, { start: q.start, end: Math.max(q.end, noun?.end ?? q.end) }, c.others)) continue;
      const isHead = noun !== null && h.end === noun.end && h.start >= q.end;
      const place: Place = isHead ? 'resp' : acrossClause(s.text, h, q) ? 'clause' : distance(h, q) <= NEAR_CHARS ? 'near' : 'far';
      if (!best || PLACE_RANK[place] < PLACE_RANK[best]) [best, bestHit] = [place, h];
    }
    if (best && bestHit) set(`pc.${rule.id}.${best === 'resp' ? 'head' : best}`, 1, { start: base + bestHit.start, end: base + bestHit.end });
  }
  // Nothing in the sentence points to a dataset: a large trafficking-type figure about
  // children or victims then restates none ("half a million children trafficked").
  const sentenceCue = hits.metricCues.some(({ rule }) => !rule.units || rule.units.includes(q.unit));
  if (!sentenceCue) {
    set('cue.none');
    const alarming = ['trafficked', 'missing', 'smuggled', 'exploited_sex', 'exploited_labor'].includes(predicate.predicate);
    const big = q.vague || (q.unit === 'count' && (q.value ?? 0) >= 1_000) || q.unit === 'usd';
    if (alarming && big && (noun?.kind === 'child' || noun?.kind === 'victim' || q.vague)) set('cue.none.alarming-big');
  }
  for (const a of c.rules.anchors) {
    const m = anchorFit(a, q, noun);
    if (!m) continue;
    set(`anchor.${a.id}`, m, numberSpan);
    if (a.predicates.includes(predicate.predicate)) set(`anchor.${a.id}.pred`, m, numberSpan);
  }
  for (const p of c.rules.priors) {
    if (p.predicate !== predicate.predicate) continue;
    if (p.units && !p.units.includes(q.unit)) continue;
    if (p.nouns && !(noun && p.nouns.includes(noun.kind))) continue;
    set(`prior.${p.id}`);
  }

  // The paragraph, the list's introduction, the heading, the page.
  const contextCues = (i: number, place: Place, factor: number) => {
    const other = reading.sentences[i]!;
    if (!other.hasTopic && place !== 'head') return;
    const h = reading.hitsAt(i);
    for (const { rule, hits: list } of h.metricCues) {
      const first = list[0]!;
      const span = other.block === s.block ? { start: other.start + first.start, end: other.start + first.end } : undefined;
      cue(rule, place, factor, span);
    }
    const t = topicStrength(h).total;
    set(`ctx.${place}.topic`, Math.min(2, t / 5));
  };
  const first = reading.blockFirst[s.block]!;
  if (c.sentence > first) contextCues(c.sentence - 1, 'prev', 1);
  for (let i = Math.max(first, c.sentence - 4); i < c.sentence - 1; i++) contextCues(i, 'para', 1);
  const next = c.sentence + 1;
  if (next < reading.sentences.length && reading.sentences[next]!.block === s.block) contextCues(next, 'next', 1);
  if (s.inBlock === 0 && c.sentence > 0) {
    // The first sentence of a paragraph reads on from the last one of the paragraph before.
    contextCues(c.sentence - 1, 'prev', 1);
  }
  const intro = reading.introOf[s.block]!;
  if (intro >= 0) {
    const start = reading.blockFirst[intro]!;
    const end = reading.blockFirst[intro + 1] ?? reading.sentences.length;
    for (let i = start; i < end; i++) contextCues(i, 'intro', 1);
    set('listitem.intro');
  }
  const heading = reading.headingOf[s.block]!;
  const headText = [reading.doc.title ?? '', heading >= 0 ? reading.doc.blocks[heading]!.text : ''].join(' \n ').trim();
  if (headText) {
    const h = reading.hitsOfText(`head:${heading}`, headText);
    for (const { rule } of h.metricCues) cue(rule, 'head', 1, undefined);
    const t = topicStrength(h);
    for (const name of t.topics) set(`head.topic.${name}`);
  }
  // Children alone are not the domain: "45% of teenagers play football". Trafficking,
  // migration, exploitation or an agency must be named in the sentence, beside it or above it.
  const domainTopics = (h: SentenceHits) => [...topicStrength(h).topics].some((t) => t !== 'child');
  let domain = domainTopics(hits);
  for (const j of [c.sentence - 1, c.sentence + 1]) {
    if (!domain && j >= 0 && j < reading.sentences.length && reading.sentences[j]!.hasTopic) domain = domainTopics(reading.hitsAt(j));
  }
  if (!domain && headText) domain = domainTopics(reading.hitsOfText(`head:${heading}`, headText));
  if (!domain) set('domain.none');
  // The page's own topic, where there is a page around the sentence (a lone sentence is its own page).
  if (reading.sentences.length >= PAGE_MIN_SENTENCES) {
    const page = pageProfile(reading);
    for (const [metric, n] of page.cues) set(`cw.${metric}.page`, Math.min(2, Math.log1p(n) / 2));
    set('page.topic', page.topic);
  }
  // Context places pooled: few passages teach each place apart, more teach them together.
  for (const [name, v] of cueWeights(values)) {
    const m = name.match(/^cw\.([a-z_]+)\.(prev|para|intro|head)$/);
    if (m) values.set(`cw.${m[1]}.ctx`, Math.min(2, (values.get(`cw.${m[1]}.ctx`) ?? 0) + v));
  }
  if (anaphor) {
    for (const place of ['prev', 'para', 'intro', 'ctx'] as const) {
      for (const [name, v] of cueWeights(values)) {
        const m = name.match(/^cw\.([a-z_]+)\.(\w+)$/);
        if (m && m[2] === place) set(`cw.${m[1]}.${place}.anaphor`, v);
      }
    }
  }
  if (!noun) {
    for (const [name, v] of cueWeights(values)) {
      const m = name.match(/^cw\.([a-z_]+)\.(prev|head|page|ctx)$/);
      if (m) set(`cw.${m[1]}.${m[2]}.nonoun`, v);
    }
  }
  const words = tokens.map((t) => t.text.toLowerCase());
  for (const [name, v] of metricConjunctions({ values, q, noun, predicate: predicate.predicate, topics: topic.topics, words, text: s.text })) values.set(name, v);
  return { values, spans, packCues, packRules };
}

/** The `cw.*` features as they stand now, in order: the pooling loops read only these, not every word. */
function cueWeights(values: ReadonlyMap<string, number>): [string, number][] {
  const out: [string, number][] = [];
  for (const entry of values) if (entry[0].startsWith('cw.')) out.push(entry);
  return out;
}

const PLACE_RANK: Record<Place, number> = { resp: 0, near: 1, far: 2, clause: 3, prev: 4, para: 5, next: 6, intro: 7, head: 8, page: 9 };

const tokenCache = new WeakMap<DocReading, Map<number, Token[]>>();
/** A sentence's words, once per sentence (it may hold several numbers). */
function tokensOf(reading: DocReading, i: number): Token[] {
  let byIndex = tokenCache.get(reading);
  if (!byIndex) tokenCache.set(reading, (byIndex = new Map()));
  let tokens = byIndex.get(i);
  if (!tokens) byIndex.set(i, (tokens = tokenize(reading.sentences[i]!.text)));
  return tokens;
}

/** Per page, once: how many sentences cue each metric, and how much of the page is about the topic. */
interface PageProfile {
  cues: Map<string, number>;
  topic: number;
}
const profiles = new WeakMap<DocReading, PageProfile>();

function pageProfile(reading: DocReading): PageProfile {
  let p = profiles.get(reading);
  if (p) return p;
  const cues = new Map<string, number>();
  let topical = 0;
  let strong = 0;
  reading.sentences.forEach((s, i) => {
    if (!s.hasTopic) return;
    topical++;
    const h = reading.hitsAt(i);
    if (topicStrength(h).total >= 5) strong++;
    const seen = new Set<string>();
    for (const { rule } of h.metricCues) seen.add(rule.metric);
    for (const m of seen) cues.set(m, (cues.get(m) ?? 0) + 1);
  });
  const n = Math.max(1, reading.sentences.length);
  p = { cues, topic: Math.min(1, (topical + strong) / n) };
  profiles.set(reading, p);
  return p;
}
