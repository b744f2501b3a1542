// The official figure to show beside a claim: from the measure the sentence
// speaks of, for the period it names, in a comparable unit. Never the figure
// nearest in magnitude: a near-equal number of another count, scope or period
// looks like confirmation and is not.
import type { ClaimPeriod, Comparison, PredicateId, Unit } from '../contract';
import { COMPARISON_POLICY } from '../../rules/comparison';
import type { Figure } from '../../rules/schema';
import { tokenize } from './lexicon';
import { findQuantities, type FoundQuantity } from './quantity';
import { unreadPeriod } from './period';
import { countedNoun, type CountedNoun, type Mismatch, namesAgency, officeOnly, otherScopeWords, seriesMismatch, seriesOf, seriesWords } from './series-fit';
import { alternation } from './term-pattern';

/** Shares compare with shares (a percent with a ratio, scaled); every other unit only with itself. */
const SHARE_UNITS: readonly Unit[] = ['percent', 'ratio'];

export function comparableUnits(a: Unit, b: Unit): boolean {
  return a === b || (SHARE_UNITS.includes(a) && SHARE_UNITS.includes(b));
}

/** A value on the scale of `unit`'s family: shares as percent, everything else as is. */
export function onScale(value: number, unit: Unit): number {
  return unit === 'ratio' ? value * 100 : value;
}

/** Days two periods are apart at their starts and ends: 0 for the same period. */
const DAY = 86_400_000;
const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY;

/** Start and end within a week of each other: the same period, allowing for "as of" cut-off days. */
const SAME_PERIOD_DAYS = 7;

function periodGap(f: Figure, p: ClaimPeriod): number {
  return days(f.periodStart, p.from) + (p.to === null ? 0 : days(f.periodEnd, p.to));
}

export function isSamePeriod(f: Figure, p: ClaimPeriod): boolean {
  // A count on one day (children in care on 15 December) belongs to any period that holds that day.
  if (f.periodStart === f.periodEnd && f.periodStart >= p.from && (p.to === null || f.periodStart <= p.to)) return true;
  return days(f.periodStart, p.from) <= SAME_PERIOD_DAYS && (p.to === null || days(f.periodEnd, p.to) <= SAME_PERIOD_DAYS);
}

/** Words too common to tell one measure's label from another's. */
const STOPWORDS = new Set(
  // A negation names no measure: "had not served" is the label's, "we're not going to stop" the sentence's.
  'the a an of in on at by to for and or as with from its their who whose that which were was is are be been all any per one day year years during since not no never'.split(' '),
);
/**
 * Words that pick no measure: the same people and smugglers appear in prices, profits and
 * encounters alike, and "12 months" is not a label's "one month".
 */
const NOISE = new Set('people person human smuggler month week'.split(' '));
/**
 * What a sentence says happened is where it conflates ("missing", "lost", "trafficked"): such words
 * never pick the measure, or "300,000 missing" would match an address found "missing an apartment number".
 */
const CLAIM_VERBS = new Set('missing lost trafficked smuggled found located rescued exploited disappeared vanished unaccounted'.split(' '));

/**
 * One spelling for words that differ only by number or spelling: "girls" is "girl", "labour" is
 * "labor", "families" is "family"; "increased", "rose", "surged" say the same as a label's "rise".
 */
const SAME_AS: Record<string, string> = {
  labour: 'labor', increase: 'rise', increased: 'rise', increases: 'rise', rose: 'rise', rising: 'rise', risen: 'rise',
  surged: 'rise', surge: 'rise', grew: 'rise', growth: 'rise', runaway: 'running away', runaways: 'running away',
  // Border Patrol's "apprehensions" are what it "apprehended": the verb names the count.
  apprehend: 'apprehension', apprehends: 'apprehension', apprehended: 'apprehension', encountered: 'encounter',
};
function normalWord(w: string): string {
  const same = SAME_AS[w];
  if (same) return same;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** A token's normal words, made once per word: every claim reads its sentence and its clause. */
const normalCache = new Map<string, readonly string[]>();
function normalWords(word: string): readonly string[] {
  let words = normalCache.get(word);
  if (words === undefined) {
    words = STOPWORDS.has(word) ? [word] : normalWord(word).split(' ');
    if (normalCache.size > 50_000) normalCache.clear();
    normalCache.set(word, words);
  }
  return words;
}

function normalTokens(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) for (const w of normalWords(t.text)) out.push(w);
  return out;
}

function labelWords(text: string): Set<string> {
  const out = new Set<string>();
  const tokens = normalTokens(text);
  tokens.forEach((w, i) => {
    if (!STOPWORDS.has(w) && !NOISE.has(w) && !/^\d/.test(w)) out.add(w);
    // Two-word names ("border patrol", "southwest border") say more than either word.
    const next = tokens[i + 1];
    if (next && !STOPWORDS.has(w) && !STOPWORDS.has(next) && !NOISE.has(w) && !NOISE.has(next)) out.add(`${w} ${next}`);
  });
  return out;
}

/**
 * A sentence's words as normalTokens reads them, each with the span of the token it comes
 * from: the clause's words are those of the tokens inside it (no token crosses a clause
 * break), so a clause costs no second reading. The last sentences' are kept: the numbers of
 * one sentence ask in turn. Shared arrays, never changed.
 */
interface SentenceWord {
  word: string;
  start: number;
  end: number;
}
const recentWords = new Map<string, readonly SentenceWord[]>();
const RECENT_SENTENCES = 32;
function wordsOfSentence(sentence: string): readonly SentenceWord[] {
  let words = recentWords.get(sentence);
  if (words === undefined) {
    const out: SentenceWord[] = [];
    for (const t of tokenize(sentence)) for (const word of normalWords(t.text)) out.push({ word, start: t.start, end: t.end });
    words = out;
    if (recentWords.size >= RECENT_SENTENCES) recentWords.clear();
    recentWords.set(sentence, words);
  }
  return words;
}

/**
 * The label words (one word, or two in a row) of a list of measures, by their first word: a
 * sentence is read against them word by word, and no word pair of the sentence is made that
 * no label has.
 */
type LabelIndex = Map<string, { word: string; second: string | null }[]>;
function labelIndex(labels: readonly Set<string>[]): LabelIndex {
  const index: LabelIndex = new Map();
  for (const own of labels) {
    for (const word of own) {
      const space = word.indexOf(' ');
      const first = space < 0 ? word : word.slice(0, space);
      const entry = { word, second: space < 0 ? null : word.slice(space + 1) };
      const list = index.get(first);
      if (!list) index.set(first, [entry]);
      else if (!list.some((e) => e.word === word)) list.push(entry);
    }
  }
  return index;
}

/**
 * The label words the sentence (or the part of it from `start` to `end`) says: the words of
 * its tokens, and each pair of words in a row.
 */
function saidWords(index: LabelIndex, words: readonly SentenceWord[], start = 0, end = Infinity): Set<string> {
  const said = new Set<string>();
  let i = 0;
  while (i < words.length && words[i]!.start < start) i++;
  let last = i;
  while (last < words.length && words[last]!.end <= end) last++;
  for (; i < last; i++) {
    const entries = index.get(words[i]!.word);
    if (!entries) continue;
    const next = i + 1 < last ? words[i + 1]!.word : null;
    for (const e of entries) if (e.second === null || e.second === next) said.add(e.word);
  }
  return said;
}

/** A measure and its figures, in data order. */
interface Measure {
  id: string;
  figures: Figure[];
}

function measuresOf(figures: readonly Figure[]): Measure[] {
  const byId = new Map<string, Figure[]>();
  for (const f of figures) {
    const list = byId.get(f.measure);
    if (list) list.push(f);
    else byId.set(f.measure, [f]);
  }
  return [...byId].map(([id, list]) => ({ id, figures: list }));
}

/** A figure's label words, read once per figure: the background compares every claim against them. */
const figureWords = new WeakMap<Figure, readonly string[]>();
function wordsOfFigure(f: Figure): readonly string[] {
  let words = figureWords.get(f);
  if (!words) {
    // The series' own naming words ("supervision" for children in care) count as its label's, each on its own.
    const all = labelWords(`${f.label} ${f.note ?? ''}`);
    for (const term of seriesWords(f.measure)) for (const w of labelWords(term)) all.add(w);
    figureWords.set(f, (words = [...all]));
  }
  return words;
}

/**
 * A measure's label words, kept by its first figure: every claim of a metric asks for the same
 * measures, and a long series has many figures. Reused only for the very same figures.
 */
const measureWords = new WeakMap<Figure, { figures: readonly Figure[]; words: Set<string> }>();
function wordsOfMeasure(m: Measure): Set<string> {
  const known = m.figures.length ? measureWords.get(m.figures[0]!) : undefined;
  if (known && known.figures.length === m.figures.length && known.figures.every((f, i) => f === m.figures[i])) return known.words;
  const all = new Set<string>();
  for (const f of m.figures) for (const w of wordsOfFigure(f)) all.add(w);
  if (m.figures.length) measureWords.set(m.figures[0]!, { figures: [...m.figures], words: all });
  return all;
}

/**
 * A label word as fitScores weighs it: 1 / the number of candidate measures whose labels have
 * it, or 0 where it cannot pick a measure (a claim verb, a generic word, a word every measure has).
 */
interface WeighedWord {
  word: string;
  weight: number;
}

/** The words of each measure's labels with their weights, for one list of measures. */
function weighWords(measures: readonly Measure[], words: readonly Set<string>[]): WeighedWord[][] {
  const sharedByOf = new Map<string, number>();
  return words.map((own) => {
    const out: WeighedWord[] = [];
    for (const w of own) {
      // "said" never holds a word with a claim verb in it.
      if (w.split(' ').some((part) => CLAIM_VERBS.has(part)) || isGeneric(w)) continue;
      let sharedBy = sharedByOf.get(w);
      if (sharedBy === undefined) sharedByOf.set(w, (sharedBy = words.filter((other) => other.has(w)).length));
      // A word every measure has tells none apart.
      if (sharedBy < measures.length || measures.length === 1) out.push({ word: w, weight: 1 / sharedBy });
    }
    return out;
  });
}

/**
 * How well each measure's labels fit the sentence: each word of its labels found in the
 * sentence counts for more the fewer candidate measures share it ("Border Patrol" against
 * "CBP", "nationwide" against "Southwest border"; "rise" against a share of the same victims).
 * The sums run in the labels' word order.
 */
function fitScores(weighed: readonly (readonly WeighedWord[])[], said: ReadonlySet<string>): number[] {
  return weighed.map((own) => {
    let score = 0;
    for (const { word, weight } of own) if (said.has(word)) score += weight;
    return score;
  });
}

/**
 * Words every share in this domain is of, which say nothing about which whole a share is of:
 * "20 percent of victims" is not "one in six runaway victims"; nor does a change word ("rise") say
 * what rose.
 */
const GENERIC = new Set('victim trafficking detected share percent number total rise compared'.split(' '));

const isGeneric = (w: string) => w.split(' ').every((part) => GENERIC.has(part) || CLAIM_VERBS.has(part));

/** Whether the measure's labels name something the sentence names beyond the domain's generic words. */
function namesSameWhole(m: Measure, said: ReadonlySet<string>): boolean {
  return m.figures.some((f) => wordsOfFigure(f).some((w) => said.has(w) && !isGeneric(w)));
}

/**
 * The measures of a list of figures and their weighed label words, kept by the list's first
 * figure: every claim of a metric asks for the same list. Reused only for the very same figures.
 */
interface MeasureSet {
  measures: Measure[];
  weighed: WeighedWord[][];
  index: LabelIndex;
}
const measureSets = new WeakMap<Figure, { figures: readonly Figure[]; set: MeasureSet }[]>();
/**
 * Lists kept per first figure: the usable series differ with the counted noun and the stage,
 * and the context line asks for yet another list, so one slot would be overwritten claim after claim.
 */
const LISTS_PER_FIGURE = 16;
const sameFigures = (a: readonly Figure[], b: readonly Figure[]) => a.length === b.length && a.every((f, i) => f === b[i]);
function measuresFor(figures: readonly Figure[]): MeasureSet {
  const known = figures.length ? measureSets.get(figures[0]!) : undefined;
  const hit = known?.find((k) => sameFigures(k.figures, figures));
  if (hit) return hit.set;
  const measures = measuresOf(figures);
  const labels = measures.map(wordsOfMeasure);
  const set = { measures, weighed: weighWords(measures, labels), index: labelIndex(labels) };
  if (figures.length) {
    const entry = { figures: [...figures], set };
    if (!known) measureSets.set(figures[0]!, [entry]);
    else if (known.length < LISTS_PER_FIGURE) known.push(entry);
    else known[known.length - 1] = entry;
  }
  return set;
}

/** What a figure for the named period weighs against words of the labels found in the sentence. */
const PERIOD_FIT = 3;

export interface ComparisonInput {
  sentence: string;
  unit: Unit;
  period: ClaimPeriod | null;
  /** Whether the metric's main series may stand for a sentence that names none of its series (see rules/comparison.json). */
  mainStandsIn?: boolean;
  /** The number's span in `sentence`, where known: the words of its own clause weigh most. */
  number?: { start: number; end: number };
  /** What the sentence says happened, where known: a series taken at another stage does not compare. */
  predicate?: PredicateId;
  /** The number's value, where known: a figure of the same value stands for a claim that names no period. */
  value?: number | null;
  /** The sentence before, where known: "That is up from $850" speaks of what that one named. */
  previous?: string;
  /** The number's range, where it gives one ("between 59,000 and 69,000"): a figure inside it is consistent with it. */
  range?: { low: number; high: number };
  /** The page's own date (YYYY-MM-DD), where known: a sentence that names no period speaks of what was known by then. */
  pageDate?: string;
  /** Whether the metric's figures are worldwide (see rules/comparison.json): a count for one country beside them is for scale. */
  worldwide?: boolean;
  /** The text before the sentence in its paragraph and the paragraph before: the agency a series is of may be named there. */
  before?: string;
  /** The sentence's quantities, where already read (offsets into `sentence`): its other numbers may be the whole the number is a part of. */
  quantities?: readonly FoundQuantity[];
}

/** A sentence whose subject is what the sentence before spoke of: "That is up more than 50%", "It was $900". */
const CONTINUES = /^\s*(?:that|this|it|these|those)(?:['’]s|\s+(?:is|was|are|were|has|had|marks|represents|amounts|compares|rose|fell))\b/i;

/** Whether the sentence's subject is what the sentence before spoke of, so that one says what its number counts. */
export function continuesBefore(sentence: string): boolean {
  return CONTINUES.test(sentence);
}

/** The text whose words say what the number counts: the sentence, with the one before where it continues that one. */
export function scopeText(input: Pick<ComparisonInput, 'sentence' | 'previous'>): string {
  return input.previous && continuesBefore(input.sentence) ? `${input.previous} ${input.sentence}` : input.sentence;
}

/** Where one clause of a sentence ends: "28 million are in forced labour" is not the "50 million in slavery" before the comma. */
const CLAUSE_BREAK = /[;,—–]|\s-\s/g;

/** The clause of the sentence that holds the number; the whole sentence where the number is not known. */
export function clauseOf(sentence: string, number?: { start: number; end: number }): string {
  const { start, end } = clauseSpan(sentence, number);
  return sentence.slice(start, end);
}

function clauseSpan(sentence: string, number?: { start: number; end: number }): { start: number; end: number } {
  if (!number || number.end > sentence.length) return { start: 0, end: sentence.length };
  let start = 0;
  let end = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    // A comma inside a number ("2,135,005") is not a clause break.
    if (m[0] === ',' && /\d/.test(sentence[m.index - 1] ?? '') && /\d/.test(sentence[m.index + 1] ?? '')) continue;
    if (m.index + m[0].length <= number.start) start = m.index + m[0].length;
    else if (m.index >= number.end) {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

/** The figure to show, or null where none may stand beside the number (see compareClaim). */
export function chooseComparison(input: ComparisonInput, figures: readonly Figure[]): Comparison | null {
  return compareClaim(input, figures).comparison;
}

/** The figure chosen, or none and why, in one plain sentence the popup shows. */
export type ComparisonChoice = { comparison: Comparison; noFigure?: undefined } | { comparison: null; noFigure: string };

/** Hedges between a change word and its number: "up roughly $2,000", "increased by more than 50%". */
const HEDGE = '(?:\\s+(?:by|about|roughly|nearly|almost|some|around|more than|over|just over|just under))*';
const CHANGE_BEFORE = new RegExp(`(?:^|[^\\p{L}'’]|(?=['’]))(?:${alternation(COMPARISON_POLICY.changeBefore)})${HEDGE}\\s*$`, 'iu');
const CHANGE_AFTER = new RegExp(`^\\s*(?:${alternation(COMPARISON_POLICY.changeAfter)})(?![\\p{L}])`, 'iu');
/** One of `names` after a word that introduces a place ("in", "from"). */
const afterPlaceWord = (placeWords: readonly string[], names: readonly string[]) =>
  new RegExp(`(?:^|[^\\p{L}])(?:${alternation(placeWords)})\\s+(?:${alternation(names)})(?![\\p{L}])`, 'iu');
/** One country: "trafficked into the United States", "victims in the UK". */
const COUNTRY = afterPlaceWord([...COMPARISON_POLICY.placeBefore, 'into'], COMPARISON_POLICY.countries);
const PLACE = afterPlaceWord(COMPARISON_POLICY.placeBefore, COMPARISON_POLICY.places);

// A state that opens the sentence as what counts ("California, which …, topped the list with 979
// cases"; not "Texas officials said …"), or owns the count ("Ohio's 210 cases"), places it as surely
// as "in Ohio"; "the state" needs its preposition.
const STATE_NAMES = alternation(COMPARISON_POLICY.places.filter((p) => !p.startsWith('the ')));
const STATE_SUBJECT = new RegExp(`^\\s*(?:${STATE_NAMES})(?:,\\s(?:which|where)\\b|\\s(?:alone\\s)?(?:had|has|reported|recorded|counted|logged|tallied|topped|led|saw)\\b)`, 'iu');
const STATE_OWNER = new RegExp(`(?:^|[^\\p{L}])(?:${STATE_NAMES})['’]s\\s`, 'iu');

const INCIDENT = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(COMPARISON_POLICY.incidents)})(?![\\p{L}])`, 'iu');
const ROUTE_LEGS = alternation(COMPARISON_POLICY.routeLegs);
/** A price for one leg: "through Mexico alone", "across Guatemala only", "only to cross Mexico". */
const ROUTE_LEG = new RegExp(
  `(?:^|[^\\p{L}])((?:through|across|in|within|to cross|crossing)\\s+(?:${ROUTE_LEGS})\\s+(?:alone|only)|only\\s+(?:through|across|to cross)\\s+(?:${ROUTE_LEGS}))(?![\\p{L}])`,
  'iu',
);

// "The cleaning company … hired 30 teenagers", "at a meatpacking plant": one employer's count.
const EMPLOYER = new RegExp(`(?:^|[^\\p{L}])(?:the|a|an|one|this|that)\\s(?:[\\p{L}-]+\\s)?(?:${alternation(COMPARISON_POLICY.employers)})(?![\\p{L}])`, 'iu');

/** Whether the sentence counts what one operation, one case or one employer found ("a four-day sting", "an investigation of one firm", "the company hired"). */
export function namesIncident(sentence: string): boolean {
  return INCIDENT.test(sentence) || EMPLOYER.test(sentence);
}

/** Whether the number states a change between two times ("up $2,000", "a 50% increase"), not a level. */
export function statesChange(sentence: string, number: { start: number; end: number }): boolean {
  const clause = clauseSpan(sentence, number);
  return CHANGE_BEFORE.test(sentence.slice(clause.start, number.start)) || CHANGE_AFTER.test(sentence.slice(number.end, clause.end));
}

/** Whether the clause places its count in one U.S. state or smaller place ("in Missouri", "in the state", "Ohio's"), or the sentence opens with a state. */
export function namesPlace(clause: string, sentence = clause): boolean {
  return PLACE.test(clause) || STATE_OWNER.test(clause) || STATE_SUBJECT.test(sentence);
}

const YEAR_DAYS = 365.25;
/**
 * Whether the sentence goes on about an operation named before it: "5 men were arrested" after "the
 * sting operation" names no agency and no period of its own, so its count is that operation's.
 */
function continuesIncident(input: ComparisonInput, period: ClaimPeriod | null): boolean {
  return period === null && input.before !== undefined && !namesAgency(input.sentence) && namesIncident(input.before);
}

/** Whether a named period runs over more than a year, or on from a date ("since 2003"). */
const spansYears = (p: ClaimPeriod | null) => p !== null && (p.to === null || days(p.from, p.to) > YEAR_DAYS);
/** Whole years between a figure's period and the claim's (0 where they overlap). */
function yearsApart(f: Figure, p: ClaimPeriod): number {
  const to = p.to ?? '9999-12-31';
  if (f.periodEnd < p.from) return days(f.periodEnd, p.from) / YEAR_DAYS;
  if (f.periodStart > to) return days(to, f.periodStart) / YEAR_DAYS;
  return 0;
}

/**
 * A running total counts from one start date ("located since 20 January"): its figure as of a day
 * inside the month the sentence names is the figure for that month.
 */
function isRunningTotal(m: Measure): boolean {
  return m.figures.length > 1 && m.figures.every((f) => f.periodStart === m.figures[0]!.periodStart);
}
function totalWithin(m: Measure, p: ClaimPeriod): Figure | null {
  if (!isRunningTotal(m) || p.to === null) return null;
  const inside = m.figures.filter((f) => f.periodEnd >= p.from && f.periodEnd <= p.to!);
  return inside.length ? inside.reduce((a, b) => (b.periodEnd > a.periodEnd ? b : a)) : null;
}

const UNIT_NAMES: Record<Unit, string> = { count: 'a count', percent: 'a percentage', ratio: 'a share', usd: 'a dollar amount', other: 'a number of another unit' };
const UNIT_PLURALS: Record<Unit, string> = { count: 'counts', percent: 'shares', ratio: 'shares', usd: 'dollar amounts', other: 'other units' };

const CHANGE_LABEL = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(COMPARISON_POLICY.changeLabels)})(?![\\p{L}])`, 'iu');
/** Change figures by figure object, each label read once: every claim of a metric asks it of all the metric's figures. */
const changeFigures = new WeakMap<Figure, boolean>();
/** A figure that is itself a change ("Rise in the number of detected victims compared with 2019"). */
function isChangeFigure(f: Figure): boolean {
  let change = changeFigures.get(f);
  if (change === undefined) changeFigures.set(f, (change = CHANGE_LABEL.test(f.label)));
  return change;
}

export function compareClaim(input: ComparisonInput, figures: readonly Figure[]): ComparisonChoice {
  if (!figures.length) return none('No official dataset stands behind this kind of figure in Metric Lens, so there is no official figure to show beside it.');
  // A change is the difference of two levels: it stands beside a published change, never beside a level.
  const change = input.number !== undefined && input.number.end <= input.sentence.length && statesChange(input.sentence, input.number);
  const ofKind = figures.filter((f) => isChangeFigure(f) === change);
  if (change && !ofKind.some((f) => comparableUnits(f.unit, input.unit))) {
    return none('This number is a change between two times, not a level; Metric Lens has no published change of this kind, so no level is shown beside it.');
  }
  const noun = input.number !== undefined && input.number.end <= input.sentence.length ? countedNoun(input.sentence, input.number, input.unit === 'usd') : null;
  // Only series that count what the number counts, at the stage the sentence speaks of.
  // A series' figures share its verdict: each measure is judged once, here and for the context line.
  const claim = { noun, predicate: input.predicate, sentence: scopeText(input), before: input.before };
  const byMeasure = new Map<string, Mismatch | null>();
  const mismatchOf = (measure: string) => {
    let why = byMeasure.get(measure);
    if (why === undefined) byMeasure.set(measure, (why = seriesMismatch(measure, claim)));
    return why;
  };
  const context = (why: string) => none(why + contextLine(figures, input, noun, mismatchOf));
  const inUnit = ofKind.filter((f) => comparableUnits(f.unit, input.unit));
  if (!inUnit.length) {
    const units = [...new Set(figures.map((f) => UNIT_PLURALS[f.unit]))].join(' and ');
    // No figure of another unit is offered even for context: a count beside a share reads as its whole.
    return none(`Metric Lens’s official figures for this metric are ${units}, not ${UNIT_NAMES[input.unit]} like this one, so none is shown: a figure in another unit would not compare.`);
  }
  const mismatches = inUnit.map((f) => mismatchOf(f.measure));
  const usable = inUnit.filter((_, i) => mismatches[i] === null);
  if (!usable.length) {
    // The words of the wider whole or the part the sentence names, said back to it.
    const scopeWords = inUnit.map((f, i) => (mismatches[i] === 'whole' ? otherScopeWords(f.measure, claim.sentence) : null)).find((w) => w !== null) ?? null;
    const why = mismatchWords(mismatches, inUnit, noun, SHARE_UNITS.includes(input.unit), scopeWords);
    // A part (a cartel's piso) beside the whole (the full fee) misleads even "for context".
    return mismatches.every((m) => m === 'whole') ? none(why) : context(why);
  }
  const { measures, weighed, index } = measuresFor(usable);
  // Each reading of the words once: the sentence's and its clause's serve every measure and test below.
  const words = wordsOfSentence(input.sentence);
  const sentenceSaid = saidWords(index, words);
  const span = clauseSpan(input.sentence, input.number);
  const clause = input.sentence.slice(span.start, span.end);
  const clauseSaid = saidWords(index, words, span.start, span.end);
  const whole = fitScores(weighed, sentenceSaid);
  const own = fitScores(weighed, clauseSaid);
  // On the scale of one reading of the sentence, the clause's words weigh three times the rest's.
  const fit = whole.map((w, i) => (w + 3 * own[i]!) / 4);
  const { period } = input;
  const hasPeriod = (m: Measure) => period !== null && m.figures.some((f) => isSamePeriod(f, period) || totalWithin(m, period) === f);
  // Best fit to the sentence, where a figure for the named period counts for more than a word or two
  // (a yearly series, not a cumulative total, answers "in FY2022"); among equals, data order (the main
  // measure first). A side measure its clause does not name never wins on its period alone:
  // T-visa applications for FY2022 are not the figure for "victims assisted in FY2022".
  const score = measures.map((m, i) => fit[i]! + (hasPeriod(m) && (i === 0 || namesSameWhole(m, clauseSaid)) ? PERIOD_FIT : 0));
  // A sentence with no period on a dated page speaks of a series it could know: one whose every
  // period began after the page was written is passed over where another is not.
  const { pageDate } = input;
  if (period === null && pageDate) {
    const began = measures.map((m) => m.figures.some((f) => begunBy(f, pageDate)));
    if (began.includes(true)) began.forEach((b, i) => b || (score[i] = -Infinity));
  }
  let best = 0;
  for (let i = 1; i < measures.length; i++) if (score[i]! > score[best]!) best = i;
  let measure = measures[best]!;
  // A share is a share of some whole: beside a share of another whole (or of another part of the
  // same whole) it misleads, so a share is shown only where the measure's labels name what the
  // sentence's share is of. The reason says only that: which of the two differs is not known.
  // A change is not a share of a whole: which change, its words and its counted noun tell.
  if (SHARE_UNITS.includes(input.unit) && !change && !namesSameWhole(measure, sentenceSaid)) {
    const wholes = [...new Set(measures.map((m) => m.figures[0]!.label))].slice(0, 2).map((l) => `“${l}”`);
    return none(`None of Metric Lens’s official shares for this metric measures what this sentence’s share measures (they are: ${wholes.join('; ')}), so none is shown.`);
  }
  // One state's or city's count beside a national total is not a comparison; the national one is scale.
  const place = namesPlace(clause, input.sentence);
  // The same for one country beside a worldwide estimate.
  const country = !place && input.worldwide === true && COUNTRY.test(clause);
  const scope = place
    ? 'The sentence counts one state or place; this is a national figure, for scale only, not one for that place. '
    : country
      ? 'The sentence counts one country; this is a worldwide figure, for scale only, not one for that country. '
      : '';
  // A figure of the very value the sentence gives is the one it quotes where the sentence names no
  // period of its own (or only the one before does: "as of January, 233,000 …. Another 43,000 …").
  const dated = period !== null && input.sentence.includes(period.raw);
  const same = dated ? null : sameValue(measures, measure, input.value, input.pageDate);
  if (same) return { comparison: sameValueComparison(same, measures, scope, unreadPeriod(input.sentence, input.pageDate) !== null) };
  // Otherwise what one operation or employer found is its own count: a national total beside it reads
  // as its measure (a sting's arrests beside the year's federal prosecutions), so none is shown.
  // A count over years ("since 2003") is no one operation's, even where the sentence names one.
  if (!scope && (namesIncident(input.sentence) || continuesIncident(input, period)) && !spansYears(period)) {
    return none('The sentence counts what one operation, case or employer found; Metric Lens’s official figures for this metric are national totals of another scope, so none is shown beside it: a national count is not a figure for one case.');
  }
  // Where no period is named, the newest edition of the count stands for it, not a superseded one.
  if (period === null) measure = newestEdition(measure, measures, input.pageDate);
  const chosen = choosePeriod(measure, period, input, namesSameWhole(measure, clauseSaid));
  if (!chosen.comparison) return { comparison: null, noFigure: chosen.noFigure + (chosen.final ? '' : contextLine(figures, input, noun, mismatchOf)) };
  // Where a metric's counts are different things (referrals, prosecutions, convictions) and the
  // sentence names none of them, the first in data order would stand in for another count: none is shown.
  const unnamed = fit[best]! === 0 && !(chosen.comparison.samePeriod && namesSameWhole(measure, clauseSaid));
  if (measures.length > 1 && unnamed && !input.mainStandsIn) {
    const names = measures.slice(0, 3).map((m) => `“${m.figures[0]!.label}”`);
    return context(`Metric Lens holds several different official counts for this metric (${names.join('; ')}${measures.length > 3 ? '; …' : ''}) and this sentence names none of them, so none is shown: another count would not compare.`);
  }
  // A figure for one subgroup (girls) beside a number the sentence does not say is of it: a part beside a total.
  const partFigure = subgroupOnly(chosen.comparison.label, input.sentence);
  if (partFigure) {
    return none(`Metric Lens’s figure for this period counts ${partFigure} only (“${chosen.comparison.label}”); the sentence does not say its number is of ${partFigure}, so it is not shown: a part would not compare with the whole.`);
  }
  const part = scope ? '' : scaleOnly(input, clause, chosen.comparison, noun);
  // Beside a figure for scale only, whether a range overlaps it would read as confirmation.
  // So would it beside another period's figure: only a figure for the period named, or the latest a
  // dated page could speak of, is weighed against the range.
  const rangeWeighed = chosen.comparison.periodMatch === 'same' || (chosen.comparison.periodMatch === 'none-named' && input.pageDate !== undefined);
  const range = scope || part || !rangeWeighed ? '' : rangeWords(input.range, input.unit, chosen.comparison);
  const statement = scope + part + chosen.comparison.statement + range;
  return statement === chosen.comparison.statement ? chosen : { comparison: { ...chosen.comparison, statement } };
}

/**
 * Why the figure is for scale only where the number counts a part of what it counts, or '': one leg
 * of the trip, one office of a total, one nationality, a part beside the whole the sentence also
 * gives ("denying 635" of "8,598 applications"), or one subgroup (girls beside all children).
 */
function scaleOnly(input: ComparisonInput, clause: string, c: Comparison, noun: CountedNoun | null): string {
  const leg = input.unit === 'usd' ? ROUTE_LEG.exec(clause) : null;
  if (leg) return `The sentence prices one leg of the journey (“${leg[1]}”); this official figure is for the whole trip, for scale only, not a price for that leg. `;
  const office = officeOnly(c.measure, input.sentence);
  if (office) return `The sentence counts ${office.part} only; this official figure also counts ${office.rest}, for scale only, not a figure for ${office.part} alone. `;
  return originScope(clause, c.label) || partScope(input, c, noun);
}

/** Up to this factor a figure is the number the sentence gives for its whole; at most this share of it, the claim is a part. */
const WHOLE_RATIO = 1.25;
const PART_SHARE = 0.5;
/** How far from the number, in characters, the sentence's whole is looked for. */
const PART_WINDOW = 200;

/**
 * Why the figure is for scale only where the number is a part of what the figure counts: the
 * sentence gives the figure's whole as another number ("received 8,598 applications … denying 635";
 * "of the 300,000 to 400,000 …, some 73,000"), or the number counts a subgroup ("girls") the
 * figure's label does not. Empty where neither.
 */
function partScope(input: ComparisonInput, c: Comparison, noun: CountedNoun | null): string {
  const value = input.value;
  if (input.number && c.number !== null && value !== null && value !== undefined && value > 0) {
    // The whole is named near the number: a window around it keeps a long sentence of many numbers linear.
    const from = input.number.start - PART_WINDOW;
    const to = input.number.end + PART_WINDOW;
    const own = input.number;
    for (const q of input.quantities ?? findQuantities(input.sentence)) {
      if (q.end <= from || q.start >= to) continue;
      if (q.nonClaim !== null || q.vague || (q.start < own.end && own.start < q.end)) continue;
      if (!comparableUnits(q.unit, input.unit) || q.low === null || q.high === null) continue;
      const holds = c.number >= q.low / WHOLE_RATIO && c.number <= q.high * WHOLE_RATIO;
      if (holds && value <= PART_SHARE * q.low) {
        return `The sentence counts a part of the ${q.raw} it also gives; this official figure is for that whole, for scale only, not a figure for the part. `;
      }
    }
  }
  const group = noun ? COMPARISON_POLICY.subgroups.find((g) => g.words.includes(noun.word.toLowerCase())) : undefined;
  if (group && !group.words.some((w) => wordIn(w, c.label))) {
    return `The sentence counts ${group.name} only; this official figure counts all of them, for scale only, not a figure for ${group.name}. `;
  }
  return '';
}

/** Each word's pattern, made once: labels and sentences are asked about the same few words for every claim. */
const wordPatterns = new Map<string, RegExp>();
function wordIn(word: string, text: string): boolean {
  let p = wordPatterns.get(word);
  if (!p) wordPatterns.set(word, (p = new RegExp(`(?:^|[^\\p{L}])${word}(?![\\p{L}])`, 'iu')));
  return p.test(text);
}

/** A nationality as the people it names ("Mexican migrants", "Cuban nationals"), not "Mexican cartels". */
const ORIGIN_PEOPLE = new Map(
  COMPARISON_POLICY.origins.map((o) => [o.people, new RegExp(`(?:^|[^\\p{L}])${o.people}\\s+(?:migrants|immigrants|nationals|citizens|children|minors|families|adults|people|asylum seekers)(?![\\p{L}])`, 'iu')]),
);

/** Any of those words, tested first: most clauses name no nationality, and one test says so. */
const ANY_ORIGIN_PEOPLE = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(COMPARISON_POLICY.origins.map((o) => o.people))})\\s`, 'iu');

/** Where the clause speaks of one nationality ("Mexican migrants") and the figure's label of none: the figure is for all, for scale. */
function originScope(clause: string, label: string): string {
  if (!ANY_ORIGIN_PEOPLE.test(clause)) return '';
  const origin = COMPARISON_POLICY.origins.find((o) => ORIGIN_PEOPLE.get(o.people)!.test(clause) && !wordIn(o.people, label) && !wordIn(o.country, label));
  if (!origin) return '';
  const people = origin.people[0]!.toUpperCase() + origin.people.slice(1);
  return `The sentence counts ${people} migrants only; this official figure is for migrants of every origin, for scale only, not a figure for ${people} migrants. `;
}

/** The subgroup a figure's label counts only ("Girls as a share of …"; not "Children (girls 19 per cent)"), where the sentence names none of its words. */
function subgroupOnly(label: string, sentence: string): string | null {
  const head = label.replace(/\([^)]*\)/g, '');
  const group = COMPARISON_POLICY.subgroups.find((g) => g.words.some((w) => wordIn(w, head)) && !g.words.some((w) => wordIn(w, sentence)));
  return group ? group.name : null;
}

/** Whether a figure's value names a range of its own ("$4,000 to $10,000", "between 244,000 and 325,000"). */
const FIGURE_RANGE = /\bto\b|\bbetween\b|\d\s?[-–]\s?\$?\d/i;

/** Where the sentence gives a range, whether the official figure lies inside it, said plainly. */
function rangeWords(range: ComparisonInput['range'], unit: Unit, c: Comparison): string {
  if (!range || !(range.low < range.high) || c.number === null) return '';
  if (FIGURE_RANGE.test(c.value)) {
    // Range beside range: whether they share any value, read from the figure's own words.
    const own = findQuantities(c.value).find((q) => q.nonClaim === null && q.low !== null && q.high !== null && q.low < q.high);
    if (!own || !comparableUnits(own.unit, c.unit) || c.unit !== unit) return '';
    return own.low! <= range.high && range.low <= own.high!
      ? ' The sentence gives a range; it overlaps the official range.'
      : ' The sentence gives a range; it does not overlap the official range.';
  }
  const scaled = onScale(c.number, c.unit);
  return scaled >= onScale(range.low, unit) && scaled <= onScale(range.high, unit)
    ? ' The sentence gives a range; this figure lies within it.'
    : ' The sentence gives a range; this figure lies outside it.';
}

function none(noFigure: string): ComparisonChoice {
  return { comparison: null, noFigure };
}

/**
 * Whether a page of this date could speak of the figure: published by then (its source's date, to
 * the day, month or year it gives), or for a period that had ended (a later report of an older count).
 */
function knownBy(f: Figure, pageDate: string): boolean {
  return f.date.slice(0, pageDate.length) <= pageDate || f.periodEnd < pageDate;
}

/** Whether the figure's period had begun by the page's date: a page may speak of a count under way. */
const begunBy = (f: Figure, pageDate: string) => f.periodStart < pageDate;

/** The period's choice; `final` where no related figure may follow for context (it would be the one just ruled out). */
type PeriodChoice = { comparison: Comparison; noFigure?: undefined } | { comparison: null; noFigure: string; final?: true };

function ruledOut(noFigure: string): PeriodChoice {
  return { comparison: null, noFigure, final: true };
}

/** The measure's figure for the claim's period, its latest where none is named, or its nearest, said so. */
function choosePeriod(measure: Measure, period: ClaimPeriod | null, input: ComparisonInput, named: boolean): PeriodChoice {
  if (!period) {
    const { pageDate } = input;
    const newest = measure.figures.reduce((a, b) => (b.periodEnd > a.periodEnd ? b : a));
    // A page speaks of what was known when it was written: a figure for a later period is not its subject.
    // Failing that, one for a period that had begun: the report a page announces may be cited by a later edition.
    const byDate = pageDate ? measure.figures.filter((f) => knownBy(f, pageDate)) : measure.figures;
    const known = byDate.length || !pageDate ? byDate : measure.figures.filter((f) => begunBy(f, pageDate));
    if (!known.length) {
      const earliest = measure.figures.reduce((a, b) => (b.periodStart < a.periodStart ? b : a));
      return ruledOut(
        `The page is dated ${dayWords(pageDate!)}, before the start of every period Metric Lens holds for this series (the earliest: ${earliest.period}, “${earliest.label}”), so none is shown: the sentence cannot speak of a later period.`,
      );
    }
    const latest = known.reduce((a, b) => (b.periodEnd > a.periodEnd ? b : a));
    const unread = unreadPeriod(input.sentence, pageDate);
    // "Between January and May" without a year, beside the series' figure for January to May: the
    // same months, of the one year Metric Lens can offer, said so.
    const sameMonths = unread === 'short' ? known.filter((f) => namesMonthsOf(input.sentence, f)) : [];
    if (sameMonths.length) {
      const f = sameMonths.reduce((a, b) => (b.periodEnd > a.periodEnd ? b : a));
      return { comparison: describe(f, false, 'none-named', `The sentence names months without their year; this is the series’ most recent figure for those months (${f.period}), which Metric Lens cannot tell is the year meant.`) };
    }
    // A period named but not dated ("in May", "as of Sunday", "last year" on an undated page): the
    // latest figure would be a guess at it, and a wrong year shown as its figure misleads.
    if (unread) {
      const short = unread === 'short';
      return ruledOut(
        `The sentence names ${short ? 'a day or month without its year' : 'a period without a date to count it from'}, which Metric Lens cannot date, so no figure is shown beside it: the latest figure of the series it fits best (“${latest.label}”, ${latest.period}) may not be the one meant.`,
      );
    }
    const later = latest === newest ? '' : ` The most recent in Metric Lens is ${newest.value} (${newest.period}).`;
    const statement =
      pageDate && later
        ? `The sentence names no period; the page is dated ${dayWords(pageDate)}, so this is the latest figure of this series Metric Lens has from before then (${latest.period}).${later}`
        : `The sentence names no period; this is the most recent figure of this series in Metric Lens (${latest.period}).`;
    return { comparison: describe(latest, false, 'none-named', statement) };
  }
  // A published change ("2022 vs 2019") is for the year it ends in: "a rise in 2022" is its period.
  const same = measure.figures.filter((f) => isSamePeriod(f, period) || (isChangeFigure(f) && period.to !== null && f.periodEnd >= period.from && f.periodEnd <= period.to));
  if (same.length) {
    const exact = same.reduce((a, b) => (periodGap(b, period) < periodGap(a, period) ? b : a));
    return { comparison: describe(exact, true, 'same', `Official figure for the same period (${exact.period}).`) };
  }
  const total = totalWithin(measure, period);
  if (total) {
    return { comparison: describe(total, true, 'same', `Official running total as of ${dayWords(total.periodEnd)}, the latest Metric Lens has within ${periodLabel(period)}.`) };
  }
  const nearest = measure.figures.reduce((a, b) => {
    const ga = periodGap(a, period);
    const gb = periodGap(b, period);
    return gb < ga || (gb === ga && b.periodEnd > a.periodEnd) ? b : a;
  });
  const apart = yearsApart(nearest, period);
  // Years away and of a series the clause does not name, the "nearest" figure would only look relevant.
  if (apart > COMPARISON_POLICY.farYears && !named) {
    return ruledOut(
      `No official figure for ${periodLabel(period)} in Metric Lens for what this sentence counts; the nearest in time (${nearest.period}: “${nearest.label}”) is ${Math.round(apart)} years away, so it is not shown.`,
    );
  }
  // A month's count beside a year's total (or the reverse) differs by the span, not by what happened.
  if (period.to !== null && !isChangeFigure(nearest) && !spansCompare(nearest.periodStart, nearest.periodEnd, period.from, period.to)) {
    return ruledOut(
      `No official figure for ${periodLabel(period)} in Metric Lens; this series’ nearest figure covers ${nearest.period}, a span too different from the sentence’s to compare, so it is not shown.`,
    );
  }
  // "This year" so far, beside the figure for the whole year: not another period, a longer one.
  const holds = period.to !== null && nearest.periodStart <= period.from && nearest.periodEnd >= period.to;
  const statement = holds
    ? `No official figure for ${periodLabel(period)} alone in Metric Lens; this figure covers all of ${nearest.period}, a longer period that holds it.`
    : `No official figure for ${periodLabel(period)} in Metric Lens; nearest: ${nearest.period}${yearsAway(nearest, period, apart)}.`;
  // A running total only grows: one counted to an earlier day is smaller for that reason alone.
  const earlierTotal = isRunningTotal(measure) && (period.to === null || nearest.periodEnd < period.to);
  const running = earlierTotal ? ` It is a running total up to ${dayWords(nearest.periodEnd)}; one counted later includes more, so the two also differ by the time between them.` : '';
  return { comparison: describe(nearest, false, 'nearest', statement + running) };
}

/**
 * How far the nearest figure is, where it is years away: "(15 years earlier)" says what "nearest" may hide.
 * Counted from the start of one period to the start of the other, as a reader counts calendar years
 * (2018 is 4 years before 2022), not over the gap between them.
 */
function yearsAway(f: Figure, p: ClaimPeriod, apart: number): string {
  if (Math.round(apart) < 2) return '';
  const years = Math.round(days(f.periodStart, p.from) / YEAR_DAYS);
  return ` (${years} years ${f.periodEnd < p.from ? 'earlier' : 'later'})`;
}

/** Whether the sentence names, as words, the first and last month of a figure that spans less than a year. */
function namesMonthsOf(sentence: string, f: Figure): boolean {
  if (days(f.periodStart, f.periodEnd) >= 365) return false;
  const month = (iso: string) => MONTH_NAMES[Number(iso.slice(5, 7)) - 1]!;
  return [month(f.periodStart), month(f.periodEnd)].every((m) => wordIn(m, sentence));
}

/** How many times longer one period may be than the other and still be compared as "nearest". */
const SPAN_RATIO = 3;
function spansCompare(aFrom: string, aTo: string, bFrom: string, bTo: string): boolean {
  const a = days(aFrom, aTo) + 1;
  const b = days(bFrom, bTo) + 1;
  return Math.max(a, b) <= SPAN_RATIO * Math.min(a, b);
}

function describe(f: Figure, samePeriod: boolean, periodMatch: Comparison['periodMatch'], statement: string): Comparison {
  return {
    figureId: f.id,
    measure: f.measure,
    label: f.label,
    value: f.value,
    number: f.number,
    unit: f.unit,
    period: f.period,
    periodFrom: f.periodStart,
    periodTo: f.periodEnd,
    ...(f.note ? { note: f.note } : {}),
    publisher: f.publisher,
    title: f.title,
    url: f.url,
    ...(f.sourceNote ? { sourceNote: f.sourceNote } : {}),
    samePeriod,
    periodMatch,
    statement,
  };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A period in the words Metric Lens uses for figures: "FY2016", "calendar year 2019", "March 2021". */
export function periodLabel(p: ClaimPeriod): string {
  const [fy, fm] = p.from.split('-').map(Number) as [number, number];
  if (p.kind === 'fiscal_year') return `FY${fy + 1}`;
  if (p.kind === 'calendar_year') return `calendar year ${fy}`;
  if (p.kind === 'month') return `${MONTH_NAMES[fm - 1]} ${fy}`;
  return `“${p.raw}” (${p.to ? `${dayWords(p.from)} to ${dayWords(p.to)}` : `from ${dayWords(p.from)} on`})`;
}

/** "2025-12-19" → "19 Dec 2025". */
function dayWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]!.slice(0, 3)} ${y}`;
}

/**
 * How far a figure may be from the number and still be the figure it gives: half a unit of the
 * number's last round digit ("nearly 19,000" is 18,715; "some 32,000" is 32,000), never more
 * than 2% of it, so "300,000" is not the 291,000 it was added up from.
 */
export function valueTolerance(value: number): number {
  let unit = 1;
  const whole = Math.round(value);
  while (whole % (unit * 10) === 0 && unit * 10 <= whole) unit *= 10;
  return Math.min(unit / 2, 0.02 * value);
}

/** A figure of the measures whose value is the number's, the chosen measure's first; null where none is. */
function sameValue(measures: readonly Measure[], chosen: Measure, value: number | null | undefined, pageDate: string | undefined): Figure | null {
  if (value === null || value === undefined || !Number.isFinite(value) || value <= 0) return null;
  const tolerance = valueTolerance(value);
  let best: { f: Figure; own: boolean; gap: number } | null = null;
  for (const m of measures) {
    for (const f of m.figures) {
      // Shares and changes have few values: a coincidence there proves nothing.
      if (f.number === null || (f.unit !== 'count' && f.unit !== 'usd') || isChangeFigure(f)) continue;
      // A figure for a period that ended after the page was written is not the one it quotes.
      if (pageDate && !knownBy(f, pageDate)) continue;
      const gap = Math.abs(f.number - value);
      if (gap > tolerance) continue;
      const own = m === chosen;
      if (!best || (own && !best.own) || (own === best.own && gap < best.gap)) best = { f, own, gap };
    }
  }
  return best?.f ?? null;
}

function sameValueComparison(f: Figure, measures: readonly Measure[], scope: string, undated: boolean): Comparison {
  const series = measures.find((m) => m.id === f.measure)!;
  const latest = series.figures.reduce((a, b) => (b.periodEnd > a.periodEnd ? b : a));
  const newer = latest === f ? '' : ` The most recent figure of this series is ${latest.value} (${latest.period}).`;
  return describe(f, false, 'none-named', `${scope}The sentence names ${undated ? 'a period without its year' : 'no period'}; this official figure has the value it gives (${f.period}).${newer}`);
}

/**
 * The newest edition of a measure among the measures (rules/series.json `newerEdition`); with a page
 * date, the newest with a figure for a period that ended before it (a 2015 page cites the 2012 edition).
 */
function newestEdition(measure: Measure, measures: readonly Measure[], pageDate?: string): Measure {
  let m = measure;
  for (let hops = 0; hops < 5; hops++) {
    const id = seriesOf(m.id)?.newerEdition;
    const next = id ? measures.find((x) => x.id === id) : undefined;
    if (!next || (pageDate && !next.figures.some((f) => knownBy(f, pageDate)))) break;
    m = next;
  }
  return m;
}

/** Why no series of the metric counts what the number counts, in one sentence. */
function mismatchWords(mismatches: readonly (string | null)[], figures: readonly Figure[], noun: CountedNoun | null, share: boolean, scopeWords: string | null = null): string {
  const named = (why: string | null) => figures.filter((_, i) => why === null || mismatches[i] === why);
  const listed = (list: readonly Figure[]) => [...new Set(list.map((f) => f.label))].slice(0, 2).map((l) => `“${l}”`).join('; ');
  const labels = listed(named(null));
  // "None counts children" only where none does: a child series held back for its stage or whole says that instead.
  // A share is compared only with shares: what none of those is of, it says (the metric may count it otherwise).
  if (noun && share && mismatches.every((m) => m === 'noun')) {
    return `This number is a share of ${noun.word}; none of Metric Lens’s official shares for this metric is a share of ${noun.word} (they are: ${labels}), so none is shown: a share of something else would not compare.`;
  }
  if (noun && mismatches.every((m) => m === 'noun')) {
    return `This number counts ${noun.word}; none of Metric Lens’s official figures for this metric counts ${noun.word} (they count: ${labels}), so none is shown: a figure that counts something else would not compare.`;
  }
  // A share held back from every share series for what it counts, its field or its whole (a share of all
  // the enslaved beside forced labour's share of them) is a share of something else: said as such.
  if (share && mismatches.every((m) => m === 'field' || m === 'whole' || m === 'noun')) {
    return `None of Metric Lens’s official shares for this metric measures what this sentence’s share measures (they are: ${labels}), so none is shown: a share of something else would not compare.`;
  }
  if (mismatches.includes('agency')) {
    return `Metric Lens’s official figure of this kind is one agency’s or operation’s own count (${listed(named('agency'))}); the sentence does not say its number is that agency’s, so none is shown: another agency’s count would not compare.`;
  }
  if (mismatches.includes('field')) {
    return `The sentence does not say its number is what Metric Lens’s official figure for this metric counts (${listed(named('field'))}), only the same kind of thing, so none is shown: another part of the count would not compare.`;
  }
  if (mismatches.includes('stage')) {
    return `The sentence speaks of another step than Metric Lens’s official figures for this metric count (${listed(named('stage'))}), so none is shown: a count taken at another step would not compare.`;
  }
  const said = scopeWords ? `“${scopeWords}”, ` : '';
  return `The sentence speaks of ${said}another scope (a wider whole, or one part) than Metric Lens’s official figures for this metric count (${listed(named('whole'))}), so none is shown: the two would not compare.`;
}

/**
 * The nearest related figure, where none may stand beside the number: of the metric's series the
 * one the sentence's words fit best among those counting the same kind of thing as the number (where
 * its noun is known), for the named period or its latest; said plainly to be for context and not the
 * same measure.
 */
function contextLine(figures: readonly Figure[], input: ComparisonInput, noun: CountedNoun | null, mismatchOf: (measure: string) => Mismatch | null): string {
  const share = SHARE_UNITS.includes(input.unit);
  // A share's context is a count of the same things only ("one in three calls": the calls made and
  // unanswered); a share of another whole, or a count of something else, says nothing of it.
  const fits = (f: Figure) => comparableUnits(f.unit, input.unit) || (share && f.unit === 'count');
  // A series the sentence was told it is not (of another whole, or another field of the count) is
  // no context either: beside "10 million children in modern slavery", children in forced labour
  // would read as a correction.
  const told = (f: Figure) => {
    const why = mismatchOf(f.measure);
    return why === 'whole' || why === 'field' || why === 'agency';
  };
  // On a dated page, a figure for a period that had not begun is no context: the page could not speak of it.
  const { period, pageDate } = input;
  const levels = figures.filter((f) => !isChangeFigure(f) && fits(f) && !told(f) && (!pageDate || begunBy(f, pageDate)));
  // A number whose noun is known gets context counting the same kind of thing or none: 84 children
  // beside a count of arrests would read as a comparison.
  // A share with no noun has no kind to match, so no context.
  const candidates = noun ? levels.filter((f) => seriesOf(f.measure)?.counts.includes(noun.kind)) : share ? [] : levels;
  if (!candidates.length) return '';
  const { measures, weighed, index } = measuresFor(candidates);
  const fit = fitScores(weighed, saidWords(index, wordsOfSentence(input.sentence)));
  let best = 0;
  for (let i = 1; i < measures.length; i++) if (fit[i]! > fit[best]!) best = i;
  // The context of an undated claim is the newest edition's, not a superseded one's.
  const all = (period ? measures[best]! : newestEdition(measures[best]!, measures, pageDate)).figures;
  const before = pageDate ? all.filter((f) => knownBy(f, pageDate)) : all;
  const list = period || !before.length ? all : before;
  const f = period
    ? list.reduce((a, b) => (periodGap(b, period) < periodGap(a, period) ? b : a))
    : list.reduce((a, b) => (b.periodEnd > a.periodEnd ? b : a));
  return ` For context, not the same measure: ${f.value} (“${f.label}”, ${f.period}).`;
}
