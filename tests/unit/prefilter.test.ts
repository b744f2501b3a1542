// The content script's cheap gate must never drop what the engine could find:
// every topic term in the rules passes it.
import { describe, expect, test } from 'vitest';
import { mayHoldClaim, QUANTITY_HINT, TOPIC_HINT } from '../../lib/engine/prefilter';
import { findClaims } from '../../lib/engine';
import { findQuantities } from '../../lib/engine/quantity';
import { PATTERNS } from '../../rules/patterns';

describe('prefilter', () => {
  test('every topic term of the rules passes the topic gate', () => {
    const missed = PATTERNS.topics.flatMap((r) => r.terms.map((t) => t.replace(/\*/g, ''))).filter((t) => !TOPIC_HINT.test(t));
    expect(missed).toEqual([]);
  });

  test('every quantity the parser reads in words passes the quantity gate', () => {
    const units = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
    const tens = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
    const phrases = [
      ...units, ...tens, ...tens.map((t) => `${t}-seven`),
      ...units.map((u) => `${u} hundred`), ...units.map((u) => `${u}fold`), 'twentyfold', 'a hundredfold',
      'a half', 'a sixth', 'an eighth', 'a tenth', 'two-fifths', 'half a million', 'a dozen', 'several dozen', 'a few hundred',
      'dozens', 'scores', 'doubling', 'tripling', 'doubled', 'twice as many', 'a billion-dollar', 'millions of dollars',
    ];
    const missed = phrases
      .map((p) => `Officials said ${p} migrant children were taken across the border.`)
      .filter((s) => findQuantities(s).length > 0 && !QUANTITY_HINT.test(s));
    expect(missed).toEqual([]);
    // The gate once stopped at "twelve": such a sentence reached no rule.
    expect(findClaims('Border agents apprehended seventeen unaccompanied children near the river last week.').map((c) => c.number.raw)).toEqual(['seventeen']);
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
