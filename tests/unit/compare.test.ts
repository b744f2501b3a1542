import { describe, expect, test } from 'vitest';
import type { ClaimPeriod, Unit } from '../../lib/contract';
import { orderCaveats } from '../../lib/engine/caveats';
import { chooseComparison, comparableUnits, isSamePeriod } from '../../lib/engine/compare';
import { findClaims } from '../../lib/engine';
import { findPeriods } from '../../lib/engine/period';
import type { Caveat, Figure } from '../../rules/schema';
import { metricById } from '../../rules';

function fy(year: number): { periodStart: string; periodEnd: string; period: string } {
  return { period: `FY${year}`, periodStart: `${year - 1}-10-01`, periodEnd: `${year}-09-30` };
}

function figure(id: string, measure: string, label: string, number: number, when: ReturnType<typeof fy>, unit: Unit = 'count'): Figure {
  return {
    id,
    measure,
    label,
    value: number.toLocaleString('en-US'),
    number,
    unit,
    ...when,
    publisher: 'Test publisher',
    title: 'Test report',
    date: '2024',
    url: 'https://example.org/report',
  };
}

/** The period the sentence names (its only one). */
function periodIn(sentence: string, pageDate?: string): ClaimPeriod {
  const [p] = findPeriods(sentence, pageDate);
  expect(p, `a period in: ${sentence}`).toBeDefined();
  return p!;
}

const PATROL = [
  figure('patrol-fy2018', 'patrol', 'Children apprehended by Border Patrol at the Southwest border', 40_100, fy(2018)),
  figure('patrol-fy2019', 'patrol', 'Children apprehended by Border Patrol at the Southwest border', 71_300, fy(2019)),
  figure('patrol-fy2021', 'patrol', 'Children apprehended by Border Patrol at the Southwest border', 140_200, fy(2021)),
];
const AGENCY = [figure('agency-fy2021', 'agency', 'Children encountered by all of CBP, nationwide', 147_900, fy(2021))];
const SHARE = [figure('share-fy2021', 'share', 'Share of children among all encounters', 8, fy(2021), 'percent')];

describe('the official figure shown', () => {
  test('a claim naming FY2019 gets the FY2019 figure, not the one nearest in magnitude', () => {
    const sentence = 'Agents apprehended 140,000 children in FY2019, a spokesman said.';
    const c = chooseComparison({ sentence, unit: 'count', period: periodIn(sentence) }, PATROL);
    expect(c).toMatchObject({ figureId: 'patrol-fy2019', periodMatch: 'same', samePeriod: true, measure: 'patrol' });
    expect(c!.label).toBe(PATROL[1]!.label);
  });

  test('a period missing from the knowledge base is said to be missing, with the nearest one labelled', () => {
    const sentence = 'Agents apprehended 60,000 children in FY2016.';
    const c = chooseComparison({ sentence, unit: 'count', period: periodIn(sentence) }, PATROL);
    expect(c).toMatchObject({ figureId: 'patrol-fy2018', periodMatch: 'nearest', samePeriod: false });
    expect(c!.statement).toBe('No official figure for FY2016 in Metric Lens; nearest: FY2018.');
  });

  test('a calendar year is not the fiscal year of the same number', () => {
    const sentence = 'Agents apprehended 71,000 children in 2019.';
    const period = periodIn(sentence);
    expect(period.kind).toBe('calendar_year');
    const c = chooseComparison({ sentence, unit: 'count', period }, PATROL);
    expect(c).toMatchObject({ figureId: 'patrol-fy2019', periodMatch: 'nearest', samePeriod: false });
    expect(c!.statement).toContain('No official figure for calendar year 2019');
    expect(isSamePeriod(PATROL[1]!, periodIn('in fiscal 2019'))).toBe(true);
  });

  test('with no period named, the most recent figure of the measure, labelled as such', () => {
    const c = chooseComparison({ sentence: 'Agents apprehended 90,000 children.', unit: 'count', period: null }, PATROL);
    expect(c).toMatchObject({ figureId: 'patrol-fy2021', periodMatch: 'none-named', samePeriod: false });
    expect(c!.statement).toContain('most recent');
  });

  test('the measure the sentence names wins over the main one', () => {
    const figures = [...PATROL, ...AGENCY];
    const nationwide = 'All of CBP encountered 147,000 children nationwide in FY2021.';
    expect(chooseComparison({ sentence: nationwide, unit: 'count', period: periodIn(nationwide) }, figures)?.figureId).toBe('agency-fy2021');
    const patrol = 'Border Patrol agents apprehended 147,000 children in FY2021.';
    expect(chooseComparison({ sentence: patrol, unit: 'count', period: periodIn(patrol) }, figures)?.figureId).toBe('patrol-fy2021');
    // Nothing in the sentence picks a measure: the main one (first in the data).
    const plain = 'Officials counted 147,000 children in FY2021.';
    expect(chooseComparison({ sentence: plain, unit: 'count', period: periodIn(plain) }, figures)?.measure).toBe('patrol');
  });

  test('a figure for the named period outweighs a word or two of another measure’s label', () => {
    const cumulative = { ...figure('since-2007', 'cumulative', 'Cases the hotline handled since it opened', 51_000, fy(2018)), period: '2007 to 2018', periodStart: '2007-12-01' };
    const yearly = [figure('yearly-fy2021', 'yearly', 'Potential cases the hotline identified', 10_300, fy(2021)), figure('yearly-fy2022', 'yearly', 'Potential cases the hotline identified', 10_000, fy(2022))];
    const sentence = 'The hotline handled 10,000 cases in FY2022.';
    expect(chooseComparison({ sentence, unit: 'count', period: periodIn(sentence) }, [cumulative, ...yearly])?.figureId).toBe('yearly-fy2022');
    // With no period named, the words decide.
    expect(chooseComparison({ sentence: 'The hotline handled 51,000 cases since it opened.', unit: 'count', period: null }, [cumulative, ...yearly])?.figureId).toBe('since-2007');
  });

  test('a share is never compared with a count, nor a count with a share', () => {
    const figures = [...PATROL, ...SHARE];
    const share = 'About 8 percent of those apprehended in FY2019 were children.';
    expect(chooseComparison({ sentence: share, unit: 'percent', period: periodIn(share) }, figures)).toMatchObject({ figureId: 'share-fy2021', unit: 'percent' });
    expect(chooseComparison({ sentence: share, unit: 'percent', period: null }, PATROL)).toBeNull();
    expect(chooseComparison({ sentence: 'Agents apprehended 8 children.', unit: 'count', period: null }, SHARE)).toBeNull();
    expect(chooseComparison({ sentence: 'It cost $8.', unit: 'usd', period: null }, figures)).toBeNull();
    expect(comparableUnits('ratio', 'percent')).toBe(true);
    expect(comparableUnits('usd', 'count')).toBe(false);
  });

  test('through the engine: the figure shown is for the period and unit the sentence names', () => {
    const sentence = 'Border Patrol agents apprehended 76,020 unaccompanied children at the southwest border in FY2019.';
    const [claim] = findClaims(sentence);
    expect(claim?.period?.kind).toBe('fiscal_year');
    const comparison = claim!.comparison!;
    expect(comparison.unit).toBe(claim!.number.unit);
    expect(comparison.periodMatch).toBe('same');
    expect(comparison.periodFrom).toBe('2018-10-01');
    expect(claim!.source?.period).toBe(comparison.period);
    const figure = metricById(claim!.metric).figures.find((f) => f.id === comparison.figureId);
    expect(figure?.measure).toBe(comparison.measure);
  });
});

describe('caveats in order of relevance', () => {
  const caveats: Caveat[] = [
    { id: 'general', text: 'Events, not unique children.' },
    { id: 'title42', text: 'FY2020-21 counts include expulsions.', when: { periodFrom: '2020-03-21', periodTo: '2021-09-30' } },
    { id: 'missing-words', text: 'Not a count of missing children.', when: { predicates: ['missing'], terms: ['missing', 'lost track'] } },
    { id: 'shares', text: 'A share of encounters, not of children.', when: { units: ['percent'] } },
  ];
  const order = (sentence: string, predicate: 'missing' | 'encountered', unit: Unit = 'count') =>
    orderCaveats(caveats, { sentence, predicate, unit, period: findPeriods(sentence)[0] ?? null }).map((c) => c.id);

  test('specific caveats that hold come first, general ones after, ones that do not apply are left out', () => {
    expect(order('Agents lost track of 9,000 missing children in FY2021.', 'missing')).toEqual(['missing-words', 'title42', 'general']);
    expect(order('Agents encountered 30,000 children in FY2019.', 'encountered')).toEqual(['general']);
    expect(order('Some 8 percent of those encountered in FY2019 were children.', 'encountered', 'percent')).toEqual(['shares', 'general']);
  });

  test('a period condition the sentence cannot settle keeps the caveat, after the general ones', () => {
    expect(order('Agents encountered 30,000 children.', 'encountered')).toEqual(['general', 'title42']);
  });
});

describe('the words a sentence conflates never pick the measure', () => {
  const figures = [
    figure('not-served', 'not-served', 'Children released without a court notice', 250_000, fy(2023)),
    figure('bad-address', 'bad-address', 'Children whose release address was missing a street number', 20_000, fy(2023)),
  ];
  test('"missing" in the sentence does not choose a label that says "missing"', () => {
    const c = chooseComparison({ sentence: 'Officials said 260,000 children are missing.', unit: 'count', period: null }, figures);
    expect(c?.figureId).toBe('not-served');
  });
  test('a word of what is counted still does', () => {
    const c = chooseComparison({ sentence: 'The street number was missing for 20,000 children.', unit: 'count', period: null }, figures);
    expect(c?.figureId).toBe('bad-address');
  });
});
