// The background's answer to a page read as a document: one claims array per
// block, as findClaimsInDocument gives them; nothing for a switched-off site;
// the settings key the claims were found with, so a page can tell they are stale.
import { expect, test } from 'vitest';
import { createContentRequestListener, pageSettings } from '../../lib/engine-host';
import { findClaimsInDocument } from '../../lib/engine/document';
import type { DocumentInput } from '../../lib/contract';
import type { DocumentReply } from '../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';

const DOC: DocumentInput = {
  title: 'Arrivals',
  date: '2026-03-04',
  blocks: [
    { text: 'At the border', kind: 'heading', level: 2 },
    { text: 'The figures come from the agency’s monthly release.', kind: 'paragraph' },
    { text: 'Border agents encountered 152,057 unaccompanied children at the southwest border in fiscal 2022.', kind: 'paragraph' },
  ],
};

function listenerWith(settings: Settings) {
  return createContentRequestListener({ load: async () => settings, update: async (change) => change(settings) });
}

const sender = { tab: { url: 'https://news.example/story' } } as never;

test('claims per block, as findClaimsInDocument finds them, with the metrics they name and the settings key', async () => {
  const reply = (await listenerWith(DEFAULT_SETTINGS)({ type: 'analyze-document', document: DOC }, sender)) as DocumentReply;
  const expected = findClaimsInDocument(DOC, { sensitivity: DEFAULT_SETTINGS.sensitivity });
  expect(expected[2]!.length).toBeGreaterThan(0);
  expect(reply.claims).toEqual(expected);
  expect(reply.active).toBe(true);
  expect(reply.analysisKey).toBe(pageSettings(DEFAULT_SETTINGS, 'news.example').analysisKey);
  for (const claim of expected.flat()) expect(reply.metrics[claim.metric]?.shortName).toBeTruthy();
});

test('a switched-off site gets an empty answer of the right length, marked inactive', async () => {
  const off = { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] };
  const reply = (await listenerWith(off)({ type: 'analyze-document', document: DOC }, sender)) as DocumentReply;
  expect(reply).toMatchObject({ claims: [[], [], []], metrics: {}, active: false });
});

test('a document that does not fit the schema is left alone', () => {
  const listener = listenerWith(DEFAULT_SETTINGS);
  expect(listener({ type: 'analyze-document', document: { blocks: [{ text: 'x', kind: 'chapter' }] } }, sender)).toBeUndefined();
  expect(listener({ type: 'analyze-document', document: { ...DOC, date: 'March 4' } }, sender)).toBeUndefined();
});

test('the screen says whether any claim is found, with the same settings; nothing is looked for on a switched-off site', async () => {
  const listener = listenerWith(DEFAULT_SETTINGS);
  expect(await listener({ type: 'screen-document', document: DOC }, sender)).toEqual({ found: true, active: true });
  const weather: DocumentInput = { blocks: [{ text: 'Border towns saw 21 degrees and sun on Monday.', kind: 'paragraph' }] };
  expect(await listener({ type: 'screen-document', document: weather }, sender)).toEqual({ found: false, active: true });
  // Every metric switched off: the same document holds no claim for this user.
  const none = { ...DEFAULT_SETTINGS, disabledMetrics: [...new Set(findClaimsInDocument(DOC, {}).flat().map((c) => c.metric))] };
  expect(await listenerWith(none)({ type: 'screen-document', document: DOC }, sender)).toEqual({ found: false, active: true });
  const off = { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] };
  expect(await listenerWith(off)({ type: 'screen-document', document: DOC }, sender)).toEqual({ found: false, active: false });
});
