// The content script's cheap gate must never drop what the engine could find:
// every topic term in the rules passes it.
import { describe, expect, test } from 'vitest';
import { mayHoldClaim, QUANTITY_HINT, TOPIC_HINT } from '../../lib/engine/prefilter';
import { PATTERNS } from '../../rules/patterns';

describe('prefilter', () => {
  test('every topic term of the rules passes the topic gate', () => {
    const missed = PATTERNS.topics.flatMap((r) => r.terms.map((t) => t.replace(/\*/g, ''))).filter((t) => !TOPIC_HINT.test(t));
    expect(missed).toEqual([]);
  });

  test('a quantity and a topic are both needed', () => {
    expect(mayHoldClaim('Agents encountered 9,000 children.')).toBe(true);
    expect(mayHoldClaim('Agents encountered many children.')).toBe(false);
    expect(mayHoldClaim('The index rose 9,000 points.')).toBe(false);
    expect(QUANTITY_HINT.test('tens of thousands')).toBe(true);
    // An order of magnitude glued to "multi" still counts as a quantity.
    expect(mayHoldClaim('Smuggling children across the border is a multibillion-dollar trade.')).toBe(true);
    expect(QUANTITY_HINT.test('a multimillion contract')).toBe(true);
    // ORR's own word for the children it receives, and the exploiter of a sex-trafficking victim.
    expect(mayHoldClaim('Referrals reached 12,000 in the spring.')).toBe(true);
    expect(mayHoldClaim('Most were advertised by their pimps, 70 percent online.')).toBe(true);
  });
});
