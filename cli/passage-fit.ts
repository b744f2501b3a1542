// Fits the passage's second pass (lib/engine/passage-agreement.ts): the weights of
// the neighbours' metrics and their decay, on out-of-fold first-pass scores (the
// inner folds of fitModel), so the weights learn how far a neighbour's guess can be
// trusted, not how well the training pages were memorised. A small grid, in a fixed
// order: deterministic, and with three numbers to fit a grid is both exact enough
// and easy to read.
import { agreedLogits, agreementOf, type Agreement, type PassageItem } from '../lib/engine/passage-agreement';
import type { PassageAgreement } from '../rules/model-schema';

export interface PassageRow {
  item: PassageItem;
  /** First-pass metric logits (class order). */
  logits: Float64Array;
  /** The labelled metric's class index, or -1 where the number is no labelled claim. */
  label: number;
}

/** Decays in sentences; the fit has chosen the longest, a page-wide mean, on every fold so far. */
const TAUS = [2, 8, 32];
const STEP = 0.5;
const MAX_SAME = 6;
const MAX_OTHER = 8;
/** A light penalty: with no evidence for them the weights stay at zero. */
const PENALTY = 0.5;

function logSoftmaxAt(z: Float64Array, k: number): number {
  let max = -Infinity;
  for (let j = 0; j < z.length; j++) if (z[j]! > max) max = z[j]!;
  let sum = 0;
  for (let j = 0; j < z.length; j++) sum += Math.exp(z[j]! - max);
  return z[k]! - max - Math.log(sum);
}

/** Passages as groups of rows (one group a unit); only numbers at or above `floor` are neighbours. */
export function fitAgreement(groups: readonly PassageRow[][], floor: number): PassageAgreement {
  let best = { same: 0, other: 0, tau: TAUS[0]!, loss: Infinity };
  for (const tau of TAUS) {
    // The neighbours' distributions do not depend on the weights: computed once per decay.
    const cases: ({ logits: Float64Array; label: number } & Agreement)[] = [];
    for (const rows of groups) {
      const items = rows.map((r) => (r.item.pClaim >= floor ? r.item : { ...r.item, metrics: null }));
      rows.forEach((r, i) => {
        if (r.label < 0) return;
        const a = agreementOf(items, i, tau);
        if (!a.same && !a.other) return;
        cases.push({ logits: r.logits, label: r.label, ...a });
      });
    }
    for (let si = 0; si <= MAX_SAME / STEP; si++) {
      for (let oi = 0; oi <= MAX_OTHER / STEP; oi++) {
        const p = { same: si * STEP, other: oi * STEP };
        let loss = 0.5 * PENALTY * (p.same * p.same + p.other * p.other);
        for (const c of cases) loss -= logSoftmaxAt(agreedLogits(c.logits, c, p), c.label);
        if (loss < best.loss - 1e-9) best = { ...p, tau, loss };
      }
    }
  }
  return { same: best.same, other: best.other, tau: best.tau, floor: Math.round(floor * 1e4) / 1e4 };
}
