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

describe('forms read from the domain', () => {
  test('dozens and a dozen', () => {
    expect(only('Police freed a few dozen teenagers.')).toMatchObject({ raw: 'a few dozen', value: null, low: 24, high: 108, vague: true });
    expect(only('Several dozen minors waited.')).toMatchObject({ vague: true, low: 24 });
    expect(only('A dozen girls testified.')).toMatchObject({ raw: 'A dozen', value: 12 });
    expect(only('Half a dozen boys ran away.')).toMatchObject({ raw: 'Half a dozen', value: 6 });
  });

  test('fractions with and without a bound', () => {
    expect(only('A fifth of the survivors were boys.')).toMatchObject({ unit: 'ratio', value: 0.2 });
    expect(only('A quarter of the minors were girls.')).toMatchObject({ unit: 'ratio', value: 0.25 });
    expect(only('Nearly half of the victims were minors.')).toMatchObject({ raw: 'Nearly half', value: 0.5, low: null, high: 0.5 });
    expect(only('Two-fifths of the cases involved girls.').value).toBeCloseTo(0.4);
  });

  test('"under" is a bound for a large number and an age for a small one', () => {
    expect(only('Just under 5,000 minors were placed.')).toMatchObject({ raw: 'Just under 5,000', low: null, high: 5_000, unit: 'count' });
    expect(only('Just over 700 teens were placed.')).toMatchObject({ raw: 'Just over 700', low: 700, high: null });
    expect(findQuantities('The rule covers minors under 16.').map((q) => q.nonClaim)).toEqual(['age']);
  });

  test('money known only by its order of magnitude', () => {
    expect(only('Smugglers pocket millions of dollars.')).toMatchObject({ raw: 'millions of dollars', unit: 'usd', value: null, low: 1e6, vague: true });
    expect(only('Gangs take in hundreds of millions of dollars a year.')).toMatchObject({ unit: 'usd', low: 1e8, high: 999_999_999, rate: 'a year' });
    expect(only('It is a billion-dollar business.')).toMatchObject({ raw: 'billion-dollar', unit: 'usd', low: 1e9 });
    expect(only('They run a multimillion-dollar trade.')).toMatchObject({ unit: 'usd', low: 1e6 });
  });

  test('comparatives and rates of change carry their factor', () => {
    expect(only('The count of minors tripled.')).toMatchObject({ raw: 'tripled', value: 3, unit: 'other' });
    expect(only('Four times as many girls were sold.')).toMatchObject({ raw: 'Four times as many', value: 4, unit: 'other' });
    expect(only('Referrals rose 2.5 times more than expected.')).toMatchObject({ value: 2.5, unit: 'other' });
    expect(only('Reports grew tenfold.')).toMatchObject({ raw: 'tenfold', value: 10 });
    expect(only('There were twice as many boys.')).toMatchObject({ value: 2 });
    // A change in percent is a percentage, as written.
    expect(only('Placements were up 35 percent.')).toMatchObject({ raw: '35 percent', unit: 'percent', value: 35 });
    // "three times" with nothing compared is how often, not a quantity of anything.
    expect(findQuantities('He was deported three times.').some((q) => q.unit === 'other')).toBe(false);
  });

  test('vague orders of magnitude and percentage points', () => {
    expect(only('Scores of girls were sold.')).toMatchObject({ raw: 'Scores', vague: true, low: 40 });
    expect(findQuantities('The scores of the tests fell.')).toEqual([]);
    expect(only('The share rose 4 percentage points.')).toMatchObject({ unit: 'percent', value: 4 });
    expect(only('Sixty percent were boys.')).toMatchObject({ raw: 'Sixty percent', unit: 'percent', value: 60 });
  });

  test('a ratio is one number, whatever stands between its parts', () => {
    expect(only('One in 10 survivors is a boy.')).toMatchObject({ raw: 'One in 10', value: 0.1 });
    expect(only('One girl in five is exploited.')).toMatchObject({ raw: 'One girl in five', value: 0.2 });
    expect(only('One of every 20 victims was male.')).toMatchObject({ raw: 'One of every 20', value: 0.05 });
    // Two counts joined by "in" are not a ratio.
    expect(findQuantities('Agents found 12 children in 40 trucks.').filter((q) => q.unit === 'ratio')).toEqual([]);
    expect(findQuantities('A boy in one shelter wrote home.')).toEqual([]);
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
    ['Charges under 18 USC 1591 were filed.', 'legal'],
    // Statutes, bills and sections.
    ['Under Section 1232 of the statute, minors are screened.', 'legal'],
    ['The definition sits in 8 U.S.C. 1101 and in 22 U.S.C. § 7102.', 'legal'],
    ['Pub. L. 106-386 created the visa.', 'legal'],
    ['The House passed H.R. 2 last spring.', 'legal'],
    ['Border closures under Title 42 ended.', 'legal'],
    ['The visa is set out in INA 101(a)(15)(T).', 'legal'],
    // Datelines and timestamps.
    ['WASHINGTON, March 3 — The hearing opened.', 'date'],
    ['Updated 2025-06-14 at 09:30', 'date'],
    ['A 6 min read', 'duration'],
    // Footnote marks glued to a word or its punctuation.
    ['Most were exploited for labor.12 The report adds context.', 'footnote'],
    ['The figure is disputed,7 says the audit.', 'footnote'],
    // Names with digits.
    ['Shelters closed during COVID-19.', 'name'],
    ['Survivors apply on Form I-914.', 'name'],
    ['Relatives may receive T-2 status.', 'name'],
    ['Operation Cross Country 12 ended on Friday.', 'name'],
    ['The country stayed on Tier 2 of the report.', 'name'],
    ['Goal 8 and Target 8.7 of the SDGs concern forced labour.', 'name'],
    ['ILO Convention 182 bans the worst forms of child labour.', 'name'],
    ['FOX 5 News broke the story.', 'name'],
    // The base of a rate.
    ['Rates are given per 100,000 residents.', 'denominator'],
    ['Agencies report victims for every 1,000 arrests.', 'denominator'],
    // Rounding units.
    ['Totals are rounded to the nearest 1,000 minors.', 'rounding'],
    ['Figures appear in increments of 500.', 'rounding'],
    // Photo and gallery numbering.
    ['Photo 4 of 15', 'media'],
    ['The gallery holds 20 photos of the shelter.', 'media'],
    // Ages.
    ['Girls aged 13 to 17 were interviewed.', 'age'],
    ['Most were 16-year-olds.', 'age'],
    ['Many were 14- to 17-year-olds from Guatemala.', 'age'],
    ['The 15-17 age group is the largest.', 'age'],
    ['Only under-18s qualify.', 'age'],
    ['Most of the recruiters were in their 30s.', 'age'],
    ['Texas lawmakers passed SB 4.', 'legal'],
    ['The town ranked #1 for arrests.', 'ordinal'],
    ['Update 14: the shelter reopened.', 'ordinal'],
    ['Traffickers used 5G phones.', 'name'],
    ['In the 90s the route opened.', 'year'],
    ['The typical age of a runaway who is lured into the trade is 14.', 'age'],
    ['Most of the girls in the program were between 13 and 16, the director said.', 'age'],
    ['Most of the 2017 cases in Ohio went to trial.', 'year'],
    ['They spoke to youths under the age of 18 in 9 towns.', 'age'],
    ['Call BeFree (233733) for help.', 'phone'],
    ['Reach the shelter line at 1-866-4545-866 day or night.', 'phone'],
    ['Parents can ring 1-877-KID-SAFE to report a child.', 'phone'],
    ['In danger, call the police at 911 right away.', 'phone'],
    ['Children were moved north (4).', 'citation'],
  ])('%s', (sentence, kind) => {
    const kinds = findQuantities(sentence).map((q) => q.nonClaim);
    expect(kinds).toContain(kind);
    expect(kinds).not.toContain(null);
  });
});

describe('toll-free and emergency numbers leave counts alone', () => {
  test('a count of 911 calls and a count above 1,800 stay counts', () => {
    const found = findQuantities('The tip line logged 911 calls in June and 1,866 reports in July.');
    expect(found.map((q) => [q.raw, q.nonClaim])).toEqual([
      ['911', null],
      ['1,866', null],
    ]);
  });
});

describe('counts that look like pages, ages or years stay counts', () => {
  test('a number in thousands after "number" is a count, not a page', () => {
    const found = findQuantities('The agency took a quarter of that number 40,000 and multiplied it.');
    expect(found.find((q) => q.raw === '40,000')?.nonClaim).toBeNull();
    expect(findQuantities('See page number 12 of the report.').find((q) => q.raw === '12')?.nonClaim).toBe('page');
  });

  test('two small numbers before a counted noun are a count range, not ages', () => {
    expect(only('Between 12 and 15 girls were recovered in the raid.')).toMatchObject({ low: 12, high: 15, unit: 'count' });
  });

  test('a year-shaped number right before a count noun is still a count without an article', () => {
    expect(only('Officers found 2019 children in the records.')).toMatchObject({ value: 2019 });
  });

  test('sixths and eighths are fractions; "twice as high" is a multiple', () => {
    expect(only('Officials said one-sixth of the boys were under 14.')).toMatchObject({ unit: 'ratio' });
    expect(only('Officials said one-sixth of the boys were under 14.').value).toBeCloseTo(1 / 6);
    expect(only('The count of teens placed was twice as high as the count of calls.')).toMatchObject({ unit: 'other', value: 2 });
  });
  test('a number followed by "dollars" is money, its rate read after it; "in 2019 dollars" is a year', () => {
    expect(only('Families paid between 2500 and 3500 dollars to the guide.')).toMatchObject({ unit: 'usd', low: 2500, high: 3500 });
    expect(only('A crossing cost 640 dollars per person.')).toMatchObject({ unit: 'usd', value: 640, rate: 'per person' });
    expect(only('They counted 640 children.')).toMatchObject({ unit: 'count', value: 640 });
    expect(findQuantities('Costs rose, in 2019 dollars, for each shelter.').find((q) => q.raw === '2019')?.unit).not.toBe('usd');
  });
});

describe('a quantity starts at a word’s start or a digit', () => {
  test('the end of another word is no number word: "written thousands" is not "ten thousand"', () => {
    expect(only('A judge has written thousands of rulings on migrant children.')).toMatchObject({ raw: 'thousands', low: 1_000, high: 9_999 });
    expect(only('Often hundreds of children wait at the border.')).toMatchObject({ raw: 'hundreds', low: 100, high: 999 });
  });

  test('digits still start anywhere, so a fiscal year glued to its letters is read as a year', () => {
    expect(findQuantities('In FY2019 agents apprehended 76,020 children.').map((q) => q.raw)).toEqual(['FY2019', '76,020']);
  });
});
