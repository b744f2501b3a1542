// The engine against random and hostile text: whatever a web page holds, it
// never throws, every Claim it returns fits the contract and slices back to
// its own text, and the same input gives the same answer twice.
// Fixed seeds and bounded runs: the same cases on every machine.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Claim, METRIC_IDS, SENSITIVITIES, type MetricId } from '../../lib/contract';
import { findClaims, type EngineOptions } from '../../lib/engine';

const SEED = 20_260_107;

/** Everything a caller may rely on, checked on one input. Returns the claims for further checks. */
function checkEngine(text: string, options: EngineOptions = {}): Claim[] {
  const claims = findClaims(text, options);
  expect(Array.isArray(claims)).toBe(true);
  for (const claim of claims) {
    const parsed = Claim.safeParse(claim);
    if (!parsed.success) throw new Error(`invalid Claim ${JSON.stringify(claim)}: ${parsed.error.message}`);
    expect(claim.start).toBeLessThanOrEqual(claim.end);
    expect(claim.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(claim.start, claim.end)).toBe(claim.text);
    expect(claim.sensitivity).toBe(options.sensitivity ?? 'balanced');
    if (options.disabledMetrics) expect(options.disabledMetrics).not.toContain(claim.metric);
  }
  expect(findClaims(text, options)).toEqual(claims);
  return claims;
}

// ---- the pieces of hostile text -------------------------------------------

const small = fc.integer({ min: 0, max: 999 });
const numberShapes: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.integer({ min: 0, max: 2_000_000_000 }).map((n) => n.toLocaleString('en-US')),
  fc.double().map(String), // NaN, Infinity, -0, 5e-324, 1.7976931348623157e+308…
  fc.integer({ min: 0, max: 150 }).map((n) => `${n}%`),
  fc.tuple(small, fc.constantFrom(' thousand', ' million', ' billion', 'k', 'm', 'bn', ' percent', ' per cent')).map(([n, u]) => `${n}${u}`),
  fc.tuple(small, small).map(([a, b]) => `$${a},${String(b).padStart(3, '0')}`),
  fc.tuple(small, small, fc.constantFrom('-', '–', ' to ', ' and ', '/', '.', ',', '..')).map(([a, b, s]) => `${a}${s}${b}`),
  fc.constantFrom(
    'half a million', 'one in three', 'tens of thousands', 'hundreds of thousands', 'two-thirds', 'a dozen',
    '1e308', '-0', '0x1F', '٣٠٠٬٠٠٠', '１２３,４５６', '½', 'Ⅻ', '9'.repeat(300), '1,2,3,4,5,6', '00000000000001',
    '1.2.3.4', ',,,', '$', '%', '$-', '-$5', '$1.5bn', '75 %', '3/4ths', '1,00,000', '12,34', '1 000 000', '85.000',
  ),
);

const domainWords = fc.constantFrom(
  'children', 'child', 'migrant', 'unaccompanied', 'minors', 'trafficked', 'trafficking', 'smuggled', 'missing',
  'lost track of', 'HHS', 'CBP', 'ORR', 'ICE', 'border', 'cartels', 'victims', 'sponsors', 'encountered',
  'released', 'forced labor', 'per child', 'officials said', 'according to the ILO', 'U.S.', 'fiscal 2022',
);
const plainWords = fc.constantFrom('the', 'a', 'of', 'in', 'were', 'said', 'report', 'year', 'town', 'library', 'Sen.', 'etc.');

const adversarial: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'الأطفال المهاجرين', 'ילדים נעדרים', '\u202e85,000 children\u202c', '\u200f', '\u061c',
    '👨‍👩‍👧‍👦', '🇺🇸', '🧒🏽', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad',
    '<img src=x onerror="window.__pwned=1">', '</p><script>alert(1)</script>', '&amp;lt;', '<!--', ']]>',
    '"', '“', '‘', "'", '«', '(((', ')))', '[', '{', '\\', '`',
    '\ud800', '\udc00', '\udbff\udfff', 'e\u0301', '\u0000', '\u0007', '\u0085', '\u2028', '\u2029',
    '...', '…', '!?!', '\n', '\n\n', '\r\n', '\t', ' - ', '• ', '— ', '; ', ': ',
  ),
  fc.nat(20_000).map((n) => 'w'.repeat(n)), // very long words
  fc.string({ unit: 'binary', maxLength: 40 }), // any code points, lone surrogates included
);

const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '. ', ', ', '; ', '\u00a0');

/** Text made of the pieces above, in random order and proportion. */
const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(
        { arbitrary: numberShapes, weight: 3 },
        { arbitrary: domainWords, weight: 4 },
        { arbitrary: plainWords, weight: 2 },
        { arbitrary: adversarial, weight: 3 },
      ),
      separator,
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.map(([word, sep]) => word + sep).join(''));

/** Claim-like sentences with hostile text spliced in anywhere. */
const CLAIM_SENTENCES = [
  'HHS lost track of 85,000 migrant children, officials said.',
  'Cartels trafficked 300,000 children across the border last year.',
  'CBP encountered 152,057 unaccompanied minors at the southwest border in fiscal 2022.',
  '75% of unaccompanied minors are victims of trafficking.',
  'Smugglers charge families as much as $10,000 per child for the journey.',
  'Some 27.6 million people were in forced labour worldwide, according to the ILO.',
];
const splicedClaims: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...CLAIM_SENTENCES), fc.nat(200), fc.oneof(adversarial, numberShapes, separator)), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) =>
    parts
      .map(([sentence, at, inserted]) => {
        const i = at % (sentence.length + 1);
        return sentence.slice(0, i) + inserted + sentence.slice(i);
      })
      .join(' '),
  );

const options: fc.Arbitrary<EngineOptions> = fc.record(
  {
    sensitivity: fc.constantFrom(...SENSITIVITIES),
    disabledMetrics: fc.subarray([...METRIC_IDS] as MetricId[]),
  },
  { requiredKeys: ['sensitivity'] },
);

// ---- properties -------------------------------------------------------------

describe('random and hostile text', () => {
  test('mixed numbers, domain words, unicode, markup, quotes and surrogates', () => {
    fc.assert(
      fc.property(hostileText, options, (text, opts) => {
        checkEngine(text, opts);
      }),
      { seed: SEED, numRuns: 1_500 },
    );
  });

  test('claim sentences with hostile text spliced into them', () => {
    let found = 0;
    fc.assert(
      fc.property(splicedClaims, options, (text, opts) => {
        found += checkEngine(text, opts).length;
      }),
      { seed: SEED + 1, numRuns: 800 },
    );
    // The generator exercises the claim paths, not only the early exits.
    expect(found).toBeGreaterThan(100);
  });

  test('any string at all (binary code points, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 40 }), options, (text, inner, opts) => {
        checkEngine(text, opts);
        // The same string around and inside a claim, past the prefilter.
        checkEngine(`${text} HHS lost track of 85,000 ${inner} migrant children ${inner}. ${text}`, opts);
      }),
      { seed: SEED + 2, numRuns: 1_000 },
    );
  });

  test('many sentences in one passage', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...CLAIM_SENTENCES), splicedClaims), { minLength: 50, maxLength: 300 }), (sentences) => {
        checkEngine(sentences.join(' '));
      }),
      { seed: SEED + 3, numRuns: 10 },
    );
  });
});

// Numbers past the range of a double (more than 308 digits) are checked on their own
// below: the shapes above stay within it so that one defect fails one test.
test('a number too large for a double gives a Claim with finite numbers (value null, never Infinity)', () => {
  const text = `HHS lost track of ${'9'.repeat(400)} migrant children, officials said.`;
  const claims = checkEngine(text);
  expect(claims.length).toBeGreaterThan(0);
});

describe('1 MB single lines', () => {
  const MB = 1_000_000;
  const fill = (unit: string, length = MB) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

  test.each([
    ['digits', fill('9')],
    ['one long word', `85,000 children ${fill('w')}`],
    ['one word repeated', fill('trafficking ')],
    ['emoji', `85,000 children ${fill('👨‍👩‍👧‍👦')}`],
    ['zero-width characters', `85,000 children ${fill('\u200b\u200c\u200d\ufeff')}`],
    ['right-to-left text', fill('الأطفال المهاجرين 85,000 ')],
    ['lone surrogates', `85,000 children ${fill('\ud800x\udc00 ')}`],
    ['unbalanced quotes and brackets', `85,000 children ${fill('"“‘«((([{ ')}`],
  ])('%s', (_name, text) => {
    expect(text.length).toBeGreaterThanOrEqual(MB);
    expect(text).not.toContain('\n');
    checkEngine(text);
  });

  test('claim-dense sentences, no line break: finishes (time printed)', () => {
    const text = fill(`${CLAIM_SENTENCES.join(' ')} `);
    expect(text).not.toContain('\n');
    const start = performance.now();
    const claims = findClaims(text);
    const ms = performance.now() - start;
    console.log(`claim-dense 1 MB line: ${claims.length} claims in ${Math.round(ms)} ms`);
    expect(claims.length).toBeGreaterThan(10_000);
    for (const claim of claims) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
  });

  // Without a full stop this is one "sentence" of 170,000 numbers: the splitter cuts it
  // into bounded pieces, so the work stays linear.
  test('one sentence of numbers and a topic word, no full stop', () => {
    checkEngine(`children ${fill('1,234 ')}`);
  });

  test('markup-like claim text, no line break (1 MB)', () => {
    const text = fill('<p class="x">85,000 children <img src=x onerror=alert(1)></p>', 1_000_000);
    const claims = checkEngine(text);
    expect(claims.length).toBeGreaterThan(100);
    for (const claim of claims) expect(claim.text).not.toMatch(/[<>]/);
  });
});
