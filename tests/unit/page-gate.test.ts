// @vitest-environment happy-dom
// The page gate in a simulated DOM, with a fake extension API that records
// every use: on a page without candidates the API is never touched; with
// candidate lines, one screen-document message asks whether they hold a claim,
// and only a yes sends the careful analyze-document and imports the annotator
// script; an API that throws (an extension
// reloaded under an open page) costs nothing and a later candidate tries again. (Real Chromium runs
// of the same paths: tests/e2e/annotate.test.ts and fixtures.test.ts.)
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startPageGate as start, type PageGate } from '../../entrypoints/content/page-gate';

const gates: PageGate[] = [];
const startPageGate = (doc: Document) => void gates.push(start(doc));

import type { Claim, DocumentInput } from '../../lib/contract';

const calls: string[] = [];
const documents: DocumentInput[] = [];
/** The documents the gate screened (its rendered lines). */
const screened: DocumentInput[] = [];
let broken = false;
/** How the fake background answers analyze-document: a claim on every block that contains this, or none. */
let claimOn: string | null = null;
/** The fake background answers as for a site the user switched off. */
let siteOff = false;

function claimFor(text: string, at: number): Claim {
  return {
    text: text.slice(at, at + claimOn!.length), start: at, end: at + claimOn!.length,
    number: { raw: '76,020', value: 76020, low: null, high: null, unit: 'count' },
    predicate: 'encountered', metric: 'cbp_uac_encounters', metricName: 'CBP encounters', confidence: 0.9,
    conflation: null, caveats: [], source: null, rules: [], sensitivity: 'balanced',
  };
}

const holdsClaim = (block: { text: string }) => claimOn !== null && block.text.includes(claimOn);

function answer(message: { type: string; document?: DocumentInput }): Promise<unknown> {
  if (message.type === 'screen-document' && message.document) {
    screened.push(message.document);
    return Promise.resolve({ found: !siteOff && message.document.blocks.some(holdsClaim), active: !siteOff });
  }
  if (message.type !== 'analyze-document' || !message.document) return new Promise(() => {}); // no reply: the session never starts here
  documents.push(message.document);
  const claims = message.document.blocks.map((b) => {
    const at = claimOn === null ? -1 : b.text.indexOf(claimOn);
    return at < 0 ? [] : [claimFor(b.text, at)];
  });
  return Promise.resolve({ claims: siteOff ? claims.map(() => []) : claims, metrics: {}, active: !siteOff, analysisKey: 'k' });
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
  screened.length = 0;
  performance.clearMarks();
  broken = false;
  claimOn = null;
  siteOff = false;
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

const PAGE = `<h2>At the border</h2><p>Officials spoke on Monday.</p><p>Another line.</p><p>${CLAIM}</p><p>The weather was 21 degrees.</p>`;

test('candidates without claims: one message with the rendered lines, no careful reading, no annotator', async () => {
  document.body.innerHTML = PAGE;
  startPageGate(document);
  await settle();
  expect(calls.filter((c) => c.startsWith('sendMessage'))).toEqual(['sendMessage:screen-document']);
  expect(calls).not.toContain('getURL'); // the annotator script is never even located
  expect(performance.getEntriesByName('metric-lens:done').length).toBeGreaterThan(0);
  expect(performance.getEntriesByName('metric-lens:answered').length).toBe(1);
  // The candidate line went with the two lines before it and its heading, in reading order, with their kinds.
  expect(screened).toHaveLength(1);
  expect(screened[0]!.blocks).toEqual([
    { text: 'At the border', kind: 'heading', level: 2 },
    { text: 'Officials spoke on Monday.', kind: 'paragraph' },
    { text: 'Another line.', kind: 'paragraph' },
    { text: CLAIM, kind: 'paragraph' },
  ]);
});

test('a yes from the screen: the candidate blocks are read carefully, then the settings are asked for and the annotator located', async () => {
  claimOn = '76,020 unaccompanied children';
  document.body.innerHTML = PAGE;
  startPageGate(document);
  await settle();
  const order = calls.filter((c) => c.startsWith('sendMessage') || c === 'getURL');
  expect(order.slice(0, 2)).toEqual(['sendMessage:screen-document', 'sendMessage:analyze-document']);
  expect(order).toContain('sendMessage:page-settings');
  expect(order).toContain('getURL');
  // The careful reading sends the page's blocks with their own kinds: the heading, the two paragraphs before, the claim.
  expect(documents[0]!.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
});

test('a site switched off answers no claims but inactive: the session is started to watch for it', async () => {
  document.body.innerHTML = PAGE;
  siteOff = true;
  startPageGate(document);
  await settle();
  expect(calls.filter((c) => c.startsWith('sendMessage')).slice(0, 2)).toEqual(['sendMessage:screen-document', 'sendMessage:analyze-document']);
  expect(calls).toContain('getURL');
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

test('a topic line and a quantity line parted only by <br> reach the careful reading as one passage', async () => {
  // (happy-dom's innerText joins the lines a <br> parts, so here the screen sees them as one; Chromium's
  // newline sends them straight to the careful reading: tests/e2e.)
  claimOn = '76,020 in fiscal 2019';
  document.body.innerHTML = '<p>Unaccompanied children met at the border:<br>76,020 in fiscal 2019.</p><p>Children love the new park.</p>';
  startPageGate(document);
  await settle();
  expect(calls.filter((c) => c.endsWith('-document'))).toEqual(['sendMessage:screen-document', 'sendMessage:analyze-document']);
  expect(documents[0]!.blocks.map((b) => b.text)).toContain('Unaccompanied children met at the border: 76,020 in fiscal 2019.');
});

describe('a page too large for one read of its text (the sliced walk)', () => {
  // Filler without a topic word or a quantity: over the 400,000 characters where the gate walks instead of reading.
  const filler = `<p>${'Plain prose about gardens on a long archive page. '.repeat(20)}</p>`.repeat(420);

  test('without a candidate the extension API is never touched', async () => {
    document.body.innerHTML = filler;
    expect(document.body.textContent!.length).toBeGreaterThan(400_000);
    startPageGate(document);
    await settle();
    expect(performance.getEntriesByName('metric-lens:done').length).toBeGreaterThan(0);
    expect(calls).toEqual([]);
  });

  test('the first candidate readies the background once, before the careful reading asks it', async () => {
    document.body.innerHTML = `${filler}<p>${CLAIM}</p>${filler}<p>${CLAIM.replace('76,020', '68,541')}</p>`;
    startPageGate(document);
    await settle();
    const sent = calls.filter((c) => c.startsWith('sendMessage'));
    expect(sent.filter((c) => c === 'sendMessage:warm-engine')).toHaveLength(1);
    expect(sent.indexOf('sendMessage:warm-engine')).toBeLessThan(sent.indexOf('sendMessage:analyze-document'));
    expect(sent).not.toContain('sendMessage:screen-document'); // a large page is not screened by its rendered lines
  });
});
