// Which of a metric's caveats speak to this sentence, most specific first. A
// caveat's `when` conditions must all hold; one without conditions always
// applies and comes after those written for this predicate, unit, wording,
// period or series of the figure shown. A period condition the sentence
// cannot settle (it names no period) keeps the caveat, after the general ones.
import type { ClaimPeriod, PredicateId, Unit } from '../contract';
import type { Caveat } from '../../rules/schema';
import { tokenize } from './lexicon';
import { overlaps } from './period';

export interface CaveatContext {
  sentence: string;
  predicate: PredicateId;
  unit: Unit;
  period: ClaimPeriod | null;
  /** The measure of the official figure shown beside the claim, if one is. */
  measure?: string | null;
}

/** Whether a term (words, `*` for any ending) occurs in the tokens, word by word. */
function hasTerm(tokens: readonly string[], term: string): boolean {
  const words = term.split(' ');
  outer: for (let i = 0; i + words.length <= tokens.length; i++) {
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      const t = tokens[i + k]!;
      if (w.endsWith('*') ? !t.startsWith(w.slice(0, -1)) : t !== w) continue outer;
    }
    return true;
  }
  return false;
}

/** Rank: conditions that hold (higher first); 0 = general (or only unlessMeasures); -1 = period unknown; null = does not apply. */
function rank(caveat: Caveat, ctx: CaveatContext, tokens: readonly string[]): number | null {
  const when = caveat.when;
  if (!when) return 0;
  // Not a condition that holds, only one that rules the caveat out: it adds nothing to the rank.
  if (when.unlessMeasures && ctx.measure && when.unlessMeasures.includes(ctx.measure)) return null;
  let held = 0;
  if (when.predicates) {
    if (!when.predicates.includes(ctx.predicate)) return null;
    held++;
  }
  if (when.units) {
    if (!when.units.includes(ctx.unit)) return null;
    held++;
  }
  if (when.terms) {
    if (!when.terms.some((t) => hasTerm(tokens, t))) return null;
    held++;
  }
  if (when.measures) {
    if (!ctx.measure || !when.measures.includes(ctx.measure)) return null;
    held++;
  }
  if (when.periodFrom || when.periodTo) {
    if (!ctx.period) return held > 0 ? held : -1;
    if (!overlaps(ctx.period, { from: when.periodFrom ?? '0000-01-01', to: when.periodTo ?? null })) return null;
    held++;
  }
  return held;
}

/** The caveats that apply, most relevant first (data order among equals). */
export function orderCaveats(caveats: readonly Caveat[], ctx: CaveatContext): Caveat[] {
  const tokens = tokenize(ctx.sentence).map((t) => t.text);
  return caveats
    .map((caveat, i) => ({ caveat, i, rank: rank(caveat, ctx, tokens) }))
    .filter((c): c is { caveat: Caveat; i: number; rank: number } => c.rank !== null)
    .sort((a, b) => b.rank - a.rank || a.i - b.i)
    .map((c) => c.caveat);
}
