import { describe, expect, test } from 'vitest';
import { findPeriods, fiscalYear, fiscalYearOf, overlaps, periodOf } from '../../lib/engine/period';
import { findQuantities } from '../../lib/engine/quantity';

/** The only period in a sentence, as [kind, from, to, raw]. */
function one(text: string, pageDate?: string) {
  const found = findPeriods(text, pageDate);
  expect(found, `periods in: ${text}`).toHaveLength(1);
  const p = found[0]!;
  expect(text.slice(p.start, p.end)).toBe(p.raw);
  return [p.kind, p.from, p.to, p.raw];
}

describe('fiscal years', () => {
  test('the federal fiscal year starts on 1 October of the year before', () => {
    expect(fiscalYear(2019)).toEqual({ from: '2018-10-01', to: '2019-09-30' });
    expect(fiscalYearOf('2019-09-30')).toBe(2019);
    expect(fiscalYearOf('2019-10-01')).toBe(2020);
  });

  test.each([
    ['Agents stopped them in FY2019, officials said.', 'FY2019', '2018-10-01', '2019-09-30'],
    ['The count for FY 19 was revised.', 'FY 19', '2018-10-01', '2019-09-30'],
    ['In fiscal 2021 the shelters filled up.', 'fiscal 2021', '2020-10-01', '2021-09-30'],
    ['During fiscal year 2021 the agency grew.', 'fiscal year 2021', '2020-10-01', '2021-09-30'],
    ["The FY'22 report is out.", "FY'22", '2021-10-01', '2022-09-30'],
    ['The 2022 fiscal year set a record.', '2022 fiscal year', '2021-10-01', '2022-09-30'],
  ])('%s', (text, raw, from, to) => {
    expect(one(text)).toEqual(['fiscal_year', from, to, raw]);
  });

  test('a span of fiscal years runs from the first one’s October to the last one’s September', () => {
    expect(one('Transfers rose over FY2019-FY2021.')).toEqual(['range', '2018-10-01', '2021-09-30', 'FY2019-FY2021']);
    expect(one('Transfers rose over FY2019-2021.')).toEqual(['range', '2018-10-01', '2021-09-30', 'FY2019-2021']);
    expect(one('In fiscal years 2019 through 2023 the office audited files.')).toEqual([
      'range', '2018-10-01', '2023-09-30', 'fiscal years 2019 through 2023',
    ]);
  });
});

describe('calendar years and months', () => {
  test.each([
    ['The hotline took calls in 2019 from every state.', '2019', '2019-01-01', '2019-12-31', 'calendar_year'],
    ['During 2022 the reports doubled.', '2022', '2022-01-01', '2022-12-31', 'calendar_year'],
    ['For calendar year 2021 the total fell.', 'calendar year 2021', '2021-01-01', '2021-12-31', 'calendar_year'],
    ['Arrivals peaked in March 2021 at the border.', 'March 2021', '2021-03-01', '2021-03-31', 'month'],
    ['The February 2024 count was lower.', 'February 2024', '2024-02-01', '2024-02-29', 'month'],
    ['Officers found them in mid-Dec. 2022 in a warehouse.', 'Dec. 2022', '2022-12-01', '2022-12-31', 'month'],
  ])('%s', (text, raw, from, to, kind) => {
    expect(one(text)).toEqual([kind, from, to, raw]);
  });

  test('a month without its year is the latest one by the page date, and nothing without a page date', () => {
    expect(one('Agents stopped 9,000 teens in October.', '2026-03-15')).toEqual(['month', '2025-10-01', '2025-10-31', 'October']);
    expect(one('Agents stopped 9,000 teens in February.', '2026-03-15')).toEqual(['month', '2026-02-01', '2026-02-28', 'February']);
    expect(findPeriods('Agents stopped 9,000 teens in October.')).toEqual([]);
  });

  test('a year written as the adjective of what was counted is that year; a year before a report’s name is not', () => {
    expect(one('Forty of the 2017 cases in Ohio involved minors.')).toEqual(['calendar_year', '2017-01-01', '2017-12-31', '2017']);
    expect(one('Their 2020 total was the highest yet.')).toEqual(['calendar_year', '2020-01-01', '2020-12-31', '2020']);
    expect(findPeriods('The 2020 report counted 300 victims.')).toEqual([]);
    expect(findPeriods('Agents found 2,017 cases.')).toEqual([]);
  });

  test('words that only look like months or years are not periods', () => {
    expect(findPeriods('Officials may march on the capital; the Marines were there.', '2024-05-01')).toEqual([]);
    expect(findPeriods('The agency lost track of 2,019 children and paid $2019 in fees.')).toEqual([]);
    expect(findPeriods('It rose 2019% over a decade.')).toEqual([]);
    expect(findPeriods('The file dated 2021-03-04 was lost.')).toEqual([]);
  });
});

describe('ranges', () => {
  test.each([
    ['Placements rose from 2019 to 2023 in every region.', 'from 2019 to 2023', '2019-01-01', '2023-12-31'],
    ['Between 2014 and 2018 the office placed them.', 'Between 2014 and 2018', '2014-01-01', '2018-12-31'],
    ['Calls went unanswered from January to May 2021, a review said.', 'from January to May 2021', '2021-01-01', '2021-05-31'],
    ['From October 2014 to September 2018 the agency placed them.', 'From October 2014 to September 2018', '2014-10-01', '2018-09-30'],
    ['Records for 2010-2020 are held by the collaborative.', '2010-2020', '2010-01-01', '2020-12-31'],
  ])('%s', (text, raw, from, to) => {
    expect(one(text)).toEqual(['range', from, to, raw]);
  });

  test('"since" runs to the page date, or stays open without one', () => {
    expect(one('Since 2014 the office has placed them.', '2018-09-20')).toEqual(['range', '2014-01-01', '2018-09-20', 'Since 2014']);
    expect(one('Since 2014 the office has placed them.')).toEqual(['range', '2014-01-01', null, 'Since 2014']);
  });

  test('"and" joins two years only after "between"', () => {
    const found = findPeriods('Reports rose in 2019 and 2021 alike.');
    expect(found.map((p) => p.raw)).toEqual(['2019']);
  });
});

describe('relative periods, against the page date', () => {
  const page = '2024-03-15';
  test.each([
    ['The agency encountered them last year.', 'last year', '2023-01-01', '2023-12-31'],
    ['So far this year the hotline took calls.', 'So far this year', '2024-01-01', '2024-03-15'],
    ['Calls went unanswered this month.', 'this month', '2024-03-01', '2024-03-15'],
    ['Referrals fell last month.', 'last month', '2024-02-01', '2024-02-29'],
    ['Encounters fell in the last fiscal year.', 'the last fiscal year', '2022-10-01', '2023-09-30'],
    ['Encounters fell this fiscal year.', 'this fiscal year', '2023-10-01', '2024-03-15'],
    ['Over the past two years the office lost contact.', 'the past two years', '2022-03-16', '2024-03-15'],
    ['In the last 12 months the office lost contact.', 'the last 12 months', '2023-03-16', '2024-03-15'],
  ])('%s', (text, raw, from, to) => {
    expect(one(text, page)).toEqual(['relative', from, to, raw]);
  });

  test('without a page date a relative period is not guessed', () => {
    expect(findPeriods('The agency encountered them last year.')).toEqual([]);
  });
});

describe('the period of one number', () => {
  test('the period nearest the number in its sentence', () => {
    const text = 'In FY2019, agents encountered 76,020 children, up from 50,036 in FY2018.';
    const sentence = { start: 0, end: text.length };
    const first = text.indexOf('76,020');
    const second = text.indexOf('50,036');
    expect(periodOf(text, sentence, { start: first, end: first + 6 })?.raw).toBe('FY2019');
    expect(periodOf(text, sentence, { start: second, end: second + 6 })?.raw).toBe('FY2018');
  });

  test('else the last period named before the sentence, in the same block only', () => {
    const text = 'The audit covered fiscal 2021. Of those, 85,000 children could not be reached.';
    const at = text.indexOf('85,000');
    const sentence = { start: text.indexOf('Of those'), end: text.length };
    const p = periodOf(text, sentence, { start: at, end: at + 6 });
    expect(p).toMatchObject({ raw: 'fiscal 2021', kind: 'fiscal_year' });
    expect(text.slice(p!.start, p!.end)).toBe('fiscal 2021');

    const split = 'The audit covered fiscal 2021.\n\nOf those, 85,000 children could not be reached.';
    const s2 = { start: split.indexOf('Of those'), end: split.length };
    const at2 = split.indexOf('85,000');
    expect(periodOf(split, s2, { start: at2, end: at2 + 6 })).toBeNull();
  });

  test('the number itself is never its period', () => {
    const text = 'Officials found 2019 children in shelters.';
    const at = text.indexOf('2019');
    expect(periodOf(text, { start: 0, end: text.length }, { start: at, end: at + 4 })).toBeNull();
  });

  test('overlap of periods, open ends included', () => {
    expect(overlaps({ from: '2018-10-01', to: '2019-09-30' }, { from: '2019-01-01', to: '2019-12-31' })).toBe(true);
    expect(overlaps({ from: '2018-10-01', to: '2019-09-30' }, { from: '2019-10-01', to: '2020-09-30' })).toBe(false);
    expect(overlaps({ from: '2014-01-01', to: null }, { from: '2022-01-01', to: '2022-12-31' })).toBe(true);
  });
});

describe('fiscal years written as a plural, and periods a sentence cannot date', () => {
  test('"FYs 2019 to 2023" is the five fiscal years', () => {
    const [p] = findPeriods('ICE reported 32,000 missed hearings from FYs 2019 to 2023.');
    expect(p).toMatchObject({ kind: 'range', from: '2018-10-01', to: '2023-09-30' });
  });

  test('a sentence naming its own undated period does not take the year of the sentence before', () => {
    const text = 'In fiscal year 2016, shelters took in 59,000 children. During a six-month period starting this March, 92,000 more arrived.';
    const start = text.indexOf('During');
    const n = text.indexOf('92,000');
    expect(periodOf(text, { start, end: text.length }, { start: n, end: n + 6 })).toBeNull();
    const plain = 'In fiscal year 2016, shelters took in 59,000 children. Officials said 92,000 more arrived.';
    const s2 = plain.indexOf('Officials');
    const n2 = plain.indexOf('92,000');
    expect(periodOf(plain, { start: s2, end: plain.length }, { start: n2, end: n2 + 6 })?.raw).toBe('fiscal year 2016');
    // With the page's date, "in May" is a month it can date: that is the period.
    const may = 'In fiscal year 2016, shelters took in 59,000 children. In May, 9,000 more arrived.';
    const s3 = may.indexOf('In May');
    const n3 = may.indexOf('9,000');
    expect(periodOf(may, { start: s3, end: may.length }, { start: n3, end: n3 + 5 }, '2021-07-01')).toMatchObject({ kind: 'month', from: '2021-05-01' });
    expect(periodOf(may, { start: s3, end: may.length }, { start: n3, end: n3 + 5 })).toBeNull();
  });
});

/** Where `raw` first stands in `text`. */
const spanOf = (text: string, raw: string) => {
  const i = text.indexOf(raw);
  return { start: i, end: i + raw.length };
};

describe('lists and counts since a year', () => {
  test('"respectively": each number takes the year in its place of the list', () => {
    const t = 'In fiscal years 2015 and 2018, the office took in 41,000 and 52,000 children, respectively.';
    const all = { start: 0, end: t.length };
    expect(periodOf(t, all, spanOf(t, '41,000'))).toMatchObject({ kind: 'fiscal_year', from: '2014-10-01', to: '2015-09-30' });
    expect(periodOf(t, all, spanOf(t, '52,000'))).toMatchObject({ kind: 'fiscal_year', from: '2017-10-01', to: '2018-09-30' });
    const c = 'Arrests in 2011, 2013 and 2016 were 310, 420 and 515, respectively.';
    expect(periodOf(c, { start: 0, end: c.length }, spanOf(c, '420'))).toMatchObject({ kind: 'calendar_year', from: '2013-01-01' });
    // Lists of different lengths say nothing of which goes with which: the sentence's own period, as without a list.
    const odd = 'In fiscal years 2015 and 2018, the office took in 41,000, 47,000 and 52,000 children, respectively.';
    expect(periodOf(odd, { start: 0, end: odd.length }, spanOf(odd, '47,000'))?.raw).toBe('fiscal years 2015');
  });

  test('"began in 2003 and has since": a count from that year on, not in it', () => {
    const t = 'The unit, which started in 2008 and has since found over 3,100 children, grew.';
    expect(periodOf(t, { start: 0, end: t.length }, spanOf(t, '3,100'), '2019-06-01')).toMatchObject({ kind: 'range', from: '2008-01-01', to: '2019-06-01' });
    const plain = 'The unit found 3,100 children in 2008.';
    expect(periodOf(plain, { start: 0, end: plain.length }, spanOf(plain, '3,100'))).toMatchObject({ kind: 'calendar_year', from: '2008-01-01' });
  });
});

describe('a year that belongs to another number', () => {
  test('"up from $6,000 in 2018": the year dates the earlier price, not the price the sentence gives now', () => {
    const t = 'Families now pay about $10,200 for the crossing, up from $6,000 in 2018 and $5,100 in 2017.';
    const all = { start: 0, end: t.length };
    expect(periodOf(t, all, spanOf(t, '$10,200'))).toBeNull();
    expect(periodOf(t, all, spanOf(t, '$6,000'))).toMatchObject({ kind: 'calendar_year', from: '2018-01-01' });
    expect(periodOf(t, all, spanOf(t, '$5,100'))).toMatchObject({ kind: 'calendar_year', from: '2017-01-01' });
  });

  test('the base of a comparison is not the period of the sentences after it', () => {
    const t = 'Referrals of girls grew by 40 percent in 2023 over that in 2020. Referrals of boys grew by 12 percent.';
    const s2 = t.indexOf('Referrals of boys');
    expect(periodOf(t, { start: s2, end: t.length }, spanOf(t, '12 percent'))).toMatchObject({ kind: 'calendar_year', from: '2023-01-01' });
    const up = 'Fees averaged $7,400 this spring. That is up about $1,500 from 2020.';
    const s3 = up.indexOf('That');
    expect(periodOf(up, { start: s3, end: up.length }, spanOf(up, '$1,500'))).toBeNull();
    // A year the data comes from is the data's own.
    const data = 'According to data from 2020, shelters held 9,800 children.';
    expect(periodOf(data, { start: 0, end: data.length }, spanOf(data, '9,800'))).toMatchObject({ from: '2020-01-01' });
  });
});

describe('a change from one level to another', () => {
  test('"rose from $3,500 in 2018 to $8,200 in 2023": each level has its own year, the later one is the claim’s', () => {
    const t = 'The price of the crossing rose from $3,500 in 2018 to $8,200 in 2023, smugglers told reporters.';
    const all = { start: 0, end: t.length };
    const levels = findQuantities(t).filter((q) => q.nonClaim === null);
    expect(levels.map((q) => q.raw)).toEqual(['$3,500', '$8,200']);
    expect(periodOf(t, all, spanOf(t, '$8,200'))).toMatchObject({ kind: 'calendar_year', from: '2023-01-01' });
    expect(periodOf(t, all, spanOf(t, '$3,500'))).toMatchObject({ kind: 'calendar_year', from: '2018-01-01' });
  });

  test('"grew from 21,000 to 44,000 in FY2022": two levels, the period is the later one’s', () => {
    const t = 'Shelter referrals grew from 21,000 to 44,000 in FY2022, the agency said.';
    expect(findQuantities(t).filter((q) => q.nonClaim === null).map((q) => [q.raw, q.low, q.high])).toEqual([
      ['21,000', 21_000, 21_000],
      ['44,000', 44_000, 44_000],
    ]);
    expect(periodOf(t, { start: 0, end: t.length }, spanOf(t, '44,000'))).toMatchObject({ kind: 'fiscal_year', from: '2021-10-01' });
  });

  test('a range is still a range: "from $2,000 to $6,000" with no change verb, "between 40 and 55 percent"', () => {
    expect(findQuantities('Guides charge from $2,000 to $6,000 a person.').map((q) => [q.low, q.high])).toEqual([[2_000, 6_000]]);
    expect(findQuantities('Between 40 and 55 percent of them were girls.').map((q) => [q.low, q.high])).toEqual([[40, 55]]);
  });
});
