// Hostile and extreme pages in real Chromium with the built extension: huge
// and deep DOMs, one giant text node, a page that mutates itself every 10 ms,
// iframes, shadow roots, editors, pages that tamper with globals and
// prototypes before we run, and page text that looks like markup. On each:
// no error from Metric Lens, the page's text unchanged, the first scan
// finished. Long tasks and CPU time are measured and printed, not asserted.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, serveStatic, type ExtensionBrowser, type StaticServer } from './browser';
import { paintedRanges, waitForScan } from '../../cli/page-claims';
import { Claim } from '../../lib/contract';
import { CSV_COLUMNS } from '../../lib/export';
import { findClaims } from '../../lib/engine';

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; clear(): Promise<void> } };
  tabs: { query(query: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
};

const CLAIM = 'HHS lost track of 85,000 migrant children, officials said.';
const CLAIM_2 = 'Border agents encountered 152,057 unaccompanied minors at the southwest border in fiscal 2022.';

/** Text with no quantity, to fill giant text nodes. */
const FILLER = 'The committee discussed the budget and the new library at length. ';

/** The page records its own text once built (before document_idle, so before Metric Lens starts). */
const READY = `performance.mark('page:ready'); window.__textBefore = document.body.textContent;`;

const page = (title: string, body: string, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body>${body}<script>${script}\n${READY}</script></body></html>`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const INJECTION_SENTENCES = [
  'HHS lost track of 85,000 migrant <img src=x onerror="window.__pwned=1">children last year.',
  'HHS lost track of <b onmouseover="window.__pwned=2">85,000</b> migrant children, =HYPERLINK("http://evil.example","officials") said.',
  'Cartels trafficked 300,000 children<script>window.__pwned=3</script> across the border.',
];

const PAGES: Record<string, string> = {
  // 100,000 text nodes: 2,000 paragraphs of 50 spans, a claim in every 100th paragraph.
  '/many-nodes.html': page(
    'Many nodes',
    '<article id="root"></article>',
    `const root = document.getElementById('root');
     for (let p = 0; p < 2000; p++) {
       const para = document.createElement('p');
       for (let s = 0; s < 50; s++) {
         const span = document.createElement('span');
         span.textContent = p % 100 === 0 && s === 0 ? ${JSON.stringify(CLAIM)} + ' ' : 'word' + s + ' ';
         para.append(span);
       }
       root.append(para);
     }`,
  ),
  // 5,000 nested inline elements, text at every 500th level. (Built by script: the HTML parser
  // stops nesting at 512. Chromium's renderer itself crashes on 5,000 nested <div>s, with or
  // without any extension, so the block version below goes 2,000 deep.)
  '/deep.html': page(
    'Deep',
    '<div id="root"></div>',
    `let at = document.getElementById('root');
     for (let d = 0; d < 5000; d++) {
       const next = document.createElement('span');
       if (d % 500 === 0) next.append(d === 4500 ? ${JSON.stringify(CLAIM)} + ' ' : 'level ' + d + '. ');
       at.append(next);
       at = next;
     }
     at.append(${JSON.stringify(CLAIM_2)});`,
  ),
  '/deep-blocks.html': page(
    'Deep blocks',
    '<div id="root"></div>',
    `let at = document.getElementById('root');
     for (let d = 0; d < 2000; d++) {
       const next = document.createElement('div');
       if (d % 500 === 0) next.append(d === 1500 ? ${JSON.stringify(CLAIM)} : 'level ' + d);
       at.append(next);
       at = next;
     }
     at.append(${JSON.stringify(CLAIM_2)});`,
  ),
  // One 5 MB text node, a claim sentence every ~10 kB, no line break.
  '/huge-node.html': page(
    'Huge node',
    '<pre id="root"></pre>',
    `const block = ${JSON.stringify(FILLER)}.repeat(150) + ${JSON.stringify(CLAIM)} + ' ';
     document.getElementById('root').textContent = block.repeat(Math.ceil(5e6 / block.length));`,
  ),
  // One 3 MB text node, a single claim sentence near its end.
  '/huge-node-one-claim.html': page(
    'Huge node, one claim',
    '<p id="root"></p>',
    `const filler = ${JSON.stringify(FILLER)};
     document.getElementById('root').textContent =
       filler.repeat(Math.ceil(3e6 / filler.length)) + ${JSON.stringify(CLAIM_2)} + ' ' + filler.repeat(20);`,
  ),
  // Mutates itself every 10 ms for 10 s once started: new claim paragraphs, removals, a ticking counter, attributes.
  '/mutating.html': page(
    'Mutating',
    '<p id="ticker">Live: 0 readers</p><article id="feed"></article>',
    `window.__startMutating = () => new Promise((done) => {
       const feed = document.getElementById('feed');
       const ticker = document.getElementById('ticker');
       let n = 0;
       const timer = setInterval(() => {
         n++;
         const p = document.createElement('p');
         p.textContent = 'Update ' + n + ': border agents encountered ' + (1000 + n).toLocaleString('en-US') + ' unaccompanied children this week.';
         feed.append(p);
         if (feed.children.length > 40) feed.firstElementChild.remove();
         ticker.firstChild.data = 'Live: ' + n + ' readers';
         feed.className = n % 2 ? 'odd' : 'even';
         if (n % 7 === 0 && feed.children[3]) feed.children[3].firstChild.data += ' More to come.';
         if (n >= 1000) { clearInterval(timer); done(n); }
       }, 10);
     });`,
  ),
  // Same-origin iframes, one with a claim.
  '/iframes.html': page(
    'Iframes',
    `<p>${CLAIM}</p><iframe src="/frame.html" width="600" height="200"></iframe><iframe src="/frame.html" width="600" height="200"></iframe>`,
  ),
  '/frame.html': page('Frame', `<p>${CLAIM_2}</p>`),
  // Open shadow roots with text (and a claim) in them.
  '/shadow.html': page(
    'Shadow',
    `<p>${CLAIM}</p><div id="host1"></div><div id="host2"></div>`,
    `for (const id of ['host1', 'host2']) {
       const root = document.getElementById(id).attachShadow({ mode: 'open' });
       root.innerHTML = '<p>' + ${JSON.stringify(CLAIM_2)} + '</p><slot></slot>';
     }
     window.__shadowBefore = [...document.querySelectorAll('#host1, #host2')].map((h) => h.shadowRoot.textContent).join('|');`,
  ),
  // Editors: contenteditable and a textarea, both holding claim text.
  '/editable.html': page(
    'Editable',
    `<p>${CLAIM}</p><div id="editor" contenteditable="true"><p>${CLAIM_2}</p></div><textarea id="area">${CLAIM}</textarea>`,
  ),
  // A page that names globals like ours, defines our UI element, and freezes the prototypes first.
  '/globals.html':
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Globals</title><script>
       window.__metricLensSession = () => { window.__hijacked = true; };
       window.browser = { runtime: { id: 'fake', sendMessage() { window.__hijacked = true; } } };
       window.chrome = window.browser;
       window.Highlight = function () { window.__hijacked = true; };
       customElements.define('metric-lens-ui', class extends HTMLElement {
         constructor() { super(); window.__definedUpgrade = true; }
       });
       Object.freeze(Object.prototype);
       Object.freeze(Array.prototype);
       Object.freeze(Function.prototype);
       Object.freeze(Promise.prototype);
       Object.freeze(String.prototype);
       Object.freeze(RegExp.prototype);
     </script></head><body><p>${CLAIM}</p><p>${CLAIM_2}</p><script>${READY}</script></body></html>`,
  // Page text that looks like markup and spreadsheet formulas.
  '/injection.html': page('Injection', INJECTION_SENTENCES.map((s) => `<p>${escapeHtml(s)}</p>`).join('')),
};

let browser: ExtensionBrowser;
let server: StaticServer;
const ourErrors: string[] = [];
const report: string[] = [];

/** Long tasks seen by the page, and every error it saw: set up before any page script. */
function instrument(): void {
  const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __errors: string[] };
  w.__longTasks = [];
  w.__errors = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser
  }
  addEventListener('error', (e) => w.__errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => w.__errors.push(String(e.reason)));
}

interface Timing {
  longTasks: { start: number; duration: number }[];
  marks: Record<string, number>;
}

async function timing(p: Page): Promise<Timing> {
  return p.evaluate(() => ({
    longTasks: (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks,
    marks: Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('metric-lens:') || m.name === 'page:ready')
        .map((m) => [m.name, Math.round(m.startTime)]),
    ),
  }));
}

/** Long tasks from our start mark on (these pages run no script of their own by then), and the page's own before it. */
function describeTiming(name: string, t: Timing): string {
  const ready = t.marks['page:ready'] ?? 0;
  const ours = t.marks['metric-lens:start'] ?? Infinity;
  const fmt = (list: { start: number; duration: number }[]) =>
    list.map((l) => `${Math.round(l.duration)} ms at ${Math.round(l.start)}`).join(', ') || 'none';
  const list = `${fmt(t.longTasks.filter((l) => l.start >= ours))} (before our start: ${fmt(t.longTasks.filter((l) => l.start >= ready && l.start < ours))})`;
  const marks = Object.entries(t.marks)
    .map(([k, v]) => `${k.replace('metric-lens:', '')}=${v}`)
    .join(' ');
  return `${name}: long tasks from metric-lens:start on: ${list}; marks (ms): ${marks}`;
}

async function open(path: string): Promise<Page> {
  const p = await browser.context.newPage();
  p.on('pageerror', (error) => ourErrors.push(`${path}: page error ${error.message}`));
  p.on('console', (message) => {
    const where = message.location().url;
    if (message.type() === 'error' && (where.startsWith('chrome-extension://') || /metric.?lens/i.test(message.text()))) {
      ourErrors.push(`${path}: ${message.text()} (${where})`);
    }
  });
  await p.goto(`${server.origin}${path}`);
  return p;
}

async function textAfter(p: Page): Promise<{ before: string; after: string; errors: string[] }> {
  return p.evaluate(() => ({
    before: (window as unknown as { __textBefore: string }).__textBefore,
    after: document.body.textContent ?? '',
    errors: (window as unknown as { __errors: string[] }).__errors,
  }));
}

async function expectIntact(p: Page): Promise<void> {
  const { before, after, errors } = await textAfter(p);
  expect(after.length).toBe(before.length);
  expect(after === before).toBe(true);
  expect(errors).toEqual([]);
  expect(await p.locator('mark').count()).toBe(0);
}

async function setSites(disabled: string[]): Promise<void> {
  await browser.serviceWorker.evaluate(async (sites) => {
    const stored = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { version: 1, ...stored, disabledSites: sites } });
  }, disabled);
}

beforeAll(async () => {
  browser = await launchWithExtension();
  server = await serveStatic([], PAGES);
  await browser.context.addInitScript(instrument);
  browser.context.on('weberror', (error) => ourErrors.push(`weberror: ${error.error().message}`));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  console.log(`hostile pages:\n  ${report.join('\n  ')}`);
});

describe('extreme DOMs', () => {
  test.each([
    ['100,000 text nodes', '/many-nodes.html', 20],
    ['5,000 nested inline elements', '/deep.html', 2],
    ['2,000 nested blocks', '/deep-blocks.html', 2],
    // One line 5 MB wide (a <pre> without line breaks): its claims are not painted, since each
    // highlight on such a line costs Chromium tens of milliseconds at every paint.
    ['one 5 MB text node', '/huge-node.html', 0],
  ])('%s: finishes, no error, text unchanged', async (name, path, minPainted) => {
    const started = Date.now();
    const p = await open(path);
    await waitForScan(p, 90_000);
    const wall = Date.now() - started;
    const painted = await paintedRanges(p);
    expect(painted.length).toBeGreaterThanOrEqual(minPainted);
    for (const range of painted) expect([CLAIM, CLAIM_2].some((c) => c.includes(range.text))).toBe(true);
    await expectIntact(p);
    report.push(`${describeTiming(name, await timing(p))}; painted ${painted.length}; load to done ${wall} ms`);
    await p.close();
    expect(ourErrors).toEqual([]);
  });

  // Longer than a message may carry in one passage: sent in pieces, mapped back to the node.
  test('one 3 MB text node: the claim near its end is highlighted', async () => {
    const expected = findClaims(CLAIM_2).map((c) => c.text);
    expect(expected.length).toBeGreaterThan(0);
    const p = await open('/huge-node-one-claim.html');
    await waitForScan(p, 90_000);
    const painted = await paintedRanges(p);
    expect(painted.map((r) => r.text)).toEqual(expected);
    await expectIntact(p);
    report.push(`${describeTiming('one 3 MB text node, one claim', await timing(p))}; painted ${painted.length}`);
    await p.close();
    expect(ourErrors).toEqual([]);
  });
});

describe('a page that changes every 10 ms for 10 s', () => {
  async function run(active: boolean): Promise<{ metrics: Record<string, number>; p: Page; cdp: CDPSession; mutations: number }> {
    await setSites(active ? [] : ['127.0.0.1']);
    const p = await open('/mutating.html');
    await waitForScan(p);
    const cdp = await browser.context.newCDPSession(p);
    await cdp.send('Performance.enable');
    const read = async () =>
      Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m: { name: string; value: number }) => [m.name, m.value]));
    const before = await read();
    const mutations = (await p.evaluate(() => (window as unknown as { __startMutating(): Promise<number> }).__startMutating())) as number;
    const after = await read();
    const metrics: Record<string, number> = {};
    for (const key of ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration']) {
      metrics[key] = Math.round((after[key]! - before[key]!) * 1000);
    }
    return { metrics, p, cdp, mutations };
  }

  test('bounded work, the claims on screen follow the page, no error', async () => {
    const off = await run(false);
    await off.p.close();
    const on = await run(true);
    const p = on.p;
    expect(on.mutations).toBe(1000);
    // Once the page is still, the highlights settle on the claims that are there now.
    const expected = async () =>
      p.evaluate(() => [...document.querySelectorAll('#feed p')].map((e) => e.textContent!.match(/[\d,]+ unaccompanied children/)![0]));
    const want = await expected();
    await expect
      .poll(async () => (await paintedRanges(p)).map((r) => r.text).sort(), { timeout: 20_000 })
      .toEqual([...want].sort());
    const { errors } = await textAfter(p);
    expect(errors).toEqual([]);
    const t = await timing(p);
    const during = t.longTasks.filter((l) => l.start >= (t.marks['metric-lens:done'] ?? 0));
    report.push(
      `mutating page, 1,000 mutation rounds in 10 s: page CPU with Metric Lens off for the site ${JSON.stringify(off.metrics)} ms, ` +
        `on ${JSON.stringify(on.metrics)} ms; long tasks after the first scan: ${during.map((l) => Math.round(l.duration)).join(', ') || 'none'}`,
    );
    await p.close();
    await setSites([]);
    expect(ourErrors).toEqual([]);
  });
});

describe('frames, shadow roots, editors, tampered globals', () => {
  test('same-origin iframes: the page and its frames unchanged', async () => {
    const p = await open('/iframes.html');
    await waitForScan(p);
    for (const frame of p.frames().slice(1)) await frame.waitForLoadState();
    await expectIntact(p);
    const frames = p.frames().slice(1);
    expect(frames).toHaveLength(2);
    const frameTexts = await Promise.all(frames.map((f) => f.evaluate(() => document.body.textContent)));
    for (const text of frameTexts) expect(text).toContain(CLAIM_2);
    const inFrames = await Promise.all(frames.map((f) => f.evaluate(() => CSS.highlights.size)));
    report.push(`iframes: top page painted ${(await paintedRanges(p)).length}, frames painted ${inFrames.join('/')} (content script runs in the top frame only)`);
    await p.close();
    expect(ourErrors).toEqual([]);
  });

  test('open shadow roots: their text unchanged', async () => {
    const p = await open('/shadow.html');
    await waitForScan(p);
    await expectIntact(p);
    const shadow = await p.evaluate(() => ({
      before: (window as unknown as { __shadowBefore: string }).__shadowBefore,
      after: [...document.querySelectorAll('#host1, #host2')].map((h) => h.shadowRoot!.textContent).join('|'),
    }));
    expect(shadow.after).toBe(shadow.before);
    const painted = (await paintedRanges(p)).map((r) => r.text);
    expect(painted).toContain('85,000 migrant children');
    report.push(`shadow roots: painted ${JSON.stringify(painted)} (text inside shadow roots is not read)`);
    await p.close();
    expect(ourErrors).toEqual([]);
  });

  test('editors: nothing painted inside them, typing goes to the editor', async () => {
    const p = await open('/editable.html');
    await waitForScan(p);
    await expectIntact(p);
    const painted = await p.evaluate(() => {
      const h = CSS.highlights.get('metric-lens') ?? CSS.highlights.get('metric-lens-underline');
      const editor = document.getElementById('editor')!;
      return h ? [...(h as unknown as Iterable<Range>)].map((r) => editor.contains(r.startContainer)) : [];
    });
    expect(painted).toEqual([false]);
    await p.locator('#editor').click();
    await p.keyboard.press('End');
    await p.keyboard.type(' Typed 42 children.');
    await p.keyboard.press('Alt+Shift+N');
    await expect.poll(() => p.locator('#editor').textContent()).toBe(`${CLAIM_2} Typed 42 children.`);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('editor');
    await p.locator('#area').focus();
    await p.keyboard.press('Control+End');
    await p.keyboard.type(' 7');
    expect(await p.locator('#area').inputValue()).toBe(`${CLAIM} 7`);
    await p.close();
    expect(ourErrors).toEqual([]);
  });

  test('globals named like ours, our element predefined, frozen prototypes: claims still painted, nothing hijacked', async () => {
    const p = await open('/globals.html');
    await waitForScan(p);
    await expectIntact(p);
    const painted = (await paintedRanges(p)).map((r) => r.text);
    expect(painted.length).toBe(2);
    await p.keyboard.press('Alt+Shift+N');
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator('metric-lens-ui .popup').count()).toBe(1);
    const state = await p.evaluate(() => ({
      hijacked: (window as unknown as { __hijacked?: boolean }).__hijacked,
      upgraded: (window as unknown as { __definedUpgrade?: boolean }).__definedUpgrade,
    }));
    expect(state.hijacked).toBeUndefined();
    report.push(`tampered globals: painted ${painted.length}, popup opened; the page's own metric-lens-ui class ran: ${state.upgraded === true}`);
    await p.close();
    expect(ourErrors).toEqual([]);
  });
});

describe('page text that looks like markup or formulas', () => {
  test('reaches the tooltip, popup, toolbar popup and exports only as text', async () => {
    const p = await open('/injection.html');
    await waitForScan(p);
    await expectIntact(p);
    const painted = await paintedRanges(p);
    const withMarkup = painted.filter((r) => /[<>"]/.test(r.text));
    expect(withMarkup.length, 'claims whose text holds markup characters').toBeGreaterThan(0);

    const noActiveContent = () =>
      p.evaluate(() => {
        const root = document.querySelector('metric-lens-ui')?.shadowRoot;
        if (!root) return 'no UI';
        const active = root.querySelectorAll('img, script, iframe, object, embed, svg, b[onmouseover], [onerror]');
        const handlers = [...root.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on')));
        return active.length + handlers.length;
      });
    for (const range of withMarkup) {
      // A fresh page for each claim: the hover and popup state of the last one plays no part.
      await p.reload();
      await waitForScan(p);
      const box = (await paintedRanges(p)).find((r) => r.text === range.text)!.rect!;
      await p.mouse.move(box.x + 3, box.y + box.height / 2);
      await expect.poll(() => p.locator('metric-lens-ui .tooltip').count()).toBe(1);
      expect(await noActiveContent()).toBe(0);
      await p.mouse.click(box.x + 3, box.y + box.height / 2);
      await expect.poll(() => p.locator('metric-lens-ui .popup').count()).toBe(1);
      // Overlapping claims ('2">85,000</b> migrant children' holds '85,000</b> migrant children'):
      // the popup quotes one of those under the pointer, as text.
      const quote = await p.locator('metric-lens-ui .popup .quote').textContent();
      expect(withMarkup.map((r) => r.text).filter((t) => t.includes(range.text) || range.text.includes(t))).toContain(quote);
      expect(await noActiveContent()).toBe(0);
      expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    }
    expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // The toolbar popup lists the same texts as text, and exports them as data.
    const tabId = await browser.serviceWorker.evaluate(async (url) => {
      for (const tab of await chrome.tabs.query({})) {
        const reply = (await chrome.tabs.sendMessage(tab.id!, { type: 'list-claims' }).catch(() => null)) as { url?: string } | null;
        if (reply?.url === url) return tab.id!;
      }
      return -1;
    }, `${server.origin}/injection.html`);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('claim-item').first().waitFor();
    const items = await popup.getByTestId('claim-item').allInnerTexts();
    for (const range of withMarkup) expect(items.some((i) => i.includes(range.text))).toBe(true);
    expect(await popup.locator('main img, main script, main iframe').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    const [jsonDownload] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-json').click()]);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as { claims: unknown[] };
    const exported = json.claims.map((c) => Claim.parse(c).text);
    for (const range of withMarkup) expect(exported).toContain(range.text);
    const [csvDownload] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-csv').click()]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    // No cell starts a formula: every field at a line start or after a comma, quotes aside.
    expect(csv).not.toMatch(/(?:^|,|\r\n)"?[=+\-@]/);
    await popup.close();
    await p.close();
    expect(ourErrors).toEqual([]);
  });
});
