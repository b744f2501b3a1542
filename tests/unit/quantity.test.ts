import { describe, expect, test } from 'vitest';
import { findQuantities, parseNumber } from '../../lib/engine/quantity';

function only(sentence: string) {
  const found = findQuantities(sentence).filter((q) => q.nonClaim === null);
  expect(found, `quantities in: ${sentence}`).toHaveLength(1);
  return found[0]!;
}

describe('parseNumber', () => {
  test.each([
    ['85,000', 85_000],
    ['85K', 85_000],
    ['1.2 million', 1_200_000],
    ['49.6M', 49_600_000],
    ['$13B', 13e9],
    ['twenty-five thousand', 25_000],
    ['seven', 7],
  ])('%s → %d', (text, value) => expect(parseNumber(text)).toBe(value));
});

describe('quantity forms', () => {
  test('bounds set one side of the range and stay in raw', () => {
    const over = only('Officials said more than 40,500 teenagers left the shelters.');
    expect(over).toMatchObject({ raw: 'more than 40,500', value: 40_500, low: 40_500, high: null, unit: 'count' });
    const nearly = only('The agency lost contact with nearly 3,200 kids in a year.');
    expect(nearly).toMatchObject({ raw: 'nearly 3,200', low: null, high: 3_200 });
    const upTo = only('Advocates claim up to 12,000 girls were sold.');
    expect(upTo).toMatchObject({ raw: 'up to 12,000', low: null, high: 12_000 });
    const plus = only('A 60,000-plus backlog of minors remains.');
    expect(plus).toMatchObject({ value: 60_000, high: null });
  });

  test('vague amounts are ranges with no value', () => {
    expect(only('Tens of thousands of boys crossed alone.')).toMatchObject({ value: null, low: 10_000, high: 99_999, vague: true });
    expect(only('Hundreds of thousands of minors were affected.')).toMatchObject({ low: 100_000, high: 999_999 });
    expect(only('Thousands of children arrive each spring.')).toMatchObject({ low: 1_000, high: 9_999 });
  });

  test('ranges take their midpoint', () => {
    expect(only('Between 61,000 and 64,000 minors were referred.')).toMatchObject({ value: 62_500, low: 61_000, high: 64_000 });
    expect(only('Some 150k-170k youths were counted.')).toMatchObject({ low: 150_000, high: 170_000 });
    expect(only('Surveys put it at 55 to 60 percent of respondents.')).toMatchObject({ unit: 'percent', low: 55, high: 60, value: 57.5 });
  });

  test('percentages, ratios and fractions', () => {
    expect(only('Roughly 41% were girls.')).toMatchObject({ unit: 'percent', value: 41 });
    expect(only('About 12 per cent were boys.')).toMatchObject({ unit: 'percent', value: 12 });
    expect(only('One in four detected victims is a boy.').value).toBeCloseTo(0.25);
    expect(only('Three out of every 10 cases involved a minor.').value).toBeCloseTo(0.3);
    expect(only('Nearly two-thirds of the sponsors were relatives.').value).toBeCloseTo(2 / 3);
  });

  test('money keeps its rate', () => {
    expect(only('Families paid $12,500 per person for the trip.')).toMatchObject({ raw: '$12,500 per person', unit: 'usd', value: 12_500 });
    expect(only('Networks earn $2.1 billion a year.')).toMatchObject({ raw: '$2.1 billion a year', value: 2.1e9 });
    expect(only('Fees ran from $3,000 to $7,000 each.')).toMatchObject({ low: 3_000, high: 7_000, unit: 'usd' });
  });

  test('number words and a word with its digits', () => {
    expect(only('Agents freed nine teenagers.')).toMatchObject({ raw: 'nine', value: 9 });
    expect(only('Prosecutors charged twelve (12) men.')).toMatchObject({ raw: 'twelve (12)', value: 12 });
  });
});

describe('numbers that are not counts', () => {
  test.each([
    ['On March 3, 2022, officials met.', 'date'],
    ['The shelter opened in 2019.', 'year'],
    ['Arrivals in FY2021 rose.', 'year'],
    ['A 16-year-old girl testified.', 'age'],
    ['Children under 14 are not fingerprinted.', 'age'],
    ['Call (555) 123-4567 for help.', 'phone'],
    ['It was the 4th report this year.', 'ordinal'],
    ['Experts disagree.[12]', 'citation'],
    ['Results take 45 minutes.', 'duration'],
    ['Agents seized 300 pounds of powder.', 'measure'],
    ['See page 212 of the report.', 'page'],
    ['Charges under 18 USC 1591 were filed.', 'age'],
  ])('%s', (sentence, kind) => {
    const kinds = findQuantities(sentence).map((q) => q.nonClaim);
    expect(kinds).toContain(kind);
    expect(kinds).not.toContain(null);
  });
});
