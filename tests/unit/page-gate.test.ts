// @vitest-environment happy-dom
// The page gate in a simulated DOM, with a fake extension API that records
// every use: on a page without candidates the API is never touched; a
// candidate wakes it; an API that throws (an extension reloaded under an open
// page) costs nothing and a later candidate tries again. (Real Chromium runs
// of the same paths: tests/e2e/annotate.test.ts and fixtures.test.ts.)
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { startPageGate } from '../../entrypoints/content/page-gate';

const calls: string[] = [];
let broken = false;

function fakeApi() {
  const use = (name: string) => {
    calls.push(name);
    if (broken) throw new Error('Extension context invalidated.');
  };
  return {
    runtime: {
      id: 'fake',
      sendMessage: (message: { type: string }) => {
        use(`sendMessage:${message.type}`);
        return new Promise(() => {}); // no reply: the session never starts here
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
  performance.clearMarks();
  broken = false;
  (globalThis as { browser?: unknown }).browser = fakeApi();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestIdleCallback', 'cancelIdleCallback'] }); // not performance: the marks are read
});

afterEach(() => {
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

test('a candidate wakes it: settings asked for, the annotator script located', async () => {
  document.body.innerHTML = `<p>${CLAIM}</p>`;
  startPageGate(document);
  await settle();
  expect(calls).toContain('sendMessage:page-settings');
  expect(calls).toContain('getURL');
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
  expect(calls).toEqual(['sendMessage:page-settings']); // threw at once; nothing else was tried

  broken = false;
  const second = document.createElement('p');
  second.textContent = CLAIM.replace('76,020', '68,541');
  document.body.append(second);
  await settle();
  expect(calls.filter((c) => c === 'sendMessage:page-settings')).toHaveLength(2);
});
