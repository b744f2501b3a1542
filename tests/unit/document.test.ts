// Reading a page as a document, and what each claim says about its decision:
// sentences written for these tests.
import { describe, expect, test } from 'vitest';
import { Claim, METRIC_IDS, type DocumentInput } from '../../lib/contract';
import { findClaims, findClaimsInDocument } from '../../lib/engine/index';
import { documentCandidates } from '../../lib/engine/document';
import { scoreEvidence } from '../../lib/engine/model';
import { MODEL } from '../../rules/model';

const para = (text: string) => ({ text, kind: 'paragraph' as const });

describe('reasons and alternatives', () => {
  const text = 'Border Patrol agents apprehended 9,400 unaccompanied children at the southwest border in July.';
  const [claim] = findClaims(text);

  test('each claim names the phrases that weighed most, with offsets into the text', () => {
    expect(claim).toBeDefined();
    expect(() => Claim.parse(claim)).not.toThrow();
    expect(claim!.reasons!.length).toBeGreaterThan(0);
    for (const r of claim!.reasons!) {
      expect(text.slice(r.start, r.end)).toBe(r.phrase);
      expect(r.weight).toBeGreaterThan(0);
    }
    const weights = claim!.reasons!.map((r) => r.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  test('alternatives are metric probabilities, most probable first, the first being the metric', () => {
    const alt = claim!.alternatives!;
    expect(alt[0]!.metric).toBe(claim!.metric);
    expect(alt.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < alt.length; i++) {
      expect(alt[i]!.probability).toBeLessThanOrEqual(alt[i - 1]!.probability);
      expect(alt[i]!.probability).toBeGreaterThanOrEqual(0.05);
    }
    expect(alt.every((a) => METRIC_IDS.includes(a.metric))).toBe(true);
    expect(alt.reduce((s, a) => s + a.probability, 0)).toBeLessThanOrEqual(1.001);
  });

  test('confidence is the probability of a claim with this metric: never above the metric’s own probability by much', () => {
    expect(claim!.confidence).toBeGreaterThan(0);
    expect(claim!.confidence).toBeLessThanOrEqual(1);
  });
});

describe('no two claims overlap', () => {
  test('a share and the count it is a share of are separate, never nested spans', () => {
    const text =
      'About 27 percent of the 300,000 children referred to the refugee office last year were released to sponsors within a month, and agents encountered 130,000 unaccompanied minors.';
    const claims = findClaims(text, { sensitivity: 'broad' });
    expect(claims.length).toBeGreaterThan(1);
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) {
        const [a, b] = [claims[i]!, claims[j]!];
        expect(a.start < b.end && b.start < a.end, `${a.text} / ${b.text}`).toBe(false);
      }
    }
  });
});

describe('a page read as a document', () => {
  test('offsets are into each block’s own text', () => {
    const doc: DocumentInput = {
      blocks: [para('Weather was mild.'), para('Agents encountered 12,300 unaccompanied children at the border in May.')],
    };
    const [first, second] = findClaimsInDocument(doc);
    expect(first).toEqual([]);
    expect(second).toHaveLength(1);
    expect(doc.blocks[1]!.text.slice(second![0]!.start, second![0]!.end)).toBe(second![0]!.text);
  });

  test('the source named in the first paragraph weighs for a later paragraph’s number', () => {
    const intro = 'The inspector general’s audit followed the migrant children whom ICE released and who failed to appear in immigration court.';
    const later = 'By the end of the period, that figure had reached 28,000 children.';
    const oig = (blocks: DocumentInput['blocks']) => {
      const c = documentCandidates({ blocks }).find((x) => x.block === 1)!;
      return scoreEvidence(MODEL, c.evidence).metrics.find((m) => m.metric === 'oig_ice_monitoring')!.probability;
    };
    const alone = oig([para('Officials discussed the budget at length.'), para(later)]);
    const withSource = oig([para(intro), para(later)]);
    expect(withSource).toBeGreaterThan(alone);
    // The reasons shown are phrases of the claim's own block.
    const [claim] = findClaimsInDocument({ blocks: [para(intro), para(later)] }, { sensitivity: 'broad' })[1]!;
    for (const r of claim?.reasons ?? []) expect(later.slice(r.start, r.end)).toBe(r.phrase);
  });

  test('a heading’s topic is read with the paragraphs under it', () => {
    const body = para('Last year the figure reached 4,100, up from 3,200 the year before.');
    const under = (heading: string) => findClaimsInDocument({ blocks: [{ text: heading, kind: 'heading', level: 2 }, body] }, { sensitivity: 'broad' })[1]!;
    const onTopic = under('Calls to the national human trafficking hotline');
    const offTopic = under('Rainfall in the valley');
    expect(onTopic.length).toBeGreaterThan(0);
    expect(onTopic[0]!.metric).toBe('hotline_reports');
    expect(offTopic.length).toBeLessThan(onTopic.length + 1);
    expect(offTopic.every((c) => c.confidence < onTopic[0]!.confidence)).toBe(true);
  });

  test('"respectively" gives each number the words in its place in the list', () => {
    const text =
      'Border agents apprehended and federal prosecutors charged 15,000 unaccompanied children and 240 traffickers, respectively, over the period.';
    const claims = findClaims(text, { sensitivity: 'broad' });
    const byValue = new Map(claims.map((c) => [c.number.value, c]));
    expect(byValue.get(15_000)?.metric).toBe('cbp_uac_encounters');
    expect(byValue.get(240)?.metric).toBe('law_enforcement_cases');
    expect(byValue.get(15_000)?.predicate).toBe('encountered');
    expect(byValue.get(240)?.predicate).toBe('prosecuted');
  });
});

describe('a figure whose sentence has no verb of its own', () => {
  test('carries the predicate wording of the sentence before it as evidence', () => {
    const doc: DocumentInput = {
      blocks: [para('Border agents apprehended 41,000 unaccompanied children in 2019. Two years later that figure reached 122,000.')],
    };
    const later = documentCandidates(doc).find((c) => c.q.value === 122_000)!;
    expect(later.predicate.ruleId).toBeNull();
    expect(later.evidence.values.get('ctxpred.encountered')).toBe(1);
  });

  test('a sentence with its own predicate wording takes none from before', () => {
    const doc: DocumentInput = {
      blocks: [para('Border agents apprehended 41,000 unaccompanied children in 2019. Police later rescued 300 children in raids.')],
    };
    const rescued = documentCandidates(doc).find((c) => c.q.value === 300)!;
    expect([...rescued.evidence.values.keys()].filter((k) => k.startsWith('ctxpred.'))).toEqual([]);
  });

  test('a sentence in a new paragraph reads on only from its own first sentence', () => {
    const doc: DocumentInput = {
      blocks: [para('Border agents apprehended 41,000 unaccompanied children in 2019.'), para('The report is long. Its annex lists 122,000 records.')],
    };
    const annex = documentCandidates(doc).find((c) => c.q.value === 122_000);
    expect(annex?.evidence.values.get('ctxpred.encountered')).toBeUndefined();
  });
});

describe('custody stock counts and border arrivals are told apart by their wording', () => {
  test('children held in an agency’s custody read as other, children taken in at the border as encountered', () => {
    const held = documentCandidates({ blocks: [para('On Friday there were 9,400 migrant children in the custody of the refugee office.')] });
    const taken = documentCandidates({ blocks: [para('Border Patrol took in 12,300 unaccompanied minors in April.')] });
    expect(held.find((c) => c.q.value === 9_400)!.predicate.predicate).toBe('other');
    expect(taken.find((c) => c.q.value === 12_300)!.predicate.predicate).toBe('encountered');
  });
});

describe('forms of the missing wording', () => {
  test.each([
    'The agency keeps losing track of 6,200 migrant children placed with sponsors.',
    'Officials say 6,200 migrant children are vanishing from shelters each year.',
  ])('%s', (text) => {
    const c = documentCandidates({ blocks: [para(text)] }).find((x) => x.q.value === 6_200)!;
    expect(c.predicate.predicate).toBe('missing');
  });
});
