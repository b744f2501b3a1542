import { describe, expect, test } from 'vitest';
import { analyzePassages, createContentRequestListener, pageSettings, WARM_UP_DOCUMENT } from '../../lib/engine-host';
import { findClaimsInDocument } from '../../lib/engine/document';
import { readAnalyzeReply } from '../../entrypoints/content/inbox';
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

describe('what the page gets beside the claims', () => {
  const SERIES_TEXT = 'Border Patrol agents apprehended 76,020 unaccompanied children at the southwest border in FY2019.';

  test('the compared measure’s series, oldest first, and the presentation levels', () => {
    const reply = analyzePassages([{ id: 'a', text: SERIES_TEXT }], DEFAULT_SETTINGS);
    const claim = reply.results[0]!.claims[0]!;
    const measure = claim.comparison!.measure;
    const points = reply.metrics![claim.metric]!.series![measure]!;
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.map((p) => p.from)).toEqual([...points.map((p) => p.from)].sort());
    expect(points.some((p) => p.figureId === claim.comparison!.figureId)).toBe(true);
    expect(reply.presentation).toMatchObject({ uncertainBelow: expect.any(Number), caveatsShown: expect.any(Number) });
    // The page's reader keeps them.
    const read = readAnalyzeReply(JSON.parse(JSON.stringify(reply)));
    expect(read?.metrics?.[claim.metric]?.series?.[measure]).toEqual(points);
    expect(read?.presentation).toEqual(reply.presentation);
    // A malformed series drops that summary, not the claims.
    const bad = { ...reply, metrics: { [claim.metric]: { ...reply.metrics![claim.metric]!, series: { [measure]: [{ number: 'x' }] } } } };
    const readBad = readAnalyzeReply(JSON.parse(JSON.stringify(bad)));
    expect(readBad?.metrics?.[claim.metric]).toBeUndefined();
    expect(readBad?.results[0]!.claims).toHaveLength(1);
  });

  test('the page’s date resolves relative periods', async () => {
    const text = 'Border Patrol agents apprehended 76,020 unaccompanied children at the southwest border last fiscal year.';
    const { listener } = host();
    const reply = (await listener({ type: 'analyze', passages: [{ id: 'a', text }], pageDate: '2019-11-02' }, { tab: { url: 'https://news.example/x' } } as never)) as ReturnType<typeof analyzePassages>;
    const claim = reply.results[0]!.claims[0]!;
    expect(claim.period).toMatchObject({ kind: 'relative', from: '2018-10-01', to: '2019-09-30' });
    expect(claim.comparison?.periodMatch).toBe('same');
    const undated = analyzePassages([{ id: 'a', text }], DEFAULT_SETTINGS).results[0]!.claims[0]!;
    expect(undated.period).toBeNull();
  });

  test('warm-engine answers at once, and its text reaches every stage of the engine (a claim with a comparison)', async () => {
    const { listener } = host();
    expect(await listener({ type: 'warm-engine' })).toEqual({ ok: true });
    const claims = findClaimsInDocument(WARM_UP_DOCUMENT, { sensitivity: 'balanced' }).flat();
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.some((c) => c.comparison)).toBe(true);
  });
});
