import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  MAX_PACK_BYTES,
  formatPath,
  nestingDepth,
  parseRulePack,
  rulePackId,
  withRulePack,
  withRulePackEnabled,
  withoutRulePack,
} from '../../lib/settings/rule-packs';
import { DEFAULT_SETTINGS, LIST_LIMITS, Settings } from '../../lib/settings/schema';
import { findClaims } from '../../lib/engine';

const exampleText = readFileSync(new URL('./fixtures/example-rule-pack.json', import.meta.url), 'utf8');
const example = JSON.parse(exampleText);

function errorsOf(text: string): string[] {
  const result = parseRulePack(text);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors;
}
const withChange = (change: (pack: any) => void): string => {
  const pack = structuredClone(example);
  change(pack);
  return JSON.stringify(pack);
};

describe('valid packs', () => {
  test('a pack written before figures named their measure and period still loads; its figure is not compared', () => {
    const older = withChange((pack) => {
      for (const { figure } of pack.figures) {
        delete figure.measure;
        delete figure.periodStart;
        delete figure.periodEnd;
      }
    });
    const result = parseRulePack(older);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = 'The UNODC report found that 38 per cent of detected trafficking victims were children.';
    const current = parseRulePack(exampleText);
    if (!current.ok) throw new Error('the example pack must pass');
    const withOlder = findClaims(text, { packs: [result.pack] });
    const withCurrent = findClaims(text, { packs: [current.pack] });
    expect(withOlder.map((c) => c.metric)).toEqual(withCurrent.map((c) => c.metric));
    // Only the pack figure with its exact period can stand beside the claim.
    for (const claim of withOlder) expect(claim.comparison?.figureId).not.toBe(example.figures[0].figure.id);
  });

  test('the example pack passes and comes back as data', () => {
    const result = parseRulePack(exampleText);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.pack.name).toBe('UNODC report wording');
      expect(result.pack.metricCues?.[0]?.terms).toContain('glotip');
      expect(result.pack.figures?.[0]?.figure.publisher).toBe('UNODC');
    }
  });

  test('a byte-order mark in front is ignored', () => {
    expect(parseRulePack(`\uFEFF${exampleText}`).ok).toBe(true);
  });

  test('a minimal pack: a name and one negative rule', () => {
    const text = JSON.stringify({ name: 'Sports', negatives: [{ id: 'sports.points', reason: 'scores', terms: ['points'] }] });
    expect(parseRulePack(text).ok).toBe(true);
  });
});

describe('invalid packs: errors name the path and the problem', () => {
  test('not JSON', () => {
    expect(errorsOf('{"name": "x",')[0]).toMatch(/^pack: not valid JSON/);
  });

  test('not an object', () => {
    expect(errorsOf('[1, 2]')).toEqual(['pack: expected a JSON object with a "name" and lists of rules']);
    expect(errorsOf('"text"')[0]).toMatch(/expected a JSON object/);
  });

  test('empty file', () => {
    expect(errorsOf('   ')).toEqual(['pack: the file is empty']);
  });

  test('a bad term is named by its index', () => {
    const errors = errorsOf(withChange((p) => (p.metricCues[0].terms = ['fine', 'UPPER case'])));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^metricCues\[0\]\.terms\[1\]: a term is lowercase words/);
  });

  test('missing fields are reported as required', () => {
    const errors = errorsOf(withChange((p) => delete p.figures[0].figure.url));
    expect(errors).toEqual(['figures[0].figure.url: required']);
    expect(errorsOf(JSON.stringify({ topics: [] }))).toContain('name: required');
  });

  test('wrong types and unknown metrics', () => {
    const errors = errorsOf(
      withChange((p) => {
        p.metricCues[0].weight = 'heavy';
        p.metricCues[0].metric = 'made_up';
        p.figures[0].figure.number = '38';
      }),
    );
    expect(errors).toContain('metricCues[0].weight: expected number, received string');
    expect(errors.find((e) => e.startsWith('metricCues[0].metric: expected one of'))).toBeDefined();
    expect(errors).toContain('figures[0].figure.number: expected number, received string');
  });

  test('unknown top-level fields are named', () => {
    expect(errorsOf(withChange((p) => (p.metricCue = [])))).toEqual(['metricCue: unknown field']);
  });

  test('links must be web links', () => {
    const errors = errorsOf(withChange((p) => (p.figures[0].figure.url = 'javascript:alert(1)')));
    expect(errors).toEqual(['figures[0].figure.url: must start with https:// or http://']);
  });

  test('duplicate ids, an empty range and an empty pack', () => {
    expect(
      errorsOf(withChange((p) => p.metricCues.push(structuredClone(p.metricCues[0])))),
    ).toEqual(['metricCues[1].id: "pack.unodc.glotip" is used twice']);
    const anchor = { id: 'a', metric: 'other', low: 10, high: 5, unit: 'count', predicates: ['other'], weight: 1, why: 'test' };
    expect(errorsOf(withChange((p) => (p.anchors = [anchor])))).toEqual(['anchors[0].low: is greater than high (5)']);
    expect(errorsOf(JSON.stringify({ name: 'Nothing' }))[0]).toMatch(/^pack: holds no rules or figures/);
  });

  test('many errors are capped with a count of the rest', () => {
    const errors = errorsOf(withChange((p) => (p.metricCues[0].terms = Array.from({ length: 50 }, () => 'BAD'))));
    expect(errors).toHaveLength(21);
    expect(errors[20]).toBe('… and 30 more problems');
  });
});

describe('hostile packs', () => {
  test('too large: refused before parsing', () => {
    const huge = JSON.stringify({ name: 'big', description: 'x'.repeat(MAX_PACK_BYTES) });
    expect(errorsOf(huge)).toEqual(['pack: larger than the 256 kB limit for rule packs']);
  });

  test('the size limit counts UTF-8 bytes, not characters', () => {
    const text = JSON.stringify({ name: 'wide', description: '€'.repeat(100_000) }); // ~300 kB in UTF-8
    expect(text.length).toBeLessThan(MAX_PACK_BYTES);
    expect(errorsOf(text)[0]).toMatch(/larger than/);
  });

  test('deeply nested: refused before parsing', () => {
    const deep = `{"name":"deep","topics":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(deep.length).toBeLessThan(MAX_PACK_BYTES);
    expect(errorsOf(deep)[0]).toMatch(/^pack: nested more than 8 levels/);
  });

  test('brackets inside strings do not count as nesting', () => {
    expect(nestingDepth('{"a": "[[[[[[[[[[[[[[[[[[[[\\"[[[[["}')).toBe(1);
    expect(nestingDepth('{"a": [[{"b": []}]]}')).toBe(5);
  });

  test.each(['__proto__', 'constructor', 'prototype'])('the key %s is refused wherever it appears', (key) => {
    const top = `{"name":"x","${key}":{"polluted":true},"negatives":[{"id":"a","reason":"r","terms":["x"]}]}`;
    expect(errorsOf(top)).toEqual([`${key}: the key "${key}" is not allowed`]);
    const nested = withChange((p) => (p.figures[0].figure = JSON.parse(`{"${key}": {"polluted": true}}`)));
    expect(errorsOf(nested)).toEqual([`figures[0].figure.${key}: the key "${key}" is not allowed`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('wrong types everywhere never throw', () => {
    for (const text of ['null', 'true', '0', '{"name": {}}', '{"name":"x","topics":{"0":1}}', '{"name":"x","figures":[null]}']) {
      expect(parseRulePack(text).ok).toBe(false);
    }
    expect(parseRulePack(undefined as unknown as string)).toEqual({ ok: false, errors: ['pack: expected the text of a JSON file'] });
  });

  test('a failed import leaves the settings as they were', () => {
    const before = structuredClone(DEFAULT_SETTINGS);
    parseRulePack('{"name": 1}');
    expect(DEFAULT_SETTINGS).toEqual(before);
  });
});

describe('managing packs in settings', () => {
  const pack = (() => {
    const result = parseRulePack(exampleText);
    if (!result.ok) throw new Error('example pack invalid');
    return result.pack;
  })();
  const at = new Date('2025-01-02T03:04:05.000Z');

  test('adding, switching off and removing a pack', () => {
    const added = withRulePack(DEFAULT_SETTINGS, pack, at);
    if (!added.ok) throw new Error(added.error);
    expect(added.replaced).toBe(false);
    expect(added.settings.rulePacks).toEqual([
      { id: 'unodc-report-wording', enabled: true, importedAt: '2025-01-02T03:04:05.000Z', pack },
    ]);
    expect(Settings.safeParse(added.settings).success).toBe(true);

    const off = withRulePackEnabled(added.settings, 'unodc-report-wording', false);
    expect(off.rulePacks[0]?.enabled).toBe(false);
    expect(withoutRulePack(off, 'unodc-report-wording').rulePacks).toEqual([]);
  });

  test('importing a pack with the same name replaces it', () => {
    const first = withRulePack(DEFAULT_SETTINGS, pack, at);
    if (!first.ok) throw new Error(first.error);
    const second = withRulePack(first.settings, { ...pack, description: 'v2' }, at);
    expect(second.ok && second.replaced).toBe(true);
    if (second.ok) expect(second.settings.rulePacks.map((p) => p.pack.description)).toEqual(['v2']);
  });

  test('the number of packs is limited', () => {
    let settings = DEFAULT_SETTINGS;
    for (let i = 0; i < LIST_LIMITS.rulePacks; i++) {
      const added = withRulePack(settings, { ...pack, name: `Pack ${i}` }, at);
      if (!added.ok) throw new Error(added.error);
      settings = added.settings;
    }
    const over = withRulePack(settings, { ...pack, name: 'One too many' }, at);
    expect(over).toEqual({ ok: false, error: `At most ${LIST_LIMITS.rulePacks} rule packs can be kept; remove one first.` });
  });

  test('ids come from names', () => {
    expect(rulePackId({ ...pack, name: '  Café Wörds & Things!! ' })).toBe('cafe-words-things');
    expect(rulePackId({ ...pack, name: '!!!' })).toBe('pack');
  });

  test('formatPath', () => {
    expect(formatPath(['metricCues', 3, 'terms', 0])).toBe('metricCues[3].terms[0]');
    expect(formatPath([])).toBe('pack');
  });
});
