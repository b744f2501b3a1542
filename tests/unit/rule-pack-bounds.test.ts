// Rule packs cannot make the engine slow: a term is words, never a regex, so
// a "catastrophic" pattern is refused by the schema, and the largest pack the
// schema allows is validated and applied in bounded time (figures printed).
import { describe, expect, test } from 'vitest';
import { Claim } from '../../lib/contract';
import { findClaims } from '../../lib/engine';
import { MAX_PACK_BYTES, parseRulePack } from '../../lib/settings/rule-packs';
import { RulePack } from '../../rules/schema';

const packWithTerm = (term: string) =>
  JSON.stringify({
    name: 'Regex attempt',
    metricCues: [{ id: 'pack.regex', metric: 'hotline_reports', weight: 4, terms: ['hotline calls', term] }],
  });

describe('regex-like terms', () => {
  test.each(['(a+)+$', '(x|x)*y', '.*.*.*=', '[a-z]+', 'a{1,99999}', '^children', 'traffick\\w+', '(?=a)'])(
    '%s is refused with the path of the term',
    (term) => {
      const result = parseRulePack(packWithTerm(term));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(/^metricCues\[0\]\.terms\[1\]: a term is lowercase words/);
    },
  );

  test("the characters a term may hold ($ % ' . & - *) are matched literally, word by word", () => {
    const text = 'The hotline received 5,000 reports about children in 2023; aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!';
    const terms = ['a.a.a.a', '$$$', '%', '...', "a'a'a'a", 'a&a', 'zz*', 'a-a-a-a-a', '5,000'.replace(',', '.')];
    const result = parseRulePack(JSON.stringify({ name: 'Odd', negatives: [{ id: 'odd', reason: 'odd terms', terms }] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const withPack = findClaims(text, { packs: [result.pack] });
    for (const claim of withPack) expect(Claim.safeParse(claim).success).toBe(true);
    // None of these reads as a wildcard: the claim is judged as it is without the pack.
    expect(withPack).toEqual(findClaims(text));
    expect(withPack.length).toBeGreaterThan(0);
  });
});

describe('the largest pack the schema allows: 200 rules × 500 long terms', () => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  /** A distinct 8-word, 79-character term for rule r, term t (no two words alike). */
  const term = (r: number, t: number) =>
    Array.from({ length: 8 }, (_, w) => {
      const n = r * 500 * 8 + t * 8 + w;
      const digits = [1, 26, 676, 17_576, 456_976].map((base) => letters[Math.floor(n / base) % 26]);
      return `${digits.join('')}zzzz`;
    }).join(' ');
  const data = {
    name: 'Huge',
    metricCues: Array.from({ length: 200 }, (_, r) => ({
      id: `pack.huge.${r}`,
      metric: 'hotline_reports',
      weight: 10,
      terms: Array.from({ length: 500 }, (_, t) => term(r, t)),
    })),
  };

  test('is validated, refused at import for its size with a clear message, and applied in bounded time', () => {
    expect(term(199, 499).length).toBeLessThanOrEqual(80);
    const json = JSON.stringify(data);

    let start = performance.now();
    const parsed = RulePack.safeParse(data);
    const validateMs = performance.now() - start;
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;

    // The import path turns it away before parsing: it is far over the size limit.
    start = performance.now();
    const imported = parseRulePack(json);
    const importMs = performance.now() - start;
    expect(imported).toEqual({ ok: false, errors: [`pack: larger than the ${MAX_PACK_BYTES / 1024} kB limit for rule packs`] });

    // Applied directly (as if it had been stored): the first call compiles 100,000 terms.
    const cue = term(137, 421);
    const text = `HHS lost track of 85,000 migrant children, officials said. The hotline logged 5,000 reports about children, the ${cue} said.`;
    start = performance.now();
    const first = findClaims(text, { packs: [parsed.data] });
    const compileMs = performance.now() - start;
    start = performance.now();
    const again = findClaims(text, { packs: [parsed.data] });
    const cachedMs = performance.now() - start;
    expect(again).toEqual(first);
    for (const claim of first) expect(Claim.safeParse(claim).success).toBe(true);
    // The pack's term was found among 100,000: the hotline claim names its rule.
    const hotline = first.find((c) => c.text.startsWith('5,000'));
    expect(hotline?.rules).toContain('pack.huge.137');
    // …and nothing else changed for the other claim.
    // (A cue in the next sentence is context for it, so its confidence may move by a hair, never its metric.)
    const plain = findClaims(text);
    const withCue = first.find((c) => c.text.startsWith('85,000'))!;
    const without = plain.find((c) => c.text.startsWith('85,000'))!;
    expect({ ...withCue, confidence: 0, alternatives: [] }).toEqual({ ...without, confidence: 0, alternatives: [] });
    expect(Math.abs(withCue.confidence - without.confidence)).toBeLessThan(0.02);

    console.log(
      `pack of 200 rules × 500 terms (${(json.length / 1e6).toFixed(1)} MB of JSON): schema ${Math.round(validateMs)} ms, ` +
        `import check ${importMs.toFixed(1)} ms, first findClaims with compile ${Math.round(compileMs)} ms, ` +
        `then ${cachedMs.toFixed(1)} ms`,
    );
  });
});
