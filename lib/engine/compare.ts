// The official figure to show beside a claim: from the measure the sentence
// speaks of, for the period it names, in a comparable unit. Never the figure
// nearest in magnitude: a near-equal number of another count, scope or period
// looks like confirmation and is not.
import type { ClaimPeriod, Comparison, Unit } from '../contract';
import type { Figure } from '../../rules/schema';
import { tokenize } from './lexicon';

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
  'the a an of in on at by to for and or as with from its their who whose that which were was is are be been all any per one day year years during since'.split(' '),
);
/**
 * What a sentence says happened is where it conflates ("missing", "lost", "trafficked"): such words
 * never pick the measure, or "300,000 missing" would match an address found "missing an apartment number".
 */
const CLAIM_VERBS = new Set('missing lost trafficked smuggled found located rescued exploited disappeared vanished unaccounted'.split(' '));

function labelWords(text: string): Set<string> {
  const out = new Set<string>();
  const tokens = tokenize(text).map((t) => t.text);
  tokens.forEach((w, i) => {
    if (!STOPWORDS.has(w) && !/^\d/.test(w)) out.add(w);
    // Two-word names ("border patrol", "southwest border") say more than either word.
    const next = tokens[i + 1];
    if (next && !STOPWORDS.has(w) && !STOPWORDS.has(next)) out.add(`${w} ${next}`);
  });
  return out;
}

/** The sentence's words and word pairs, those holding a claim verb left out. */
function spokenWords(sentence: string): Set<string> {
  const tokens = tokenize(sentence).map((t) => t.text);
  const out = new Set<string>();
  tokens.forEach((w, i) => {
    if (CLAIM_VERBS.has(w)) return;
    out.add(w);
    const next = tokens[i + 1];
    if (next && !CLAIM_VERBS.has(next)) out.add(`${w} ${next}`);
  });
  return out;
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
  if (!words) figureWords.set(f, (words = [...labelWords(`${f.label} ${f.note ?? ''}`)]));
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
 * How well each measure's labels fit the sentence: the words of its labels
 * found in the sentence that the other candidate measures' labels lack
 * ("Border Patrol" against "CBP", "nationwide" against "Southwest border").
 */
function fitScores(measures: readonly Measure[], sentence: string): number[] {
  const words = measures.map(wordsOfMeasure);
  const said = spokenWords(sentence);
  return words.map((own, i) => {
    let score = 0;
    for (const w of own) {
      if (!said.has(w)) continue;
      if (words.every((other, j) => j === i || !other.has(w))) score += 1;
    }
    return score;
  });
}

/** What a figure for the named period weighs against words of the labels found in the sentence. */
const PERIOD_FIT = 3;

export interface ComparisonInput {
  sentence: string;
  unit: Unit;
  period: ClaimPeriod | null;
}

/** The figure to show, or null where the metric has no figure in a comparable unit. */
export function chooseComparison(input: ComparisonInput, figures: readonly Figure[]): Comparison | null {
  const usable = figures.filter((f) => comparableUnits(f.unit, input.unit));
  const measures = measuresOf(usable);
  if (!measures.length) return null;
  const fit = fitScores(measures, input.sentence);
  const { period } = input;
  const hasPeriod = (m: Measure) => period !== null && m.figures.some((f) => isSamePeriod(f, period));
  // Best fit to the sentence, where a figure for the named period counts for more than a word or two
  // (a yearly series, not a cumulative total, answers "in FY2022"); among equals, data order (the main measure first).
  const score = measures.map((m, i) => fit[i]! + (hasPeriod(m) ? PERIOD_FIT : 0));
  let best = 0;
  for (let i = 1; i < measures.length; i++) if (score[i]! > score[best]!) best = i;
  const measure = measures[best]!;
  if (!period) {
    const latest = measure.figures.reduce((a, b) => (b.periodEnd > a.periodEnd ? b : a));
    return describe(latest, false, 'none-named', `The sentence names no period; this is the most recent figure in Metric Lens (${latest.period}).`);
  }
  const same = measure.figures.filter((f) => isSamePeriod(f, period));
  if (same.length) {
    const exact = same.reduce((a, b) => (periodGap(b, period) < periodGap(a, period) ? b : a));
    return describe(exact, true, 'same', `Official figure for the same period (${exact.period}).`);
  }
  const nearest = measure.figures.reduce((a, b) => {
    const ga = periodGap(a, period);
    const gb = periodGap(b, period);
    return gb < ga || (gb === ga && b.periodEnd > a.periodEnd) ? b : a;
  });
  return describe(nearest, false, 'nearest', `No official figure for ${periodLabel(period)} in Metric Lens; nearest: ${nearest.period}.`);
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
  const day = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return `${d} ${MONTH_NAMES[m - 1]!.slice(0, 3)} ${y}`;
  };
  return `“${p.raw}” (${p.to ? `${day(p.from)} to ${day(p.to)}` : `from ${day(p.from)} on`})`;
}
