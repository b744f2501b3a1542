import { describe, expect, test } from 'vitest';
import type { ClaimPeriod, Unit } from '../../lib/contract';
import { annotate, sentenceBefore } from '../../lib/engine/annotate';
import { orderCaveats } from '../../lib/engine/caveats';
import { chooseComparison, compareClaim, comparableUnits, isSamePeriod, namesIncident, namesPlace, statesChange } from '../../lib/engine/compare';
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

  test('a nearest figure years away says how many', () => {
    const sentence = 'Agents apprehended 60,000 children in FY2024.';
    const c = chooseComparison({ sentence, unit: 'count', period: periodIn(sentence), number: { start: 19, end: 25 } }, PATROL);
    expect(c?.periodMatch).toBe('nearest');
    expect(c!.statement).toMatch(/; nearest: FY2021 \(3 years earlier\)\.$/);
    // Counted as a reader counts calendar years: 2018 is four years before 2022, not three.
    const cal = (y: number) => ({ period: String(y), periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` });
    const yearly = [figure('cases-2018', 'cases', 'Cases reported to the hotline', 10_000, cal(2018))];
    const s2022 = 'The hotline logged 12,000 cases in 2022.';
    expect(chooseComparison({ sentence: s2022, unit: 'count', period: periodIn(s2022) }, yearly)!.statement).toMatch(/nearest: 2018 \(4 years earlier\)\.$/);
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
  test('"missing" in the sentence does not choose a label that says "missing", nor does it stand for either count', () => {
    const choice = compareClaim({ sentence: 'Officials said 260,000 children are missing.', unit: 'count', period: null }, figures);
    expect(choice.comparison).toBeNull();
    expect(choice.noFigure).toMatch(/several different official counts .*names none of them/);
    // Where the metric's series count the same thing, the main one still stands in.
    expect(chooseComparison({ sentence: 'Officials said 260,000 children are missing.', unit: 'count', period: null, mainStandsIn: true }, figures)?.figureId).toBe('not-served');
  });
  test('a word of what is counted still does', () => {
    const c = chooseComparison({ sentence: 'The street number was missing for 20,000 children.', unit: 'count', period: null }, figures);
    expect(c?.figureId).toBe('bad-address');
  });
});

/** The span of `number` in `sentence`. */
const at = (sentence: string, number: string) => {
  const start = sentence.indexOf(number);
  return { start, end: start + number.length };
};

describe('which series a sentence speaks of', () => {
  const SLAVERY = [
    { ...figure('slavery-2021', 'slavery', 'People in modern slavery on any given day', 49_600_000, fy(2021)), period: '2021' },
    { ...figure('forced-labour-2021', 'forced-labour', 'People in forced labour on any given day', 27_600_000, fy(2021)), period: '2021' },
  ];

  test('the words of the number’s own clause decide between two series the sentence names', () => {
    const sentence = 'Some 50 million people live in modern slavery, among which 28 million are in forced labor.';
    const pick = (n: string) => chooseComparison({ sentence, unit: 'count', period: null, number: at(sentence, n) }, SLAVERY)?.figureId;
    expect(pick('28 million')).toBe('forced-labour-2021');
    expect(pick('50 million')).toBe('slavery-2021');
  });

  test('plurals and spellings name the same series: "girls" is a label’s "girl", "labor" its "labour"', () => {
    const girls = { ...figure('girls-rise', 'girls-rise', 'Rise in the number of detected girl victims', 38, fy(2022), 'percent'), period: '2022 vs 2019' };
    const children = { ...figure('children-rise', 'children-rise', 'Rise in the number of detected child victims', 31, fy(2022), 'percent'), period: '2022 vs 2019' };
    const sentence = 'The number of trafficked girls rose by 38 percent.';
    expect(chooseComparison({ sentence, unit: 'percent', period: null, number: at(sentence, '38 percent') }, [children, girls])?.figureId).toBe('girls-rise');
    const labor = 'About 28 million people were in forced labor.';
    expect(chooseComparison({ sentence: labor, unit: 'count', period: null }, SLAVERY)?.figureId).toBe('forced-labour-2021');
  });

  test('a share is shown only beside a share of the same whole', () => {
    const runaways = { ...figure('runaway-share', 'runaway-share', 'Children who ran away from home and were likely victims of sex trafficking', 16, fy(2022), 'percent') };
    const calls = 'About 20 percent of all calls to the line are passed to the police.';
    expect(chooseComparison({ sentence: calls, unit: 'percent', period: null }, [runaways])).toBeNull();
    // Words every share of victims shares ("victims", "trafficking") do not make two wholes the same.
    const female = 'Most victims of trafficking were female, 85 percent of them.';
    expect(chooseComparison({ sentence: female, unit: 'percent', period: null }, [runaways])).toBeNull();
    const same = 'About 16 percent of the children who ran away were likely victims.';
    expect(chooseComparison({ sentence: same, unit: 'percent', period: null }, [runaways])?.figureId).toBe('runaway-share');
  });

  test('a side series the clause does not name never wins on its period alone', () => {
    const letters = [2005, 2006].map((y) => figure(`letters-fy${y}`, 'letters', 'Certification letters issued to adult victims', 200, fy(y)));
    const tvisa = [figure('tvisa-fy2022', 'tvisa', 'T-visa applications filed with USCIS', 3_070, fy(2022))];
    const assisted = 'In FY2022 the agency assisted 765 trafficking victims.';
    // Nor does a series it does not name, sixteen years off: it would only look relevant.
    const choice = compareClaim({ sentence: assisted, unit: 'count', period: periodIn(assisted), number: at(assisted, '765') }, [...letters, ...tvisa]);
    expect(choice.comparison).toBeNull();
    expect(choice.noFigure).toMatch(/^No official figure for FY2022 in Metric Lens for what this sentence counts; the nearest in time \(FY2006: “Certification letters issued to adult victims”\) is 15 years away/);
    const filed = 'In FY2022, 3,070 T-visa applications were filed with USCIS.';
    expect(chooseComparison({ sentence: filed, unit: 'count', period: periodIn(filed) }, [...letters, ...tvisa])).toMatchObject({ figureId: 'tvisa-fy2022', periodMatch: 'same' });
  });

  test('a period it cannot date gets no figure, said so; a sentence with no period gets the latest', () => {
    const month = compareClaim({ sentence: 'Agents apprehended 14,000 children in May.', unit: 'count', period: null }, PATROL);
    expect(month.comparison).toBeNull();
    expect(month.noFigure).toMatch(/^The sentence names a day or month without its year, which Metric Lens cannot date/);
    const day = compareClaim({ sentence: 'As of Sunday, agents held 14,000 children.', unit: 'count', period: null }, PATROL);
    expect(day.noFigure).toMatch(/a day or month without its year/);
    // A short month name is a date where a day follows it.
    const dated = compareClaim({ sentence: 'The report, out Feb. 3, counts 14,000 children apprehended.', unit: 'count', period: null }, PATROL);
    expect(dated.noFigure).toMatch(/a day or month without its year/);
    const relative = compareClaim({ sentence: 'Agents apprehended 14,000 children this year.', unit: 'count', period: null }, PATROL);
    expect(relative.comparison).toBeNull();
    expect(relative.noFigure).toMatch(/a period without a date to count it from/);
    // No guess offered "for context" either: it would be the same guess.
    expect(relative.noFigure).not.toMatch(/For context/);
    expect(chooseComparison({ sentence: 'Agents apprehended 14,000 children.', unit: 'count', period: null }, PATROL)).toMatchObject({ figureId: 'patrol-fy2021' });
  });

  test('a one-off incident in “other” is the figure for no other sentence; a series of a metric still is', () => {
    const sentence = 'More than 100 children were found in a trailer in 2023.';
    const start = sentence.indexOf('More than 100');
    const q = { raw: 'More than 100', value: 100, low: 100, high: null, unit: 'count' as const, start, end: start + 13, nonClaim: null, rate: null, vague: false };
    const context = { passage: sentence, sentence: { start: 0, end: sentence.length } };
    const other = metricById('other');
    expect(other.figures.length).toBeGreaterThan(0);
    expect(annotate(q, 'found', other, [], context).comparison).toBeNull();
    expect(annotate(q, 'found', other, [], context).noFigure).toMatch(/^This number matches none of the official series Metric Lens holds/);
    expect(annotate(q, 'found', metricById('cbp_uac_encounters'), [], context).comparison).not.toBeNull();
  });
});

describe('a count of one stage is not set beside another stage', () => {
  const STAGES = [
    figure('referred-fy2022', 'referred', 'Suspects referred to prosecutors for trafficking offenses', 1_900, fy(2022)),
    figure('convicted-fy2022', 'convicted', 'Defendants convicted of trafficking offenses', 1_100, fy(2022)),
  ];
  test('arrests, named by no series, get no figure; convictions get theirs', () => {
    const arrests = 'Agents made 3,400 trafficking arrests, the report says.';
    const none = compareClaim({ sentence: arrests, unit: 'count', period: null, number: at(arrests, '3,400') }, STAGES);
    expect(none.comparison).toBeNull();
    expect(none.noFigure).toMatch(/Suspects referred.*Defendants convicted/);
    const convicted = 'Courts convicted 1,050 defendants in FY2022.';
    expect(chooseComparison({ sentence: convicted, unit: 'count', period: periodIn(convicted), number: at(convicted, '1,050') }, STAGES)?.figureId).toBe('convicted-fy2022');
  });
});

describe('a month is not a year', () => {
  const YEARLY = [2021, 2022].map((y) => figure(`year-fy${y}`, 'year', 'Children encountered at the border', 150_000, fy(y)));
  test('a month without its year gets no yearly figure; a dated month gets no yearly "nearest"', () => {
    const undated = 'In June, agents encountered 15,000 children.';
    const choice = compareClaim({ sentence: undated, unit: 'count', period: null, number: at(undated, '15,000') }, YEARLY);
    expect(choice.comparison).toBeNull();
    expect(choice.noFigure).toMatch(/a day or month without its year/);
    const dated = 'In June 2023, agents encountered 15,000 children.';
    const month = compareClaim({ sentence: dated, unit: 'count', period: periodIn(dated), number: at(dated, '15,000') }, YEARLY);
    expect(month.comparison).toBeNull();
    expect(month.noFigure).toMatch(/span too different/);
    // A year beside the nearest year is still shown, labelled as nearest.
    const year = 'In FY2023, agents encountered 140,000 children.';
    expect(chooseComparison({ sentence: year, unit: 'count', period: periodIn(year), number: at(year, '140,000') }, YEARLY)).toMatchObject({ figureId: 'year-fy2022', periodMatch: 'nearest' });
  });
});

describe('what may stand beside a number, and what is said where nothing may', () => {
  const FEES = [2016, 2018, 2020].map((y) => ({ ...figure(`fee-${y}`, 'fee', 'Price of the trip from Central America', 7_000 + y - 2016, { period: String(y), periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` }, 'usd') }));
  const RISE = { ...figure('rise-2022', 'rise', 'Rise in the number of detected girl victims compared with 2019', 38, { period: '2022 vs 2019', periodStart: '2019-01-01', periodEnd: '2022-12-31' }, 'percent') };

  test('a change is never set beside a level, but beside a published change of the same kind', () => {
    const up = 'By then the fare was up about $1,500 from two years before.';
    const choice = compareClaim({ sentence: up, unit: 'usd', period: null, number: at(up, '$1,500') }, FEES);
    expect(choice.comparison).toBeNull();
    expect(choice.noFigure).toMatch(/a change between two times, not a level/);
    // The same number as a level is compared as before.
    const level = 'By then the fare was about $1,500 a person.';
    expect(compareClaim({ sentence: level, unit: 'usd', period: null, number: at(level, '$1,500') }, FEES).comparison?.measure).toBe('fee');
    const girls = 'The count of girls detected as victims grew by 40 percent over the period.';
    expect(compareClaim({ sentence: girls, unit: 'percent', period: null, number: at(girls, '40 percent') }, [...FEES, RISE]).comparison?.figureId).toBe('rise-2022');
    // A share that is a level is not set beside the published rise.
    const share = 'Girls were 40 percent of the victims detected.';
    expect(compareClaim({ sentence: share, unit: 'percent', period: null, number: at(share, '40 percent') }, [RISE]).comparison).toBeNull();
  });

  test('change words are read next to the number, in its own clause', () => {
    const s = 'Prices rose sharply last year, and a crossing now costs $9,000.';
    expect(statesChange(s, at(s, '$9,000'))).toBe(false);
    const t = 'That is up more than 50%, from about $850 before.';
    expect(statesChange(t, at(t, '50%'))).toBe(true);
    expect(statesChange(t, at(t, '$850'))).toBe(false);
    const u = 'Referrals rose to 9,000, a 30 percent increase.';
    expect(statesChange(u, at(u, '30 percent'))).toBe(true);
    expect(statesChange(u, at(u, '9,000'))).toBe(false);
  });

  test('a count for one state is said to sit beside a national figure for scale only', () => {
    expect(namesPlace('the line logged 120 cases in Ohio')).toBe(true);
    expect(namesPlace('reported by the Ohio State University')).toBe(false);
    expect(namesPlace('according to The New York Times')).toBe(false);
    // A state as what counts, or as the count's owner; not a state's officials speaking of the nation.
    expect(namesPlace('led the nation with 640 cases', 'Oregon, which has a fifth of the population, led the nation with 640 cases.')).toBe(true);
    expect(namesPlace("Ohio's 210 cases were the most in the region")).toBe(true);
    expect(namesPlace('that 90,000 children had crossed', 'Texas officials said that 90,000 children had crossed.')).toBe(false);
    expect(namesPlace('across the Texas border', 'Agents stopped 3,000 children across the Texas border.')).toBe(false);
    const s = 'Agents apprehended 900 children in Texas in FY2019.';
    const c = compareClaim({ sentence: s, unit: 'count', period: periodIn(s), number: at(s, '900') }, PATROL).comparison;
    expect(c?.figureId).toBe('patrol-fy2019');
    expect(c?.statement).toMatch(/^The sentence counts one state or place; this is a national figure, for scale only/);
    const national = 'Agents apprehended 71,000 children in FY2019.';
    expect(compareClaim({ sentence: national, unit: 'count', period: periodIn(national), number: at(national, '71,000') }, PATROL).comparison?.statement).toBe(
      'Official figure for the same period (FY2019).',
    );
  });

  test('a count from one operation or case gets no national total beside it, and is told why', () => {
    expect(namesIncident('During a three-day sting, officers found 40 minors.')).toBe(true);
    expect(namesIncident('An investigation of one meatpacker found 60 teens at work.')).toBe(true);
    expect(namesIncident('Border operations recorded 40,000 encounters.')).toBe(false);
    expect(namesIncident('We will find every one of the 300 children.')).toBe(false);
    const s = 'In FY2019 a single raid found 300 children.';
    const choice = compareClaim({ sentence: s, unit: 'count', period: periodIn(s), number: at(s, '300') }, PATROL);
    expect(choice.comparison).toBeNull();
    expect(choice.noFigure).toMatch(/^The sentence counts what one operation, case or employer found; .* national totals/);
    // Nor a related figure "for context": a national count beside a sting reads as its measure.
    expect(choice.noFigure).not.toMatch(/For context/);
  });

  test('an operation’s count that a figure gives exactly is still matched to that figure', () => {
    const sting = [figure('op-2019', 'found', 'Children recovered in one national sting operation', 103, { period: '2019', periodStart: '2019-01-01', periodEnd: '2019-12-31' })];
    const s = 'The sting operation recovered 103 children, agents said.';
    const c = compareClaim({ sentence: s, unit: 'count', period: null, number: at(s, '103'), value: 103 }, sting).comparison;
    expect(c).toMatchObject({ figureId: 'op-2019' });
  });

  test('a count at one employer is one case: no national total stands beside it', () => {
    expect(namesIncident('The staffing firm put 31 teenagers on night shifts at the mill.')).toBe(true);
    expect(namesIncident('Inspectors found 14 boys working at a poultry plant in Georgia.')).toBe(true);
    expect(namesIncident('Nationwide, 4,000 minors were found working illegally in FY2019.')).toBe(false);
    const s = 'In FY2019 the contractor hired 31 children to clean the kill floor.';
    const choice = compareClaim({ sentence: s, unit: 'count', period: periodIn(s), number: at(s, '31') }, PATROL);
    expect(choice.comparison).toBeNull();
    expect(choice.noFigure).toMatch(/^The sentence counts what one operation, case or employer found/);
  });

  test('a running total announced within the month named is that month’s figure', () => {
    const since = (id: string, end: string, n: number) => ({
      ...figure(id, 'located', 'Children located since 20 January', n, { period: `20 Jan 2025 to ${end}`, periodStart: '2025-01-20', periodEnd: end }),
    });
    const located = [since('loc-sep', '2025-09-18', 25_000), since('loc-dec', '2025-12-19', 129_000)];
    const s = 'In December 2025 officials said 120,000 children had been located.';
    const c = compareClaim({ sentence: s, unit: 'count', period: periodIn(s), number: at(s, '120,000') }, located).comparison;
    expect(c).toMatchObject({ figureId: 'loc-dec', periodMatch: 'same' });
    expect(c!.statement).toBe('Official running total as of 19 Dec 2025, the latest Metric Lens has within December 2025.');
    // A yearly series is not a running total: FY2019's total is not "September 2019", nor its nearest.
    const m = 'Agents apprehended 4,000 children in September 2019.';
    const month = compareClaim({ sentence: m, unit: 'count', period: periodIn(m), number: at(m, '4,000') }, PATROL);
    expect(month.comparison).toBeNull();
    expect(month.noFigure).toMatch(/span too different/);
  });

  test('where nothing is shown, the reason names what the knowledge base does hold', () => {
    const s = 'Some 12 percent of the children were apprehended twice.';
    expect(compareClaim({ sentence: s, unit: 'percent', period: null, number: at(s, '12 percent') }, PATROL).noFigure).toBe(
      'Metric Lens’s official figures for this metric are counts, not a percentage like this one, so none is shown: a figure in another unit would not compare.',
    );
    expect(compareClaim({ sentence: s, unit: 'percent', period: null }, []).noFigure).toMatch(/^No official dataset stands behind this kind of figure/);
  });

  test('a figure not checked on its publisher’s page says so beside it', () => {
    const checked = { ...PATROL[1]!, sourceNote: 'Not checked on the publisher’s page; as a newspaper reports it.' };
    const s = 'Agents apprehended 71,000 children in FY2019.';
    expect(chooseComparison({ sentence: s, unit: 'count', period: periodIn(s) }, [checked])?.sourceNote).toBe(checked.sourceNote);
    expect(chooseComparison({ sentence: s, unit: 'count', period: periodIn(s) }, PATROL)).not.toHaveProperty('sourceNote');
  });
});

describe('caveats of the shipped knowledge base speak to the sentence', () => {
  const ids = (metric: Parameters<typeof metricById>[0], sentence: string, unit: Unit) =>
    orderCaveats(metricById(metric).caveats, { sentence, predicate: 'reports', unit, period: null }).map((c) => c.id);

  test('the NCMEC runaway caveat comes with NCMEC’s share, not with every share of hotline calls', () => {
    expect(ids('hotline_reports', 'About 20 percent of all calls are passed to the police.', 'percent')).not.toContain('hotline.ncmec');
    expect(ids('hotline_reports', 'One in six runaways reported to NCMEC were likely victims.', 'ratio')).toContain('hotline.ncmec');
  });

  test('a figure with no dataset gets the caveat of what its words usually stand for', () => {
    expect(ids('unsourced', 'Some 300,000 children remain unaccounted for.', 'count')[0]).toBe('unsourced.whereabouts');
    expect(ids('unsourced', 'Some 300,000 children are trafficked every year.', 'count')).not.toContain('unsourced.whereabouts');
    expect(ids('unsourced', 'Fewer than 1 in 50 victims are ever rescued.', 'ratio')[0]).toBe('unsourced.rescued');
    expect(ids('other', 'On Monday 4,000 children were in custody at the border.', 'count')[0]).toBe('other.snapshot');
    expect(ids('other', 'Volunteers handed out 4,000 backpacks to children.', 'count')).not.toContain('other.snapshot');
    // Children gone missing in the country at large are the national study's; migrant children said to be missing are the inspector general's.
    expect(ids('other', 'A viral post says 700,000 children go missing every year.', 'count')[0]).toBe('other.nismart');
    expect(ids('unsourced', 'Thousands of missing children are reported each week.', 'count')[0]).toBe('unsourced.nismart');
    expect(ids('unsourced', 'Some 90,000 migrant children are missing.', 'count')[0]).toBe('unsourced.whereabouts');
  });

  test('a sentence that goes on about the one before takes the caveats its subject calls for', () => {
    const claims = findClaims('Migrants now pay cartels a piso of $1,200 per person to use their smuggling routes. That is up 40% from about $850 in 2019.', { sensitivity: 'broad' });
    const rise = claims.find((c) => c.number.raw === '40%');
    expect(rise?.metric).toBe('smuggling_fees');
    expect(rise!.caveats[0]).toMatch(/criminal groups charge a tax on crossings/);
  });

  test('modern slavery is said to hold forced marriage; the child-labour caveat comes only with labour', () => {
    const slavery = ids('global_estimates', 'Some 9 million children are held in modern slavery worldwide.', 'count');
    expect(slavery[0]).toBe('global.modern-slavery');
    expect(slavery).not.toContain('global.child-labour');
    expect(ids('global_estimates', 'About 3 million children in forced labour were counted in 2021.', 'count')).toContain('global.child-labour');
    expect(ids('global_estimates', 'Most forced labour, 86 percent, is imposed by private actors.', 'percent')).not.toContain('global.child-labour');
  });

  test('one employer’s child-labour case is set within the national yearly count', () => {
    expect(ids('labor_violations', 'The contractor employed 40 teenagers on night shifts, investigators said.', 'count')[0]).toBe('labor.one-employer');
    expect(ids('labor_violations', 'Minors worked too many hours in 3,000 cases last year.', 'count')).not.toContain('labor.one-employer');
  });

  test('a smuggling price gets the caveat of the kind of price it is', () => {
    expect(ids('smuggling_fees', 'Gangs collect a piso of $1,000 from every migrant who crosses their stretch of river.', 'usd')[0]).toBe('fees.piso');
    expect(ids('smuggling_fees', 'The price of the trip rose 30% between 2019 and 2023.', 'percent')[0]).toBe('fees.trend');
    expect(ids('smuggling_fees', 'The estimate assumed that each migrant pays $6,000.', 'usd')[0]).toBe('fees.assumed');
    const plain = ids('smuggling_fees', 'A migrant from Honduras paid $9,000 for the trip.', 'usd');
    for (const id of ['fees.piso', 'fees.trend', 'fees.assumed']) expect(plain).not.toContain(id);
  });

  test('the two meanings of “38 per cent” are pointed out where a sentence says 38 percent', () => {
    expect(ids('detected_victim_shares', 'Women and girls were 61 percent of detected victims.', 'percent')).not.toContain('detected.38');
    expect(ids('detected_victim_shares', 'Children were 38 percent of detected victims.', 'percent')).toContain('detected.38');
  });
});

describe('a sentence that continues the one before', () => {
  const fees = metricById('smuggling_fees')!.figures;
  const previous = 'Gangs now collect a piso of $1,200 from each migrant who uses their road north.';
  const sentence = 'That is double the roughly $600 they took a few years ago.';
  const number = at(sentence, '$600');

  test('"That is up from $600" speaks of the partial fee the sentence before named: no full fee beside it', () => {
    const alone = compareClaim({ sentence, unit: 'usd', period: null, number }, fees);
    expect(alone.comparison).not.toBeNull();
    const read = compareClaim({ sentence, unit: 'usd', period: null, number, previous }, fees);
    expect(read.comparison).toBeNull();
    expect(read.noFigure).toMatch(/another scope/);
    // Not even "for context": the full fee beside a part of it reads as what the part should be.
    expect(read.noFigure).not.toMatch(/For context/);
  });

  test('a sentence with its own subject is read on its own', () => {
    const own = 'Smugglers charged each migrant about $600 for the trip.';
    expect(compareClaim({ sentence: own, unit: 'usd', period: null, number: at(own, '$600'), previous }, fees).comparison).not.toBeNull();
  });

  test('the sentence before is found in its block only', () => {
    const text = `First line here. ${previous} ${sentence}`;
    expect(sentenceBefore(text, text.indexOf('That is'))).toBe(previous);
    const split = `${previous}\n\n${sentence}`;
    expect(sentenceBefore(split, split.indexOf('That is'))).toBe('');
  });
});

describe('a figure of one field of a count, a part beside its whole, a range', () => {
  const calls = (id: string, measure: string, label: string, n: number) => ({
    ...figure(id, measure, label, n, fy(2021)),
    period: 'January to May 2021',
    periodStart: '2021-01-01',
    periodEnd: '2021-05-31',
  });
  const UNANSWERED = [calls('calls-unanswered', 'orr-calls-unanswered', 'Check-in calls that did not reach the child or sponsor, out of 9,000 made', 3_100)];

  test('calls placed are not compared with the calls that went unanswered', () => {
    const placed = 'The agency placed about 9,000 check-in calls to sponsors that spring.';
    const number = { start: placed.indexOf('about'), end: placed.indexOf(' check-in') };
    const choice = compareClaim({ sentence: placed, unit: 'count', period: null, number, value: 9_000 }, UNANSWERED);
    expect(choice.comparison).toBeNull();
    expect(choice.noFigure).toContain('does not say its number is what');
    // Said to be unanswered, the count is the series' own.
    const unanswered = 'About 3,100 of the check-in calls went unanswered that spring.';
    const own = { start: unanswered.indexOf('3,100'), end: unanswered.indexOf('3,100') + 5 };
    expect(compareClaim({ sentence: unanswered, unit: 'count', period: null, number: own, value: 3_100 }, UNANSWERED).comparison?.figureId).toBe('calls-unanswered');
  });

  const APPLICATIONS = [figure('apps-fy2022', 'apps', 'Visa applications filed by trafficking victims', 7_400, fy(2022))];

  test('a part of the whole the sentence also gives is shown beside that whole for scale only', () => {
    const sentence = 'In FY2022 the agency received 7,400 applications and turned down 410 of them.';
    const number = { start: sentence.indexOf('410'), end: sentence.indexOf('410') + 3 };
    const c = chooseComparison({ sentence, unit: 'count', period: periodIn(sentence), number, value: 410 }, APPLICATIONS);
    expect(c?.statement).toMatch(/^The sentence counts a part of the 7,400 it also gives; .*for scale only/);
    // The whole itself is confirmed as before.
    const whole = { start: sentence.indexOf('7,400'), end: sentence.indexOf('7,400') + 5 };
    const w = chooseComparison({ sentence, unit: 'count', period: periodIn(sentence), number: whole, value: 7_400 }, APPLICATIONS);
    expect(w?.statement).toBe('Official figure for the same period (FY2022).');
  });

  test('a near restatement of the figure is no part of it', () => {
    const sentence = 'Officials first cited about 7,000 applications, later a precise 7,400, for FY2022.';
    const number = { start: sentence.indexOf('about'), end: sentence.indexOf(' applications') };
    const c = chooseComparison({ sentence, unit: 'count', period: periodIn(sentence), number, value: 7_000 }, APPLICATIONS);
    expect(c?.statement).not.toContain('a part of');
  });

  const CHILDREN = [figure('kids-fy2021', 'kids', 'Children apprehended by Border Patrol at the Southwest border', 140_200, fy(2021))];

  test('girls only are not confirmed by a figure for all children', () => {
    const sentence = 'Border Patrol apprehended 45,000 girls at the Southwest border in FY2021.';
    const number = { start: sentence.indexOf('45,000'), end: sentence.indexOf('45,000') + 6 };
    const c = chooseComparison({ sentence, unit: 'count', period: periodIn(sentence), number, value: 45_000 }, CHILDREN);
    expect(c?.statement).toMatch(/^The sentence counts girls only; .*for scale only/);
  });

  test('a range is said to hold the figure, or not, and nothing more', () => {
    const sentence = 'Between 130,000 and 150,000 children were apprehended by Border Patrol in FY2021.';
    const number = { start: 0, end: sentence.indexOf(' children') };
    const inside = chooseComparison({ sentence, unit: 'count', period: periodIn(sentence), number, value: 140_000, range: { low: 130_000, high: 150_000 } }, CHILDREN);
    expect(inside?.statement).toBe('Official figure for the same period (FY2021). The sentence gives a range; this figure lies within it.');
    const outside = chooseComparison({ sentence, unit: 'count', period: periodIn(sentence), number, value: 110_000, range: { low: 100_000, high: 120_000 } }, CHILDREN);
    expect(outside?.statement).toContain('this figure lies outside it.');
  });
});

describe('a figure for a part is not shown beside a total', () => {
  test('all detected victims are not compared with the rise in girl victims', () => {
    const rise = (id: string, measure: string, label: string, n: number) => ({
      ...figure(id, measure, label, n, fy(2022), 'percent'),
      period: '2022 vs 2019',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
    });
    const girls = [rise('girls-rise', 'girls-rise', 'Rise in the number of detected girl victims compared with 2019', 40)];
    const sentence = 'Detected victims rose by 40 percent in 2022.';
    const number = { start: sentence.indexOf('40'), end: sentence.indexOf('40') + '40 percent'.length };
    const choice = compareClaim({ sentence, unit: 'percent', period: periodIn(sentence), number, value: 40 }, girls);
    expect(choice.comparison).toBeNull();
    expect(choice.noFigure).toContain('counts girls only');
    const own = 'Detected girl victims rose by 40 percent in 2022.';
    const at = { start: own.indexOf('40'), end: own.indexOf('40') + '40 percent'.length };
    expect(compareClaim({ sentence: own, unit: 'percent', period: periodIn(own), number: at, value: 40 }, girls).comparison?.figureId).toBe('girls-rise');
  });
});

describe('a range beside an official range', () => {
  test('ranges that share values are said to overlap, others not to', () => {
    const fees = [{ ...figure('fee-2021', 'fee', 'Price per migrant for the trip to the border', 6_000, fy(2021), 'usd'), value: '$5,000 to $7,000' }];
    const sentence = 'Smugglers charged between $6,500 and $9,000 a person in FY2021.';
    const number = { start: sentence.indexOf('between'), end: sentence.indexOf(' a person') };
    const over = chooseComparison({ sentence, unit: 'usd', period: periodIn(sentence), number, value: 7_750, range: { low: 6_500, high: 9_000 } }, fees);
    expect(over?.statement).toContain('it overlaps the official range.');
    const apart = chooseComparison({ sentence, unit: 'usd', period: periodIn(sentence), number, value: 10_000, range: { low: 8_000, high: 12_000 } }, fees);
    expect(apart?.statement).toContain('it does not overlap the official range.');
  });
});

describe('what a page of a given date can speak of', () => {
  test('a sentence with no period on a dated page gets the latest figure from before that date, the newest named too', () => {
    const s = 'Agents apprehended about 45,000 children at the border.';
    const c = chooseComparison({ sentence: s, unit: 'count', period: null, number: at(s, '45,000'), pageDate: '2019-02-10' }, PATROL);
    expect(c).toMatchObject({ figureId: 'patrol-fy2018', periodMatch: 'none-named' });
    expect(c!.statement).toContain('the page is dated 10 Feb 2019');
    expect(c!.statement).toContain('The most recent in Metric Lens is 140,200 (FY2021).');
    // Undated, the newest is shown as before.
    expect(chooseComparison({ sentence: s, unit: 'count', period: null, number: at(s, '45,000') }, PATROL)).toMatchObject({ figureId: 'patrol-fy2021' });
  });

  test('a page older than every figure of the series gets none, and no later figure for context', () => {
    const s = 'Agents apprehended about 45,000 children at the border.';
    const choice = compareClaim({ sentence: s, unit: 'count', period: null, number: at(s, '45,000'), pageDate: '2012-05-01' }, PATROL);
    expect(choice.comparison).toBeNull();
    expect(choice.noFigure).toMatch(/^The page is dated 1 May 2012, before the start of every period/);
    expect(choice.noFigure).not.toMatch(/For context/);
  });

  test('a figure of the very value, but for a period after the page was written, is not the one quoted', () => {
    const s = 'Agents apprehended 140,200 children at the border.';
    const later = chooseComparison({ sentence: s, unit: 'count', period: null, number: at(s, '140,200'), value: 140_200, pageDate: '2020-01-15' }, PATROL);
    expect(later?.statement).not.toContain('has the value it gives');
    const quoted = chooseComparison({ sentence: s, unit: 'count', period: null, number: at(s, '140,200'), value: 140_200 }, PATROL);
    expect(quoted?.statement).toContain('has the value it gives');
  });
});

describe('parts of a journey, and months without a year', () => {
  const fees = [figure('trip-2022', 'trip', 'Price per migrant of the whole trip to the United States', 8_000, { period: '2022', periodStart: '2022-01-01', periodEnd: '2022-12-31' }, 'usd')];

  test('a price for one leg ("through Mexico alone") stands beside the whole trip’s price for scale only, never as confirmation', () => {
    const s = 'Guides charge from $2,500 to $3,500 to cross Mexico alone.';
    const c = chooseComparison({ sentence: s, unit: 'usd', period: null, number: at(s, '$2,500 to $3,500'), value: 3_000, range: { low: 2_500, high: 3_500 } }, fees);
    expect(c!.statement).toMatch(/^The sentence prices one leg of the journey \(“to cross Mexico alone”\); this official figure is for the whole trip, for scale only/);
    expect(c!.statement).not.toMatch(/range/);
    const whole = 'Guides charge $8,000 for the trip to the United States.';
    expect(chooseComparison({ sentence: whole, unit: 'usd', period: null, number: at(whole, '$8,000') }, fees)!.statement).not.toMatch(/one leg/);
  });

  test('months named without a year meet the series’ figure for those months, said to be of a year the sentence does not name', () => {
    const calls = [figure('calls-jan-apr', 'calls', 'Follow-up calls that went unanswered', 3_100, { period: 'January to April 2022', periodStart: '2022-01-01', periodEnd: '2022-04-30' })];
    const s = 'Between January and April, 3,000 follow-up calls went unanswered.';
    const c = chooseComparison({ sentence: s, unit: 'count', period: null, number: at(s, '3,000') }, calls);
    expect(c).toMatchObject({ figureId: 'calls-jan-apr', periodMatch: 'none-named' });
    expect(c!.statement).toContain('names months without their year');
    const other = 'Between March and June, 3,000 follow-up calls went unanswered.';
    expect(chooseComparison({ sentence: other, unit: 'count', period: null, number: at(other, '3,000') }, calls)).toBeNull();
  });
});

describe('shares of the global estimates, each beside a share of its own whole', () => {
  const shown = (text: string, raw: string) => findClaims(text).find((c) => c.number.raw === raw);
  /** The figure offered "for context" where none stands beside the number. */
  const contextOf = (noFigure: string | undefined) => /For context.*$/.exec(noFigure ?? '')?.[0] ?? '';

  test('a share of forced labour meets the published share of forced labour it names', () => {
    const c = shown('The estimates put 86 percent of forced labour in the private sector and 14 percent under state authorities.', '86 percent');
    expect(c?.comparison).toMatchObject({ value: '86%', label: expect.stringContaining('private') });
    expect(shown('Children make up almost one in eight of all those in forced labour, the ILO estimates.', 'almost one in eight')?.comparison?.label).toBe(
      'Children as a share of all people in forced labour',
    );
  });

  test('a share of another whole (people in modern slavery, profits) is not set beside a share of forced labour', () => {
    for (const [text, raw] of [
      ['One in four people held in modern slavery is a child, the ILO estimates.', 'One in four'],
      ['One in four victims of modern slavery is a child: some 10 million children.', 'One in four'],
      ['Commercial sexual exploitation earns 66 percent of the profits of forced labour, the ILO estimates.', '66 percent'],
    ] as const) {
      const c = shown(text, raw);
      expect(c, text).toBeDefined();
      expect(c!.comparison?.label ?? '').not.toMatch(/share of (?:all )?(?:people in )?forced labour|of all forced labour/);
      // Nor offered "for context": beside a share of modern slavery it would read as a correction.
      expect(contextOf(c!.noFigure)).not.toMatch(/forced labour”/);
    }
  });

  test('a count of children in modern slavery gets no count of children in forced labour, even for context', () => {
    const c = shown('One in four victims of modern slavery is a child: some 10 million children.', 'some 10 million');
    expect(c).toBeDefined();
    expect(c!.comparison?.label ?? '').not.toMatch(/in forced labour/);
    expect(c!.noFigure).toMatch(/another scope/);
    expect(contextOf(c!.noFigure)).not.toMatch(/in forced labour/);
  });
});

describe('one office of a total, one nationality, part of a year', () => {
  const whole = (n: number, year: number) =>
    figure(`cbp-${year}`, 'cbp-encounters-swb', 'All CBP encounters at the Southwest border (Border Patrol and ports of entry)', n, fy(year));
  const CBP = [whole(1_734_686, 2021), whole(2_378_944, 2022)];

  test('a Border Patrol count beside the all-CBP total is for scale only; a CBP count is its own measure', () => {
    const patrol = 'The Border Patrol apprehended nearly 2.2 million migrants at the Southwest border in FY2022.';
    const c = chooseComparison({ sentence: patrol, unit: 'count', period: periodIn(patrol), number: at(patrol, 'nearly 2.2 million'), value: 2_200_000 }, CBP);
    expect(c).toMatchObject({ figureId: 'cbp-2022', periodMatch: 'same' });
    expect(c!.statement).toMatch(/^The sentence counts the Border Patrol only; this official figure also counts encounters at ports of entry, for scale only/);
    const agency = 'CBP encountered 2.38 million migrants at the Southwest border in FY2022, Border Patrol and field officers together.';
    const d = chooseComparison({ sentence: agency, unit: 'count', period: periodIn(agency), number: at(agency, '2.38 million'), value: 2_380_000 }, CBP);
    expect(d!.statement).toBe('Official figure for the same period (FY2022).');
  });

  const FEES = [figure('fee-2022', 'fee', 'Range of smuggling fees per person at the southern border', 8_000, { period: '2022', periodStart: '2022-01-01', periodEnd: '2022-12-31' }, 'usd')];

  test('a price for one nationality beside a price for every origin is for scale only; "Mexican cartels" name no migrants', () => {
    const s = 'Mexican migrants paid an average of $8,600 to smugglers in 2022.';
    const c = chooseComparison({ sentence: s, unit: 'usd', period: periodIn(s), number: at(s, '$8,600'), value: 8_600 }, FEES);
    expect(c!.statement).toMatch(/^The sentence counts Mexican migrants only; this official figure is for migrants of every origin, for scale only/);
    const cartels = 'Mexican cartels charged migrants an average of $8,600 in 2022.';
    const d = chooseComparison({ sentence: cartels, unit: 'usd', period: periodIn(cartels), number: at(cartels, '$8,600'), value: 8_600 }, FEES);
    expect(d!.statement).not.toMatch(/Mexican/);
  });

  test('"this year" so far, beside the whole year’s figure, is said to be part of it, not another period', () => {
    const s = 'So far this year migrants paid smugglers $9,000 on average.';
    const period = periodIn(s, '2022-09-27');
    const c = chooseComparison({ sentence: s, unit: 'usd', period, number: at(s, '$9,000'), value: 9_000, pageDate: '2022-09-27' }, FEES);
    expect(c).toMatchObject({ figureId: 'fee-2022', periodMatch: 'nearest' });
    expect(c!.statement).toMatch(/this figure covers all of 2022, a longer period that holds it/);
  });
});

describe('one agency’s yearly counts', () => {
  const shown = (text: string) => findClaims(text)[0];

  test('indictments and prosecutions DHS supported are two counts: each number meets its own', () => {
    const claims = findClaims('In fiscal year 2022, DHS personnel supported 700 trafficking prosecutions and some 1,200 trafficking indictments.');
    const of = (raw: string) => claims.find((c) => c.number.raw === raw)?.comparison?.measure;
    expect(of('700')).toBe('dhs-ht-prosecutions-supported');
    expect(of('some 1,200')).toBe('dhs-ht-indictments-supported');
  });

  test('arrests in Homeland Security investigations meet DHS’s figure for that fiscal year', () => {
    const c = shown('Homeland Security Investigations made 2,360 human trafficking arrests in fiscal year 2021.');
    expect(c?.comparison).toMatchObject({ measure: 'dhs-hsi-ht-arrests', periodMatch: 'same', period: 'FY2021' });
  });

  test('arrests by another agency are not set beside DHS’s count', () => {
    const c = shown('Federal agents arrested 104 people on human trafficking charges across Ohio in 2021.');
    expect(c).toBeDefined();
    expect(c!.comparison?.measure).not.toBe('dhs-hsi-ht-arrests');
  });
});

describe('context on a dated page', () => {
  test('no figure for a period that began after the page was written is offered for context', () => {
    const s = 'Officials assume that smuggling networks receive an average of $5,000 per person smuggled.';
    const [c] = findClaims(s, { pageDate: '2018-05-21' });
    expect(c?.noFigure ?? '').toMatch(/For context/);
    const years = [...(c!.noFigure ?? '').matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) expect(year).toBeLessThanOrEqual(2018);
  });
});

describe('one operation’s own figures', () => {
  test('a nationwide sting’s count meets the operation’s own figure of that value, not a national total', () => {
    const [c] = findClaims('During a four-day nationwide sting, the FBI recovered 84 children and arrested 120 alleged traffickers.');
    expect(c?.comparison).toMatchObject({ measure: 'fbi-occ-children-recovered', value: '84' });
  });

  test('a running total over years is no one operation’s count, even where the sentence names a sting', () => {
    const [c] = findClaims('The FBI’s Innocence Lost initiative began in 2003 and has since recovered more than 3,400 children through sting operations across the country.');
    expect(c?.comparison).toMatchObject({ measure: 'fbi-innocence-lost-children' });
  });

  test('the agency named in the paragraph before is the one a sentence without its own speaks of', () => {
    const first = 'FBI agents and local officers staged a four-day nationwide sting against child sex trafficking.';
    const [own] = findClaims(`${first}\n\n84 children were recovered during this operation, officials said.`);
    expect(own?.comparison).toMatchObject({ measure: 'fbi-occ-children-recovered', value: '84' });
    const [other] = findClaims(`${first}\n\nCounty police recovered 84 children during this operation, officials said.`);
    expect(other?.metric).toBe('law_enforcement_cases');
    expect(other!.comparison?.measure).not.toBe('fbi-occ-children-recovered');
    const [alone] = findClaims('84 children were recovered during this operation, officials said.');
    expect(alone?.noFigure).toMatch(/does not say its number is/);
  });

  test('a sentence that goes on about the operation named before it counts what that operation found', () => {
    const first = 'FBI agents staged a four-day nationwide sting operation against child sex trafficking.';
    const [c] = findClaims(`${first}\n\nOfficials said 5 men were arrested for soliciting a minor.`);
    expect(c?.comparison ?? null).toBeNull();
    expect(c?.noFigure).toMatch(/one operation/);
    // A period of its own says the sentence has moved on from the operation.
    const [dated] = findClaims(`${first}\n\nOfficials said 5 men were arrested for soliciting a minor in 2021.`);
    expect(dated?.noFigure ?? '').not.toMatch(/one operation/);
  });

  test('a running total counted to an earlier day is said to be one', () => {
    const [c] = findClaims('The FBI’s Innocence Lost initiative, which began in 2003, has since recovered more than 6,500 children.');
    expect(c?.comparison).toMatchObject({ measure: 'fbi-innocence-lost-children', periodMatch: 'nearest' });
    expect(c!.comparison!.statement).toMatch(/running total up to \d+ \w+ 20\d\d; one counted later includes more/);
  });

  test('a sting’s count of another value gets no figure of the operation series or a national one', () => {
    const [c] = findClaims('During a four-day sting in Memphis, the FBI recovered 12 children and arrested 20 men.');
    expect(c?.comparison ?? null).toBeNull();
  });
});

describe('shares of one sex of detected victims', () => {
  const shown = (text: string) => findClaims(text)[0];

  test('a share of girl victims trafficked for sexual exploitation meets UNODC’s share for girls, not a share of all victims', () => {
    expect(shown('UNODC found that 55 percent of the girl victims detected in 2022 were trafficked for sexual exploitation.')?.comparison?.measure).toBe(
      'glotip-girl-sexual-exploitation-share',
    );
    const all = shown('UNODC found that 40 percent of all victims detected in 2022 were trafficked for sexual exploitation.');
    expect(all?.comparison?.measure ?? null).not.toBe('glotip-girl-sexual-exploitation-share');
    expect(all?.noFigure ?? '').toMatch(/counts girls only/);
  });
});

describe('a share of a whole no share series is of', () => {
  test('a share of everyone in modern slavery is said to be a share of something else, not "another part of the count"', () => {
    const [c] = findClaims('One in four enslaved people are children, the 2016 estimate found.');
    expect(c?.metric).toBe('global_estimates');
    expect(c?.comparison ?? null).toBeNull();
    expect(c?.noFigure).toMatch(/^None of Metric Lens’s official shares for this metric measures what this sentence’s share measures/);
  });
});

describe('one country beside a worldwide estimate', () => {
  test('the worldwide figure is shown for scale only, and said to be worldwide', () => {
    const [c] = findClaims('About 12,000 children are thought to be trafficked into the United States each year, advocates claim.');
    expect(c?.metric).toBe('global_estimates');
    expect(c?.comparison?.statement).toMatch(/^The sentence counts one country; this is a worldwide figure, for scale only/);
  });
});

describe('the trafficking hotline is not NCMEC', () => {
  test('reports to NCMEC’s CyberTipline meet no count of the hotline’s cases', () => {
    const [c] = findClaims('NCMEC received more than 32 million reports of suspected child sexual exploitation to its CyberTipline in 2022.');
    expect(c?.metric).toBe('hotline_reports');
    expect(c!.comparison?.measure ?? '').not.toMatch(/hotline/);
    const [hotline] = findClaims('The trafficking hotline identified 10,500 situations of human trafficking in 2019.');
    expect(hotline?.comparison?.measure).toMatch(/hotline/);
  });
});

describe('context of the same kind only', () => {
  test('a count of sponsors gets no count of children for context', () => {
    const [c] = findClaims('Case managers could not reach more than 19,000 sponsors on follow-up calls after the children were released.');
    expect(c?.noFigure).toMatch(/counts sponsors/);
    expect(c!.noFigure).not.toMatch(/For context/);
  });
});

describe('the CyberTipline and the trafficking hotline are different counts', () => {
  const all = (text: string) => findClaims(text);

  test('reports to NCMEC meet NCMEC’s count for the year, with its caveat first', () => {
    const [c] = all('In 2021, NCMEC’s CyberTipline received more than 29 million reports of suspected child sexual exploitation.');
    expect(c?.metric).toBe('hotline_reports');
    expect(c?.comparison).toMatchObject({ measure: 'ncmec-cybertipline-reports', periodMatch: 'same', period: '2021' });
    expect(c!.caveats[0]).toMatch(/CyberTipline reports concern suspected child sexual abuse material/);
    // The trafficking hotline's own caveat does not stand beside NCMEC's count.
    expect(c!.caveats.join(' ')).not.toMatch(/the hotline reported 2,153/);
  });

  test('a sentence that goes on about NCMEC’s reports meets its child sex trafficking count, not the hotline’s', () => {
    const [, second] = all('The CyberTipline of the National Center for Missing & Exploited Children took 32 million reports in 2022.\n\nAbout 18,000 reports in 2022 concerned child sex trafficking.');
    expect(second?.comparison).toMatchObject({ measure: 'ncmec-cybertipline-cst-reports', period: '2022' });
  });

  test('a hotline count meets the hotline’s series, without the CyberTipline caveat; a count that names neither meets neither', () => {
    const [hotline] = all('The National Human Trafficking Hotline identified 11,000 trafficking cases in 2019.');
    expect(hotline?.comparison?.measure).toBe('hotline-cases');
    expect(hotline!.caveats.join(' ')).not.toMatch(/CyberTipline/);
    const [neither] = all('Advocates identified 11,000 potential trafficking cases in 2019.');
    expect(neither?.metric).toBe('hotline_reports');
    expect(neither?.comparison ?? null).toBeNull();
  });
});

describe('a caveat about one series', () => {
  const caveats: Caveat[] = [
    { id: 'general', text: 'Reports, not victims.' },
    { id: 'tipline', text: 'Most reports to the tip line concern images.', when: { measures: ['tipline'] } },
  ];
  const order = (measure: string | null) => orderCaveats(caveats, { sentence: 'They received 900 reports.', predicate: 'reports', unit: 'count', period: null, measure }).map((c) => c.id);

  test('comes first where the figure shown is of that series, and not at all otherwise', () => {
    expect(order('tipline')).toEqual(['tipline', 'general']);
    expect(order('hotline')).toEqual(['general']);
    expect(order(null)).toEqual(['general']);
  });

  test('a caveat ruled out beside one series’ figure stays a general one beside any other, or none', () => {
    const withUnless: Caveat[] = [...caveats, { id: 'hotline-only', text: 'Hotline cases are potential cases.', when: { unlessMeasures: ['tipline'] } }];
    const ids = (measure: string | null) =>
      orderCaveats(withUnless, { sentence: 'They received 900 reports.', predicate: 'reports', unit: 'count', period: null, measure }).map((c) => c.id);
    expect(ids('tipline')).toEqual(['tipline', 'general']);
    expect(ids('hotline')).toEqual(['general', 'hotline-only']);
    expect(ids(null)).toEqual(['general', 'hotline-only']);
  });
});
