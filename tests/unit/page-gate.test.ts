// @vitest-environment happy-dom
// The page gate in a simulated DOM, with a fake extension API that records
// every use: on a page without candidates the API is never touched; with
// candidates, one analyze-document message goes and the annotator script is
// imported only if claims come back; an API that throws (an extension
// reloaded under an open page) costs nothing and a later candidate tries again. (Real Chromium runs
// of the same paths: tests/e2e/annotate.test.ts and fixtures.test.ts.)
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { startPageGate as start, type PageGate } from '../../entrypoints/content/page-gate';

const gates: PageGate[] = [];
const startPageGate = (doc: Document) => void gates.push(start(doc));

import type { Claim, DocumentInput } from '../../lib/contract';

const calls: string[] = [];
const documents: DocumentInput[] = [];
let broken = false;
/** How the fake background answers analyze-document: a claim on every block that contains this, or none. */
let claimOn: string | null = null;

function claimFor(text: string, at: number): Claim {
  return {
    text: text.slice(at, at + claimOn!.length), start: at, end: at + claimOn!.length,
    number: { raw: '76,020', value: 76020, low: null, high: null, unit: 'count' },
    predicate: 'encountered', metric: 'cbp_uac_encounters', metricName: 'CBP encounters', confidence: 0.9,
    conflation: null, caveats: [], source: null, rules: [], sensitivity: 'balanced',
  };
}

function answer(message: { type: string; document?: DocumentInput }): Promise<unknown> {
  if (message.type !== 'analyze-document' || !message.document) return new Promise(() => {}); // no reply: the session never starts here
  documents.push(message.document);
  const claims = message.document.blocks.map((b) => {
    const at = claimOn === null ? -1 : b.text.indexOf(claimOn);
    return at < 0 ? [] : [claimFor(b.text, at)];
  });
  return Promise.resolve({ claims, metrics: {}, active: true, analysisKey: 'k' });
}

function fakeApi() {
  const use = (name: string) => {
    calls.push(name);
    if (broken) throw new Error('Extension context invalidated.');
  };
  return {
    runtime: {
      id: 'fake',
      sendMessage: (message: { type: string; document?: DocumentInput }) => {
        use(`sendMessage:${message.type}`);
        return answer(message);
      },
      getURL: (path: string) => {
        use('getURL');
        return `chrome-extension://fake${path}`;
      },
      onMessage: { addListener: () => use('onMessage') },
    },
    storage: { onChanged: { addListener: () => use('storage.onChanged') } },
  };
}

beforeEach(() => {
  calls.length = 0;
  documents.length = 0;
  performance.clearMarks();
  broken = false;
  claimOn = null;
  (globalThis as { browser?: unknown }).browser = fakeApi();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestIdleCallback', 'cancelIdleCallback'] }); // not performance: the marks are read
});

afterEach(() => {
  for (const gate of gates.splice(0)) gate.stop();
  vi.useRealTimers();
  delete (globalThis as { browser?: unknown }).browser;
  document.body.innerHTML = '';
});

async function settle(): Promise<void> {
  await vi.runAllTimersAsync(); // the idle start, the change watcher's batching
}

const CLAIM = 'Border agents encountered 76,020 unaccompanied children in fiscal 2019.';

test('a page without candidates never touches the extension API', async () => {
  document.body.innerHTML = '<p>Weather: 21 degrees and sunny.</p><p>Children love the new park.</p>';
  startPageGate(document);
  await settle();
  expect(performance.getEntriesByName('metric-lens:done').length).toBeGreaterThan(0);
  expect(calls).toEqual([]);
});

test('candidates without claims: one message, and the annotator script is never imported', async () => {
  document.body.innerHTML = `<h2>At the border</h2><p>Officials spoke on Monday.</p><p>${CLAIM}</p><p>The weather was 21 degrees.</p>`;
  startPageGate(document);
  await settle();
  expect(calls.filter((c) => c.startsWith('sendMessage'))).toEqual(['sendMessage:analyze-document']);
  expect(calls).not.toContain('getURL'); // the annotator script is never even located
  expect(calls).not.toContain('sendMessage:page-settings');
  expect(performance.getEntriesByName('metric-lens:done').length).toBeGreaterThan(0);
  // The candidate went with the block before it and its heading, in reading order, with their kinds.
  expect(documents).toHaveLength(1);
  expect(documents[0]!.blocks).toEqual([
    { text: 'At the border', kind: 'heading', level: 2 },
    { text: 'Officials spoke on Monday.', kind: 'paragraph' },
    { text: CLAIM, kind: 'paragraph' },
  ]);
});

test('claims come back: only then are the settings asked for and the annotator script located', async () => {
  claimOn = '76,020 unaccompanied children';
  document.body.innerHTML = `<p>${CLAIM}</p>`;
  startPageGate(document);
  await settle();
  const order = calls.filter((c) => c.startsWith('sendMessage') || c === 'getURL');
  expect(order[0]).toBe('sendMessage:analyze-document');
  expect(order).toContain('sendMessage:page-settings');
  expect(order).toContain('getURL');
});

test('a candidate that appears later is sent alone with its context; still no annotator without claims', async () => {
  document.body.innerHTML = '<p>Nothing to see yet.</p>';
  startPageGate(document);
  await settle();
  expect(calls).toEqual([]);
  const later = document.createElement('p');
  later.textContent = CLAIM;
  document.body.append(later);
  await settle();
  expect(calls.filter((c) => c.startsWith('sendMessage'))).toEqual(['sendMessage:analyze-document']);
  expect(calls).not.toContain('getURL');
  expect(documents[0]!.blocks.map((b) => b.text)).toEqual(['Nothing to see yet.', CLAIM]);
});

test('an API that throws is survived, and a later candidate tries again', async () => {
  document.body.innerHTML = '<p>Nothing to see yet.</p>';
  broken = true;
  startPageGate(document);
  await settle();
  expect(calls).toEqual([]);

  const first = document.createElement('p');
  first.textContent = CLAIM;
  document.body.append(first);
  await settle();
  expect(calls).toEqual(['sendMessage:analyze-document']); // threw at once; nothing else was tried

  broken = false;
  const second = document.createElement('p');
  second.textContent = CLAIM.replace('76,020', '68,541');
  document.body.append(second);
  await settle();
  expect(calls.filter((c) => c === 'sendMessage:analyze-document')).toHaveLength(2);
});

test('a candidate only in hidden text never touches the extension API', async () => {
  document.body.innerHTML = `<p style="display:none">${CLAIM}</p><p>Children love the new park.</p>`;
  startPageGate(document);
  await settle();
  expect(performance.getEntriesByName('metric-lens:done').length).toBeGreaterThan(0);
  expect(calls).toEqual([]);
});

test('a topic line and a quantity line parted only by <br> are one candidate, sent once', async () => {
  document.body.innerHTML = '<p>Unaccompanied children met at the border:<br>76,020 in fiscal 2019.</p><p>Children love the new park.</p>';
  startPageGate(document);
  await settle();
  expect(calls.filter((c) => c.startsWith('sendMessage'))).toEqual(['sendMessage:analyze-document']);
  expect(documents[0]!.blocks.map((b) => b.text)).toContain('Unaccompanied children met at the border: 76,020 in fiscal 2019.');
});
