// Zero network: with every feature in use (hover, popup, keyboard, options,
// rule-pack import, toolbar popup, export), the extension's pages, service
// worker and content script request nothing but the extension's own files.
// Every request in the browser is recorded. The real pages keep their own
// remote images and iframes (they fail offline); those are told apart from
// ours by what started them (Chromium's request initiator): the pages' scripts
// are off, so a script-started request in a page can only be ours. Probes from
// the service worker and from the content script's own world prove that both
// the recorder and the attribution see them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { EXTENSION_DIR, ROOT, launchWithExtension, serveStatic, type ExtensionBrowser, type StaticServer } from './browser';
import { CLAIMS_PAGE } from './claims-page';
import { paintedRanges, waitForScan } from '../../cli/page-claims';
import { describeWithShared, sharedFile } from '../shared-data';

declare const chrome: {
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};

/** Real pages with remote images, scripts, fonts and iframes of their own. */
const FIXTURES_DIR = sharedFile('fixtures/pages');
const FIXTURE_PAGES = ['nytimes-1.html', 'bbc-1.html', 'embedded-videos.html', 'lazy-image-2.html', 'rtl-1.html', 'wikipedia-2.html'];
/** The pages' own scripts stay off (content scripts are exempt from a page's CSP). */
const FIXTURE_CSP = "script-src 'none'";
const PROBE_HOST = 'metric-lens-probe.invalid';

interface Recorded {
  url: string;
  source: string;
}

/** Chromium's account of what started a request (CDP Network.Initiator). */
interface Initiator {
  type: string;
  url?: string;
  stack?: unknown;
}

let browser: ExtensionBrowser;
let server: StaticServer;
const recorded: Recorded[] = [];
const sockets: string[] = [];
/** Requests in web pages with their initiators, from a CDP session on each page. */
const started: { url: string; initiator: Initiator }[] = [];
const pageErrors: string[] = [];

function sourceOf(request: Request): string {
  if (request.serviceWorker()) return 'service worker';
  try {
    // A new iframe's first request has no frame URL yet: the page it is in speaks for it.
    const frame = request.frame();
    return frame.url() || frame.page()?.url() || 'page';
  } catch {
    return 'unknown';
  }
}

async function tabIdShowing(url: string): Promise<number> {
  const id = await browser.serviceWorker.evaluate(async (pageUrl) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply = (await chrome.tabs.sendMessage(tab.id, { type: 'list-claims' }).catch(() => null)) as { url?: string } | null;
      if (reply?.url === pageUrl) return tab.id;
    }
    return null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Ours: started by a script (the pages' own scripts are off) or by any file of the extension. */
const isOurs = (initiator: Initiator) => initiator.type === 'script' || JSON.stringify(initiator).includes('chrome-extension://');

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
  const cdp = await browser.context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (event) => started.push({ url: event.request.url, initiator: event.initiator }));
  await cdp.send('Network.enable');
  await page.goto(`${server.origin}${path}`);
  await waitForScan(page);
  return page;
}

beforeAll(async () => {
  browser = await launchWithExtension();
  server = await serveStatic([join(ROOT, 'demo'), FIXTURES_DIR], { '/claims.html': CLAIMS_PAGE });
  browser.context.on('request', (request) => recorded.push({ url: request.url(), source: sourceOf(request) }));
  browser.context.on('page', (page) => page.on('websocket', (socket) => sockets.push(socket.url())));
  await browser.context.route(
    (url) => url.hostname === '127.0.0.1' && FIXTURE_PAGES.some((name) => url.pathname === `/${name}`),
    // Served from disk rather than fetched through the server: a fetched response
    // can be cut by a reset connection, and the page would then never load.
    (route) =>
      route.fulfill({
        body: readFileSync(join(FIXTURES_DIR, new URL(route.request().url()).pathname.slice(1))),
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': FIXTURE_CSP },
      }),
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and walks it with the keyboard, the pointer and the wheel. */
async function walk(path: string): Promise<void> {
  const page = await open(path);
  await page.keyboard.press('Alt+Shift+N');
  await page.keyboard.press('Enter');
  await page.mouse.move(300, 300);
  await page.mouse.wheel(0, 2000);
  await page.waitForTimeout(200);
  await page.close();
}

// Their requests are recorded with the rest and judged by the verdict below.
describeWithShared('real news pages with remote content of their own', ['fixtures/pages/'], () => {
  test('are walked with the keyboard', async () => {
    for (const name of FIXTURE_PAGES) await walk(`/${name}`);
  });
});

test('no request leaves the machine while every feature is used', async () => {
  const extensionOrigin = `chrome-extension://${browser.extensionId}`;

  // The demo article: hover a claim (tooltip), click it (popup), walk the claims with the keyboard.
  const article = await open('/article.html');
  const ranges = await paintedRanges(article);
  expect(ranges.length).toBeGreaterThan(5);
  const first = ranges.find((r) => r.rect && r.rect.y > 0 && r.rect.y < 850)!;
  await article.mouse.move(first.rect!.x + 4, first.rect!.y + first.rect!.height / 2);
  await expect.poll(() => article.locator('metric-lens-ui .tooltip').count()).toBe(1);
  await article.mouse.click(first.rect!.x + 4, first.rect!.y + first.rect!.height / 2);
  await expect.poll(() => article.locator('metric-lens-ui .popup').count()).toBe(1);
  await article.keyboard.press('Escape');
  await article.keyboard.press('Alt+Shift+N');
  await article.keyboard.press('Enter');
  await expect.poll(() => article.locator('metric-lens-ui .popup').count()).toBe(1);
  await article.keyboard.press('Escape');

  // The options page: change the sensitivity and back, import a rule pack.
  const options = await browser.context.newPage();
  options.on('pageerror', (error) => pageErrors.push(`options: ${error.message}`));
  await options.goto(`${extensionOrigin}/options.html`);
  await options.getByRole('radio', { name: /Strict/ }).check();
  await options.getByRole('radio', { name: /Broad/ }).check();
  await options.getByRole('radio', { name: /Balanced/ }).check();
  await options.getByTestId('pack-file').setInputFiles({
    name: 'unodc.json',
    mimeType: 'application/json',
    buffer: Buffer.from(readFileSync(join(ROOT, 'tests/unit/fixtures/example-rule-pack.json'))),
  });
  await options.getByTestId('pack-unodc-report-wording').waitFor();
  await options.close();
  await waitForScan(article);
  await expect.poll(async () => (await paintedRanges(article)).length).toBeGreaterThan(5);

  // The toolbar popup for the article's tab: list the claims, jump to one, export both formats.
  const tabId = await tabIdShowing(`${server.origin}/article.html`);
  const popup = await browser.context.newPage();
  popup.on('pageerror', (error) => pageErrors.push(`popup: ${error.message}`));
  await popup.goto(`${extensionOrigin}/popup.html?tab=${tabId}`);
  await popup.getByTestId('claim-item').first().waitFor();
  expect(await popup.getByTestId('claim-item').count()).toBeGreaterThan(5);
  await popup.getByTestId('claim-item').nth(2).click();
  await expect.poll(() => article.locator('metric-lens-ui .popup').count()).toBe(1);
  for (const format of ['json', 'csv']) {
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId(`export-${format}`).click()]);
    expect(readFileSync((await download.path())!, 'utf8').length).toBeGreaterThan(100);
  }
  await popup.close();
  await article.close();

  // A small claims page walked with the keyboard (the real news pages were, in the test before).
  await walk('/claims.html');

  // Probes: a request from the service worker and one from the content script's isolated
  // world must both be seen, or the check below would prove nothing.
  await browser.serviceWorker.evaluate((url) => fetch(url).catch(() => null), `http://${PROBE_HOST}/service-worker`);
  const probePage = await open('/claims.html');
  const cdp = await browser.context.newCDPSession(probePage);
  const worlds: { id: number; origin: string; name: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => worlds.push(event.context));
  await cdp.send('Runtime.enable');
  const contentWorld = worlds.find((w) => w.origin === extensionOrigin || w.name === 'Metric Lens');
  expect(contentWorld, 'the content script’s isolated world').toBeDefined();
  await cdp.send('Runtime.evaluate', {
    contextId: contentWorld!.id,
    expression: `fetch('http://${PROBE_HOST}/content-script').catch(() => null)`,
    awaitPromise: true,
  });
  await probePage.close();
  await expect
    .poll(() => recorded.filter((r) => r.url.includes(PROBE_HOST)).map((r) => r.source).sort())
    .toEqual([`${server.origin}/claims.html`, 'service worker']);

  // The probe from the content script's world counts as ours.
  expect(started.filter((r) => r.url.includes(PROBE_HOST)).map((r) => isOurs(r.initiator))).toEqual([true]);

  // The verdict: besides the probes, only the local server's pages and the extension's own files,
  // and the pages' own remote loads (started by their HTML, never by a script).
  // A web-accessible file loaded through its dynamic URL (a random id per session) is ours too.
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    web_accessible_resources?: { resources: string[] }[];
  };
  const accessible = new Set((manifest.web_accessible_resources ?? []).flatMap((w) => w.resources.map((r) => `/${r}`)));
  const isOwnFile = (url: string) => {
    if (url.startsWith(`${extensionOrigin}/`) || url.startsWith(`blob:${extensionOrigin}/`)) return true;
    const { protocol, host, pathname } = new URL(url);
    return protocol === 'chrome-extension:' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(host) && accessible.has(pathname);
  };
  const isLocalPage = (url: string) => url.startsWith(`${server.origin}/`);
  const real = recorded.filter((r) => !r.url.includes(PROBE_HOST));
  const remote = real.filter((r) => !isOwnFile(r.url) && !isLocalPage(r.url) && !r.url.startsWith('data:'));
  const pagesOwn = (r: Recorded) =>
    r.source.startsWith(`${server.origin}/`) && started.some((s) => s.url === r.url && !isOurs(s.initiator));
  expect(remote.filter((r) => !pagesOwn(r))).toEqual([]);
  const oursInPages = started.filter((r) => isOurs(r.initiator) && !r.url.includes(PROBE_HOST));
  expect(oursInPages.filter((r) => !isOwnFile(r.url))).toEqual([]);
  expect(real.filter((r) => r.source === 'service worker')).toEqual([]);
  const fromExtensionPages = real.filter((r) => r.source.startsWith(extensionOrigin));
  expect(fromExtensionPages.length).toBeGreaterThan(0);
  expect(fromExtensionPages.filter((r) => !isOwnFile(r.url))).toEqual([]);
  expect(sockets).toEqual([]);
  expect(pageErrors).toEqual([]);

  console.log(
    `network: ${recorded.length} requests recorded: ${real.filter((r) => isLocalPage(r.url)).length} to the local server, ` +
      `${fromExtensionPages.length} by extension pages (all extension files), ${oursInPages.length} by the content script, ` +
      `0 by the service worker, ${remote.length} remote ones started by the real pages' own HTML; 2 probes seen`,
  );
});
