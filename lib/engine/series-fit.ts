// Whether a series counts what the number counts: the noun right after the number
// ("19,000 sponsors", "15,000 follow-up calls", "$2.6 billion in profit") against the
// kinds of noun the series' figures count, the sentence's predicate against the
// stage of the count, and the wider whole a sentence may name that the series is
// not. The data is rules/series.json; a figure of a user's rule pack whose series
// it does not describe is never held back by it.
import type { PredicateId } from '../contract';
import { SERIES, type SeriesEntry, type SeriesTotal } from '../../rules/series';
import { alternation } from './term-pattern';

const wordsPattern = (terms: readonly string[]) =>
  new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternation([...terms].sort((a, b) => b.length - a.length))})(?![\\p{L}])`, 'iu');

/** One spelling for the sentence and the data: "labour" is "labor". */
const plain = (text: string) => text.toLowerCase().replace(/labour/g, 'labor').replace(/[’]/g, "'");

const NOUN_KINDS: readonly { kind: string; pattern: RegExp }[] = Object.entries(SERIES.countedNouns).map(([kind, terms]) => ({
  kind,
  pattern: wordsPattern(terms),
}));

/** How far after the number its counted noun may stand: "32,000 unaccompanied migrant children". */
const NOUN_WINDOW_WORDS = 6;
/**
 * Where the number's noun phrase has ended: a verb or relative word, another number, a clause
 * break. "28 million are victims" names no noun of its own; "21,947 calls that reported 5,544
 * cases" counts calls.
 */
const PHRASE_END = /\d|[;:,.—–()]|(?:^|\s)(?:that|who|whom|which|whose|were|was|are|is|had|have|has|and|but|while|as|than)(?=\s|$)/i;

export interface CountedNoun {
  kind: string;
  word: string;
}

const MONEY = new Set(SERIES.moneyNouns);

/**
 * The kind of noun the number counts, from the words right after it; null where none is named.
 * A dollar amount counts money ("$500 million a year from migrants" counts no migrants), a count never does.
 */
export function countedNoun(sentence: string, number: { start: number; end: number }, money = false): CountedNoun | null {
  let after = sentence.slice(number.end);
  const stop = PHRASE_END.exec(after);
  if (stop) after = after.slice(0, stop.index);
  after = after.split(/\s+/).filter(Boolean).slice(0, NOUN_WINDOW_WORDS).join(' ');
  const text = plain(after);
  let best: { kind: string; word: string; at: number } | null = null;
  for (const { kind, pattern } of NOUN_KINDS) {
    if (MONEY.has(kind) !== money) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    const word = m[0].replace(/^[^\p{L}]+/u, '');
    const at = m.index + m[0].length - word.length;
    // The first noun counts ("calls that reported cases"); at one place the longer term ("dna tests").
    if (!best || at < best.at || (at === best.at && word.length > best.word.length)) best = { kind, word, at };
  }
  return best && { kind: best.kind, word: best.word };
}

export function seriesOf(measure: string): SeriesEntry | undefined {
  return SERIES.series[measure];
}

/** Why a series does not count what the sentence's number counts, or null where it may ('agency': the series is another agency's or operation's count). */
export type Mismatch = 'noun' | 'stage' | 'whole' | 'field' | 'agency';

const notWithPatterns = new Map<string, RegExp>();
const ownWordsPatterns = new Map<string, RegExp>();
const onlyPatterns = new Map<string, RegExp>();
function cached(map: Map<string, RegExp>, key: string, terms: readonly string[]): RegExp {
  let p = map.get(key);
  if (!p) map.set(key, (p = wordsPattern(terms.map(plain))));
  return p;
}

const byPatterns = new Map<string, RegExp>();
/** Every agency a sentence may name: the shared list and each series' own `by` words. */
const ANY_AGENCY = wordsPattern([...SERIES.agencies, ...Object.values(SERIES.series).flatMap((s) => s.by ?? [])].map(plain));

/** Whether the sentence names an agency or an operation of its own. */
export const namesAgency = (sentence: string) => ANY_AGENCY.test(plain(sentence));

/** The series' agency is the sentence's: named in it, or named before it where the sentence names no agency of its own. */
function byAgency(measure: string, by: readonly string[], claim: { sentence: string; before?: string | undefined }): boolean {
  const pattern = cached(byPatterns, measure, by);
  const sentence = plain(claim.sentence);
  if (pattern.test(sentence)) return true;
  return claim.before !== undefined && !ANY_AGENCY.test(sentence) && pattern.test(plain(claim.before));
}

export function seriesMismatch(
  measure: string,
  claim: {
    noun: CountedNoun | null;
    predicate?: PredicateId | undefined;
    sentence: string;
    /** The text before the sentence in its paragraph and the paragraph before, where an agency may have been named. */
    before?: string | undefined;
  },
): Mismatch | null {
  const s = seriesOf(measure);
  if (!s) return null;
  if (claim.noun && !s.counts.includes(claim.noun.kind)) return 'noun';
  // "other" says nothing of the stage; a named one ("released", "prosecuted") does.
  if (s.stages && claim.predicate && claim.predicate !== 'other' && !s.stages.includes(claim.predicate)) return 'stage';
  // "placed 15,000 follow-up calls" is not the count of calls that went unanswered.
  if (s.only && !cached(onlyPatterns, measure, s.only).test(plain(claim.sentence))) return 'field';
  if (s.by && !byAgency(measure, s.by, claim)) return 'agency';
  if (s.notWith) {
    const text = plain(claim.sentence);
    const own = s.words ? cached(ownWordsPatterns, measure, s.words).test(text) : false;
    if (!own && cached(notWithPatterns, measure, s.notWith).test(text)) return 'whole';
  }
  return null;
}

/** The words of another scope a sentence names that a series is not ("modern slavery"), as the sentence says them; null where it names none. */
export function otherScopeWords(measure: string, sentence: string): string | null {
  const s = seriesOf(measure);
  if (!s?.notWith) return null;
  const m = cached(notWithPatterns, measure, s.notWith).exec(plain(sentence));
  return m ? m[0].replace(/^[^\p{L}\p{N}]+/u, '') : null;
}

const totalPatterns = new Map<string, { part: RegExp; whole: RegExp }>();

/**
 * The total a series is, where the sentence counts one of its offices only: it names that office
 * ("the Border Patrol nabbed") and none of the total's own names ("CBP", "at ports of entry").
 */
export function officeOnly(measure: string, sentence: string): SeriesTotal | null {
  const id = seriesOf(measure)?.total;
  const total = id ? SERIES.totals[id] : undefined;
  if (!id || !total) return null;
  let p = totalPatterns.get(id);
  if (!p) totalPatterns.set(id, (p = { part: wordsPattern(total.words.map(plain)), whole: wordsPattern(total.whole.map(plain)) }));
  const text = plain(sentence);
  return p.part.test(text) && !p.whole.test(text) ? total : null;
}

/** The series' own extra naming words, for the label fit. */
export function seriesWords(measure: string): readonly string[] {
  return seriesOf(measure)?.words ?? [];
}
