import { describe, expect, test } from 'vitest';
import { analyzePassages, createContentRequestListener, pageSettings } from '../../lib/engine-host';
import { findClaims } from '../../lib/engine';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';

const TEXT = 'Border agents encountered 152,057 unaccompanied children at the southwest border in fiscal 2022.';

function host(initial: Settings = DEFAULT_SETTINGS) {
  let stored = initial;
  const listener = createContentRequestListener({
    load: async () => stored,
    update: async (change) => (stored = change(stored)),
  });
  return { listener, current: () => stored };
}

describe('engine host', () => {
  test('analyze runs the engine with the stored sensitivity and disabled metrics', async () => {
    const expected = findClaims(TEXT, { sensitivity: 'balanced' });
    const { listener } = host();
    const reply = (await listener({ type: 'analyze', passages: [{ id: 'a', text: TEXT }] }, { tab: { url: 'https://news.example/x' } } as never)) as ReturnType<typeof analyzePassages>;
    expect(reply.results).toEqual([{ id: 'a', claims: expected }]);
    for (const claim of expected) expect(reply.metrics?.[claim.metric]?.shortName).toBeTruthy();

    const off = analyzePassages([{ id: 'a', text: TEXT }], { ...DEFAULT_SETTINGS, disabledMetrics: expected.map((c) => c.metric) });
    expect(off.results[0]!.claims).toEqual([]);
  });

  test('a switched-off site gets no claims; disable-site adds the host', async () => {
    const { listener, current } = host();
    await listener({ type: 'disable-site', host: 'news.example' });
    expect(current().disabledSites).toEqual(['news.example']);
    const reply = await listener({ type: 'analyze', passages: [{ id: 'a', text: TEXT }] }, { tab: { url: 'https://news.example/x' } } as never);
    expect(reply).toEqual({ results: [] });
    expect(await listener({ type: 'page-settings', host: 'news.example' })).toMatchObject({ active: false });
    expect(await listener({ type: 'page-settings', host: 'other.example' })).toMatchObject({ active: true });
  });

  test('other and malformed messages are left alone', () => {
    const { listener } = host();
    expect(listener({ type: 'claims-count', count: 3 })).toBeUndefined();
    expect(listener({ type: 'analyze', passages: 'nope' })).toBeUndefined();
    expect(listener('analyze')).toBeUndefined();
  });

  test('the page settings key changes with what changes the engine’s answer only', () => {
    const base = pageSettings(DEFAULT_SETTINGS, 'a.example');
    expect(pageSettings({ ...DEFAULT_SETTINGS, highlightStyle: 'underline' }, 'a.example').analysisKey).toBe(base.analysisKey);
    expect(pageSettings({ ...DEFAULT_SETTINGS, sensitivity: 'strict' }, 'a.example').analysisKey).not.toBe(base.analysisKey);
  });
});

describe('rule packs in analysis', () => {
  test('an enabled pack changes what the engine finds; a disabled one does not', () => {
    const text = 'The Northland registry counted 4,400 children in its annual tally.';
    const pack = {
      name: 'Northland registry',
      topics: [{ id: 'topic.northland', topic: 'agency' as const, weight: 3, terms: ['northland registry'] }],
      metricCues: [{ id: 'metric.northland', metric: 'victim_identifications' as const, weight: 8, terms: ['northland registry'] }],
    };
    const stored = { id: 'p1', enabled: true, importedAt: '2026-01-01T00:00:00.000Z', pack };
    const metricsWith = (enabled: boolean) =>
      analyzePassages([{ id: 'a', text }], { ...DEFAULT_SETTINGS, rulePacks: [{ ...stored, enabled }] }).results[0]!.claims.map(
        (c) => c.metric,
      );
    expect(metricsWith(true)).toContain('victim_identifications');
    expect(metricsWith(false)).not.toContain('victim_identifications');
  });
});
