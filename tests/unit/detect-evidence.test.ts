// Evidence for detection and predicates: what a money rate is per, the count of
// detected victims against their shares, and money a bill asks for. Sentences
// written for these tests.
import { describe, expect, test } from 'vitest';
import { documentCandidates } from '../../lib/engine/document';
import { compileRules } from '../../lib/engine/compile';
import { choosePredicate } from '../../lib/engine/predicate';
import { findQuantities } from '../../lib/engine/quantity';
import { blocksOfText } from '../../lib/engine/reading';
import { scanSentence } from '../../lib/engine/scan';
import { countedNoun } from '../../lib/engine/subject';
import { PATTERNS } from '../../rules/patterns';

const rules = compileRules(PATTERNS);

function candidate(text: string, raw: string) {
  const c = documentCandidates(blocksOfText(text).doc).find((x) => x.q.raw.includes(raw));
  return c ?? null;
}

function ruleChoice(text: string, raw: string) {
  const hits = scanSentence(rules, text);
  const q = findQuantities(text).find((x) => x.raw.includes(raw))!;
  return choosePredicate(text, q, countedNoun(text, q, hits), hits);
}

describe('what a rate is per', () => {
  test.each([
    ['Smugglers charge migrants $6,000 per person for the crossing.', '$6,000', 'rate.each.usd'],
    ['Smuggling rings on the border took in $2 million a week from migrants.', '$2 million', 'rate.week.usd'],
    ['Cartels earn $9 billion a year from smuggling migrants.', '$9 billion', 'rate.year.usd'],
    ['Emergency sites for migrant children cost the agency $500 a day.', '$500', 'rate.day.usd'],
  ])('%s', (text, raw, feature) => {
    const c = candidate(text, raw);
    expect(c, `a candidate "${raw}"`).not.toBeNull();
    const rates = [...c!.evidence.values.keys()].filter((k) => /^rate\.\w+\.usd$/.test(k));
    expect(rates).toEqual([feature]);
  });
});

describe('detected victims: a change in their number is an identification count, a share of them is not', () => {
  test('the number of detected victims rising is identified_victims', () => {
    const choice = ruleChoice('The number of detected victims rose by 18 percent between 2019 and 2022.', '18 percent');
    expect(choice).toMatchObject({ predicate: 'identified_victims', ruleId: 'predicate.identified.detected-count' });
  });

  test('a share of detected victims keeps trafficked', () => {
    expect(ruleChoice('Girls were 22 percent of detected victims in the region.', '22 percent').predicate).toBe('trafficked');
  });
});

describe('money a bill asks for', () => {
  test('is no candidate; smugglers\' income in the same shape is', () => {
    expect(candidate('The border bill calls for $7.2 billion for migrant shelters.', '$7.2 billion')).toBeNull();
    expect(candidate('Smugglers earned $7.2 billion from migrants at the border.', '$7.2 billion')).not.toBeNull();
  });

  test('a count beside the request is still a candidate', () => {
    expect(candidate('The request calls for beds for 4,000 unaccompanied children.', '4,000')).not.toBeNull();
  });
});

describe('adult-only counts', () => {
  test.each([
    ['Border agents detained 40,000 single adults at the border in May.', '40,000', true],
    ['Shelters logged 1,300 referrals of adult potential victims of trafficking.', '1,300', true],
    ['Border agents detained 40,000 adults and children at the border in May.', '40,000', false],
    ['Agents found 60 adults posing as parents of the migrant children.', '60', false],
    ['Border agents detained 40,000 unaccompanied minors at the border in May.', '40,000', false],
  ])('%s', (text, raw, adultOnly) => {
    const c = candidate(text, raw);
    expect(c, `a candidate "${raw}"`).not.toBeNull();
    expect(c!.evidence.values.has('adult.only')).toBe(adultOnly);
  });
});

describe('a fine beside a count', () => {
  test('rules out the fine, not the children it was paid for', () => {
    const text = 'The contractor paid $2.1 million in penalties for illegally employing at least 85 children in meat plants.';
    expect(candidate(text, '$2.1 million')).toBeNull();
    expect(candidate(text, '85')).not.toBeNull();
  });
});

describe('the cue nearest the number where two datasets compete', () => {
  const nearest = (text: string, raw: string) => [...candidate(text, raw)!.evidence.values.keys()].filter((k) => k.startsWith('mx.nearest.'));
  test('each figure takes the agency beside it', () => {
    const text = 'Unaccompanied children in CBP custody numbered 2,100 on Monday, while 9,800 children were in ORR shelters run by HHS.';
    expect(nearest(text, '2,100')).toEqual(['mx.nearest.cbp_uac_encounters']);
    expect(nearest(text, '9,800')).toEqual(['mx.nearest.orr_referrals_releases']);
  });
  test('one dataset alone is not a competition', () => {
    expect(nearest('The hotline received 1,200 calls about trafficking last year.', '1,200')).toEqual([]);
  });
});

describe('what a number counts, past an abbreviation', () => {
  test.each([
    ['Trafficking cases are brought by the 94 U.S. Attorney’s Offices across the country.', '94'],
    ['Child labor rules differ across all 50 U.S. states.', '50'],
  ])('%s', (text, raw) => {
    const c = candidate(text, raw);
    expect(c, `a candidate "${raw}"`).not.toBeNull();
    expect(c!.noun?.kind).toBe('nonclaim');
  });
});
