// The passage's second pass over the metric decision: the neighbours' metric
// distributions, how they are weighed, and the fit of their weights. Numbers made
// up for these tests; the engine test at the end uses passages written for it.
import { describe, expect, test } from 'vitest';
import { agreedLogits, agreementOf, type PassageItem } from '../../lib/engine/passage-agreement';
import { fitAgreement, type PassageRow } from '../../cli/passage-fit';
import { findClaimsInDocument } from '../../lib/engine/index';
import { MODEL } from '../../rules/model';

const dist = (...p: number[]) => Float64Array.from(p);
const item = (sentence: number, metrics: Float64Array | null, over: Partial<PassageItem> = {}): PassageItem => ({
  block: 0, sentence, start: sentence * 100, end: sentence * 100 + 5, pClaim: 1, metrics, ...over,
});

describe('agreementOf', () => {
  test('other sentences are weighed by claim probability and decay with distance', () => {
    const items = [item(0, dist(0.5, 0.5)), item(1, dist(1, 0)), item(3, dist(0, 1), { pClaim: 1 })];
    const a = agreementOf(items, 0, 1);
    expect(a.same).toBeNull();
    // Weights e^-1 and e^-3, fewer than one neighbour in all: divided by one, not by their sum.
    expect(a.other![0]).toBeCloseTo(Math.exp(-1), 6);
    expect(a.other![1]).toBeCloseTo(Math.exp(-3), 6);
    const far = agreementOf(items, 0, 100);
    expect(far.other![0]! + far.other![1]!).toBeCloseTo(1, 6);
  });

  test('numbers of the same sentence are averaged apart from the rest; overlapping spans and numbers under the floor are no neighbours', () => {
    const items = [
      item(2, dist(1, 0)),
      item(2, dist(0, 1), { start: 300, end: 305, pClaim: 0.5 }),
      item(2, dist(1, 0), { start: 201, end: 204 }), // inside the first number's span
      item(4, null),
    ];
    const a = agreementOf(items, 0, 4);
    expect(Array.from(a.same!)).toEqual([0, 1]);
    expect(a.other).toBeNull();
  });
});

describe('agreedLogits', () => {
  test('adds the weighted distributions and leaves the first pass as it was', () => {
    const first = dist(0, 0);
    const out = agreedLogits(first, { same: dist(1, 0), other: dist(0, 1) }, { same: 2, other: 3 });
    expect(Array.from(out)).toEqual([2, 3]);
    expect(Array.from(first)).toEqual([0, 0]);
  });
});

describe('fitAgreement', () => {
  // Passages of three numbers each: the first pass leans wrong on one of them, its neighbours are right.
  const passage = (label: number, wrongAt: number): PassageRow[] =>
    [0, 1, 2].map((i) => {
      const lean = i === wrongAt ? 1 - label : label;
      const logits = lean === 0 ? dist(1, 0) : dist(0, 1);
      const p = Math.exp(1) / (1 + Math.exp(1));
      return { item: item(i, lean === 0 ? dist(p, 1 - p) : dist(1 - p, p)), logits, label };
    });

  test('neighbours that are right where a number is wrong get weight', () => {
    const groups = [passage(0, 0), passage(1, 2), passage(0, 1), passage(1, 0)];
    const fit = fitAgreement(groups, 0.5);
    expect(fit.other).toBeGreaterThan(0);
  });

  test('neighbours that say nothing about the label get none', () => {
    // Every passage mixes both metrics: a neighbour's metric is no guide.
    const mixed = (k: number): PassageRow[] =>
      [0, 1, 2, 3].map((i) => {
        const label = (i + k) % 2;
        return { item: item(i, label === 0 ? dist(0.9, 0.1) : dist(0.1, 0.9)), logits: label === 0 ? dist(2, 0) : dist(0, 2), label };
      });
    const fit = fitAgreement([mixed(0), mixed(1), mixed(0)], 0.5);
    expect(fit.other).toBe(0);
    expect(fit.same).toBe(0);
  });

  test('numbers under the floor lend nothing', () => {
    const groups = [passage(0, 0), passage(1, 2)].map((g) => g.map((r) => ({ ...r, item: { ...r.item, pClaim: 0.1 } })));
    expect(fitAgreement(groups, 0.5)).toMatchObject({ same: 0, other: 0 });
  });
});

describe('the engine reads a passage with its second pass', () => {
  const doc = {
    title: 'Children released from federal shelters',
    blocks: [
      { kind: 'paragraph' as const, text: 'The Office of Refugee Resettlement released 8,200 unaccompanied children to sponsors in March, its monthly figures show.' },
      { kind: 'paragraph' as const, text: 'In April the office discharged 7,900 children to sponsors, and in May about 7,100.' },
      { kind: 'paragraph' as const, text: 'That was fewer than the 9,300 of May last year.' },
    ],
  };

  test('the shipped model carries fitted weights for it', () => {
    expect(MODEL.passage).toBeDefined();
    expect(MODEL.passage!.other).toBeGreaterThanOrEqual(0);
  });

  test('without the second pass, a claim’s metric is its own evidence alone; with it, the probabilities still sum to at most one', () => {
    const withPass = findClaimsInDocument(doc).flat();
    const { passage: _, ...alone } = MODEL;
    const without = findClaimsInDocument(doc, { model: alone }).flat();
    expect(withPass.length).toBe(without.length);
    expect(withPass.length).toBeGreaterThan(0);
    for (const c of withPass) expect(c.alternatives!.reduce((s, a) => s + a.probability, 0)).toBeLessThanOrEqual(1.001);
    // The neighbours agree on releases: the second pass can only make the shared metric likelier.
    const share = (list: typeof withPass) => list.filter((c) => c.metric === 'orr_referrals_releases').length;
    expect(share(withPass)).toBeGreaterThanOrEqual(share(without));
  });
});
