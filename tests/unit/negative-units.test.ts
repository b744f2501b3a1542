// A negative cue may hold for one unit only: the number of people a survey
// interviewed is its sample, a share of them is its finding. Sentences written
// for these tests.
import { describe, expect, test } from 'vitest';
import { findClaims } from '../../lib/engine/index';
import { PATTERNS } from '../../rules/patterns';

const over = (text: string, raw: string) => findClaims(text, { sensitivity: 'broad' }).filter((c) => c.number.raw.includes(raw));

describe('negatives by unit', () => {
  test('the sample rule is limited to counts', () => {
    const rule = PATTERNS.negatives.find((r) => r.id === 'negative.methodology.sample');
    expect(rule?.units).toEqual(['count']);
  });

  test('a count of people interviewed is no claim', () => {
    expect(over('Researchers interviewed 900 migrant children in shelters along the border.', '900')).toHaveLength(0);
  });

  test('a share of the children interviewed can be one', () => {
    expect(over('Of the migrant children interviewed in shelters, 62 percent said a smuggler had threatened them.', '62 percent')).toHaveLength(1);
  });
});
