import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, Settings, activeRulePacks } from '../../lib/settings/schema';
import { MIGRATIONS, migrateSettings, storedVersion, v0ToV1 } from '../../lib/settings/migrate';
import { describeRepair, repairSettings } from '../../lib/settings/repair';
import { parseRulePack, rulePackId } from '../../lib/settings/rule-packs';

const examplePack = (() => {
  const parsed = parseRulePack(readFileSync(new URL('./fixtures/example-rule-pack.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.pack;
})();
const storedPack = { id: rulePackId(examplePack), enabled: true, importedAt: '2025-01-01T00:00:00.000Z', pack: examplePack };

describe('settings schema', () => {
  test('defaults: on everywhere, balanced, nothing switched off, colour highlights, no packs', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      version: SETTINGS_VERSION,
      enabled: true,
      sensitivity: 'balanced',
      disabledMetrics: [],
      disabledSites: [],
      highlightStyle: 'color',
      screenReaderMarks: false,
      rulePacks: [],
    });
  });

  test('rejects values outside each field’s domain', () => {
    const bad = [
      { sensitivity: 'high' },
      { disabledMetrics: ['not_a_metric'] },
      { disabledSites: ['https://example.com'] },
      { highlightStyle: 'blink' },
      { screenReaderMarks: 'yes' },
      { enabled: 'yes' },
      { version: 2 },
    ];
    for (const change of bad) expect(Settings.safeParse({ ...DEFAULT_SETTINGS, ...change }).success).toBe(false);
  });

  test('activeRulePacks gives the enabled packs only', () => {
    const off = { ...storedPack, id: 'off', enabled: false };
    const settings = { ...DEFAULT_SETTINGS, rulePacks: [storedPack, off] };
    expect(activeRulePacks(settings)).toEqual([examplePack]);
  });
});

describe('migrations', () => {
  test('there is one migration per version step', () => {
    expect(MIGRATIONS).toHaveLength(SETTINGS_VERSION);
  });

  test('storedVersion: none means 0, a damaged number means null', () => {
    expect(storedVersion({ sensitivity: 'high' })).toBe(0);
    expect(storedVersion({ version: 1 })).toBe(1);
    expect(storedVersion({ version: '1' })).toBeNull();
    expect(storedVersion({ version: -3 })).toBeNull();
    expect(storedVersion({ version: 1.5 })).toBeNull();
  });

  test('v0 → v1 maps the old sensitivity words, the per-site map and the highlight name', () => {
    expect(
      v0ToV1({
        sensitivity: 'high',
        sites: { 'news.example.com': false, 'blog.example.org': true, 'other.net': false },
        highlight: 'yellow',
        enabled: false,
      }),
    ).toEqual({
      version: 1,
      enabled: false,
      sensitivity: 'broad',
      disabledSites: ['news.example.com', 'other.net'],
      highlightStyle: 'color',
    });
    expect(v0ToV1({ sensitivity: 'medium' }).sensitivity).toBe('balanced');
    expect(v0ToV1({ sensitivity: 'low' }).sensitivity).toBe('strict');
  });

  test('a full v0 object comes out as valid v1 settings, with a notice', () => {
    const report = repairSettings({ sensitivity: 'low', sites: { 'example.com': false }, highlight: 'underline' });
    expect(report.settings).toEqual({
      ...DEFAULT_SETTINGS,
      sensitivity: 'strict',
      disabledSites: ['example.com'],
      highlightStyle: 'underline',
    });
    expect(report.migratedFrom).toBe(0);
    expect(report.problems).toEqual([]);
    expect(describeRepair(report)).toMatch(/older version of Metric Lens/);
  });

  test('a v0 object with a damaged field is migrated and that field repaired', () => {
    const report = repairSettings({ sensitivity: 'extreme', sites: { 'Bad Host!': false, 'ok.org': false } });
    expect(report.settings.sensitivity).toBe('balanced');
    expect(report.settings.disabledSites).toEqual(['ok.org']);
    expect(report.migratedFrom).toBe(0);
    expect(report.problems).toHaveLength(2);
  });

  test('current settings pass through untouched', () => {
    const current = { ...DEFAULT_SETTINGS, sensitivity: 'strict' as const };
    expect(migrateSettings(current)).toEqual({ value: current, from: 1, migrated: false });
  });
});

describe('repair, field by field', () => {
  const good: Settings = {
    ...DEFAULT_SETTINGS,
    sensitivity: 'broad',
    disabledMetrics: ['smuggling_fees', 'hotline_reports'],
    disabledSites: ['*.example.com', 'news.test.org'],
    highlightStyle: 'underline',
    rulePacks: [storedPack],
  };

  test('nothing stored: defaults, nothing to report', () => {
    const report = repairSettings(undefined);
    expect(report).toEqual({ settings: DEFAULT_SETTINGS, fresh: true, problems: [] });
    expect(describeRepair(report)).toBeUndefined();
  });

  test('valid settings: kept as they are, nothing to report', () => {
    const report = repairSettings(good);
    expect(report.settings).toEqual(good);
    expect(report.problems).toEqual([]);
    expect(describeRepair(report)).toBeUndefined();
  });

  test.each([['a string'], [42], [null], [[1, 2, 3]], [true]])('unreadable %j: defaults and a notice', (stored) => {
    const report = repairSettings(stored);
    expect(report.settings).toEqual(DEFAULT_SETTINGS);
    expect(report.problems).toHaveLength(1);
    expect(describeRepair(report)).toMatch(/could not be read/);
  });

  test('a damaged sensitivity costs nothing else: rule packs, sites and metrics survive', () => {
    const report = repairSettings({ ...good, sensitivity: 'loud' });
    expect(report.settings).toEqual({ ...good, sensitivity: 'balanced' });
    expect(report.problems).toEqual(['Sensitivity was damaged and is back to its default (balanced).']);
  });

  test('a list keeps its valid entries and drops the damaged ones', () => {
    const report = repairSettings({
      ...good,
      disabledSites: ['*.example.com', 42, 'not a host', 'news.test.org', 'news.test.org'],
      disabledMetrics: ['smuggling_fees', 'made_up_metric', 'hotline_reports'],
      rulePacks: [storedPack, { id: 'broken', enabled: true, importedAt: 'x', pack: { name: 7 } }],
    });
    expect(report.settings).toEqual(good);
    expect(report.problems).toHaveLength(3);
    expect(report.problems.join(' ')).toMatch(/2 damaged entries, now removed; 2 entries were kept/);
  });

  test('a list that is not a list is emptied, and said so', () => {
    const report = repairSettings({ ...good, disabledSites: 'example.com' });
    expect(report.settings).toEqual({ ...good, disabledSites: [] });
    expect(report.problems[0]).toMatch(/sites .* \(string instead of a list\)/);
  });

  test('an overlong list keeps its first entries up to the limit', () => {
    const sites = Array.from({ length: 1_005 }, (_, i) => `site${i}.example.com`);
    const report = repairSettings({ ...good, disabledSites: sites });
    expect(report.settings.disabledSites).toEqual(sites.slice(0, 1_000));
    expect(report.problems[0]).toMatch(/more than 1000 entries/);
  });

  test('a damaged version number: every readable field is kept', () => {
    const report = repairSettings({ ...good, version: 'one' });
    expect(report.settings).toEqual(good);
    expect(report.problems[0]).toMatch(/version number was damaged/);
  });

  test('settings from a newer version: known fields kept, unknown ones dropped', () => {
    const report = repairSettings({ ...good, version: 7, futureOption: true });
    expect(report.settings).toEqual(good);
    expect(report.problems[0]).toMatch(/newer Metric Lens/);
  });

  test('unknown keys alone are not a problem', () => {
    const report = repairSettings({ ...good, someOtherKey: 1 });
    expect(report.settings).toEqual(good);
    expect(report.problems).toEqual([]);
  });

  test('whatever the damage, the result is valid settings (random objects)', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (stored) => {
        const { settings } = repairSettings(stored);
        expect(Settings.safeParse(settings).success).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.record({
          version: fc.oneof(fc.constant(1), fc.anything()),
          sensitivity: fc.oneof(fc.constantFrom('strict', 'balanced', 'broad'), fc.anything()),
          disabledSites: fc.oneof(fc.array(fc.oneof(fc.domain(), fc.string())), fc.anything()),
          disabledMetrics: fc.array(fc.oneof(fc.constantFrom('smuggling_fees', 'other'), fc.string())),
          highlightStyle: fc.anything(),
        }, { requiredKeys: [] }),
        (stored) => {
          const { settings } = repairSettings(stored);
          expect(Settings.safeParse(settings).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
