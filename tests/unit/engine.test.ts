// The engine on sentences written for these tests: every metric, the close
// predicate cases of the contract, negatives of every kind, and the contract's
// invariants on every claim.
import { describe, expect, test } from 'vitest';
import { Claim, METRIC_IDS, PREDICATE_IDS } from '../../lib/contract';
import { findClaims } from '../../lib/engine/index';
import { SENSITIVITY_LEVELS } from '../../lib/engine/sensitivity';
import { RulePack } from '../../rules/schema';

function claimsOf(text: string, sensitivity: 'strict' | 'balanced' | 'broad' = 'balanced'): Claim[] {
  const claims = findClaims(text, { sensitivity });
  for (const c of claims) {
    expect(() => Claim.parse(c)).not.toThrow();
    expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(c.text).toContain(c.number.raw.trim() === '' ? c.text : c.number.raw);
  }
  return claims;
}

function single(text: string): Claim {
  const claims = claimsOf(text);
  expect(claims, text).toHaveLength(1);
  return claims[0]!;
}

describe('metric attribution', () => {
  test.each([
    ['Border agents encountered 9,800 unaccompanied minors at the southwest border in May.', 'cbp_uac_encounters', 'encountered'],
    ['Border Patrol recorded more than 190,000 apprehensions of migrants in family units last spring.', 'cbp_total_encounters', 'encountered'],
    ['The Office of Refugee Resettlement released about 9,000 children to sponsors over the quarter.', 'orr_referrals_releases', 'released'],
    ['Caseworkers could not reach the sponsors of 2,300 children on follow-up calls.', 'orr_lost_contact', 'lost_contact'],
    ['The watchdog found that more than 35,000 migrant children failed to appear at their immigration court hearings.', 'oig_ice_monitoring', 'other'],
    ['A senator said 310,000 migrant children are missing.', 'oig_ice_monitoring', 'missing'],
    ['Federal teams have located more than 20,000 migrant children in welfare checks this year.', 'children_located', 'found'],
    ['Federal prosecutors charged 42 defendants in child sex trafficking cases last year.', 'law_enforcement_cases', 'prosecuted'],
    ['The hotline received 9,100 calls about suspected trafficking situations.', 'hotline_reports', 'reports'],
    ['The ILO estimates that 2.9 million children are in forced labour worldwide on any given day.', 'global_estimates', 'exploited_labor'],
    ['Children made up 36% of the trafficking victims detected worldwide, the UNODC report said.', 'detected_victim_shares', 'trafficked'],
    ['Families told researchers they paid smugglers $11,000 per person for the journey north.', 'smuggling_fees', 'fee'],
    ['Cartels earn an estimated $4 billion a year from smuggling migrants.', 'smuggling_revenue', 'revenue'],
    ['Agents identified 340 fraudulent families whose adults were unrelated to the children.', 'fraudulent_family_units', 'other'],
    ['Labor Department investigators found 2,100 children employed in violation of child labor laws at meat plants.', 'labor_violations', 'exploited_labor'],
  ])('%s → %s / %s', (text, metric, predicate) => {
    const claim = single(text);
    expect(claim.metric).toBe(metric);
    expect(claim.predicate).toBe(predicate);
    expect(claim.confidence).toBeGreaterThan(0);
  });
});

describe('the contract’s close cases', () => {
  test('the predicate follows the wording and the gap is reported as a conflation', () => {
    const claim = single('Officials lost track of 85,000 migrant children, the report said.');
    expect(claim.predicate).toBe('missing');
    expect(claim.metric).toBe('orr_lost_contact');
    expect(claim.conflation).toEqual({ says: 'missing', counts: expect.any(String), words: 'lost track of' });
    expect(claim.source?.url).toMatch(/^https:\/\//);
  });

  test('a faithful sentence has no conflation', () => {
    const claim = single('Agents encountered 14,200 unaccompanied children at the border in March.');
    expect(claim.conflation).toBeNull();
  });

  test('failing to appear is "other" unless the sentence itself says missing', () => {
    expect(single('Some 30,000 children failed to appear in immigration court.').predicate).toBe('other');
    expect(
      single('Some 30,000 children failed to appear in immigration court and officials could not find them.').predicate,
    ).toBe('missing');
  });

  test('a risk of trafficking is not trafficking', () => {
    const claim = single('About 40,000 kids missed court dates, leaving them at risk of trafficking.');
    expect(claim.predicate).toBe('other');
  });

  test('a named form of exploitation wins over plain trafficking', () => {
    expect(single('An estimated 1.6 million children are in forced sexual exploitation worldwide.').predicate).toBe('exploited_sex');
  });

  test('several claims in one sentence are each reported', () => {
    const claims = claimsOf('Agents apprehended 52,000 unaccompanied children in 2014 and 68,000 unaccompanied children in 2015.');
    expect(claims.map((c) => c.number.value)).toEqual([52_000, 68_000]);
  });

  test('a single incident is a claim', () => {
    expect(claimsOf('Police rescued 14 children from a trafficking ring in a raid on Friday.')).toHaveLength(1);
  });

  // Known miss of the fitted model: with few unsourced claims in the labelled data it sends this one to
  // a worldwide estimate ("every year" reads as the ILO's wording; "American" does not outweigh it). Kept, so that a fix shows.
  test.fails('an amount that matches no dataset behind a trafficking claim is unsourced', () => {
    expect(single('Half a million American children are trafficked into prostitution every single year.').metric).toBe('unsourced');
  });
});

describe('not claims', () => {
  test.each([
    'The shelter opened on June 4, 2021, near the border.',
    'A 15-year-old migrant girl testified before the committee.',
    'For help, migrant families can call 1-800-555-0199 at any hour.',
    'The 240-page report on child trafficking was released on Tuesday.',
    'Congress approved a $3 billion budget for migrant shelters.',
    'Agents seized 400 pounds of fentanyl near the border crossing.',
    'Police arrested 23 adults in the smuggling case.',
    'The study interviewed 60 officials in 12 countries about trafficking.',
    'Trafficking victims can apply for help within 90 days.',
    'The court fined the firm $2.5 million for hiring children.',
    'The town council voted 7 to 2 on the new park.',
  ])('%s', (text) => {
    expect(claimsOf(text, 'balanced')).toEqual([]);
  });
});

describe('scope', () => {
  test('children alone are weaker evidence than children and trafficking', () => {
    // The labelled sentences come from trafficking pages, where a share of teenagers is mostly a
    // claim; a lone sentence cannot say which page it is on, so the engine only ranks it lower.
    const plain = findClaims('Football remains popular, with 45% of teenagers playing weekly.', { sensitivity: 'broad' });
    const trafficked = findClaims('Traffickers sold 45% of the teenagers rescued in the raid into forced labour.', { sensitivity: 'broad' });
    expect(trafficked).toHaveLength(1);
    expect(plain.length === 0 || plain[0]!.confidence < trafficked[0]!.confidence).toBe(true);
    expect(findClaims('Football remains popular, with 45% of teenagers playing weekly.', { sensitivity: 'strict' })).toEqual([]);
  });
});

describe('passages', () => {
  test('the source named in the sentence before decides the metric', () => {
    const passage =
      'The inspector general reviewed how ICE tracks children released from custody. Its audit counted 291,000 of them who were never served a notice.';
    const claims = claimsOf(passage);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.metric).toBe('oig_ice_monitoring');
  });

  test('offsets index the whole passage', () => {
    const passage = 'Unrelated opening line about weather. Border agents encountered 11,000 unaccompanied children in June.';
    const [claim] = claimsOf(passage);
    expect(passage.slice(claim!.start, claim!.end)).toBe(claim!.text);
    expect(claim!.start).toBeGreaterThan(30);
  });
});

describe('sensitivity', () => {
  const text =
    'Thousands of children cross alone every year. Agents encountered 13,100 unaccompanied minors at the border in April. Advocates said 120,000 children are trafficked into the country each year.';

  test('strict ⊆ balanced ⊆ broad', () => {
    const key = (c: Claim) => `${c.start}:${c.end}`;
    const strict = new Set(claimsOf(text, 'strict').map(key));
    const balanced = new Set(claimsOf(text, 'balanced').map(key));
    const broad = new Set(claimsOf(text, 'broad').map(key));
    for (const k of strict) expect(balanced.has(k)).toBe(true);
    for (const k of balanced) expect(broad.has(k)).toBe(true);
    // The levels are fitted points on one precision/recall curve: thresholds fall from strict to broad.
    expect(SENSITIVITY_LEVELS.strict.threshold).toBeGreaterThan(SENSITIVITY_LEVELS.balanced.threshold);
    expect(SENSITIVITY_LEVELS.balanced.threshold).toBeGreaterThan(SENSITIVITY_LEVELS.broad.threshold);
  });

  test('the levels are fitted points on one curve: strict no looser than balanced, balanced no looser than broad', () => {
    const { strict, balanced, broad } = SENSITIVITY_LEVELS;
    expect(strict.threshold).toBeGreaterThanOrEqual(balanced.threshold);
    expect(balanced.threshold).toBeGreaterThanOrEqual(broad.threshold);
    expect(strict.precision).toBeGreaterThanOrEqual(balanced.precision);
    expect(broad.recall).toBeGreaterThanOrEqual(balanced.recall);
  });

  test('a switched-off metric is dropped', () => {
    const on = claimsOf(text).filter((c) => c.metric === 'cbp_uac_encounters');
    expect(on.length).toBeGreaterThan(0);
    const off = findClaims(text, { disabledMetrics: ['cbp_uac_encounters'] });
    expect(off.some((c) => c.metric === 'cbp_uac_encounters')).toBe(false);
  });
});

describe('rule packs', () => {
  test('a pack adds a cue without code', () => {
    const text = 'The Northland registry counted 4,400 children in its annual tally.';
    expect(findClaims(text).some((c) => c.metric === 'victim_identifications')).toBe(false);
    const pack = RulePack.parse({
      name: 'Northland registry',
      topics: [{ id: 'topic.northland', topic: 'agency', weight: 3, terms: ['northland registry'] }],
      metricCues: [{ id: 'metric.northland', metric: 'victim_identifications', weight: 8, terms: ['northland registry'] }],
    });
    const claims = findClaims(text, { packs: [pack] });
    expect(claims.map((c) => c.metric)).toContain('victim_identifications');
  });
});

describe('ids', () => {
  test('every claim on a mixed passage uses contract ids', () => {
    const text =
      'Officials encountered 8,000 unaccompanied kids in June. The ILO says 3.3 million children are in forced labour. Smugglers charge $9,000 each.';
    for (const c of claimsOf(text)) {
      expect(METRIC_IDS).toContain(c.metric);
      expect(PREDICATE_IDS).toContain(c.predicate);
    }
  });
});

describe('what a number counts', () => {
  test('"the number of …" names the noun for the figures that follow', () => {
    const claims = claimsOf('The number of unaccompanied children apprehended at the border rose from 31,000 in 2012 to 48,000 in 2013.');
    expect(claims.map((c) => [c.number.value, c.metric])).toEqual([
      [31_000, 'cbp_uac_encounters'],
      [48_000, 'cbp_uac_encounters'],
    ]);
  });
});

describe('several numbers in one sentence', () => {
  test('each number takes its own verb', () => {
    const claims = claimsOf('More than 250 children were rescued and 90 suspected traffickers arrested in the operation, the FBI said.');
    expect(claims.map((c) => [c.number.value, c.predicate])).toEqual([
      [250, 'found'],
      [90, 'prosecuted'],
    ]);
  });
});
