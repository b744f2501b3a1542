// Real Firefox with the Firefox build (.output/firefox-mv2) for the browser
// tests: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi
// (nothing downloaded, no driver), the build installed as a temporary add-on
// under a fixed UUID so its pages open at known moz-extension:// addresses.
// Every HTTP(S) request Firefox makes goes through a local proxy that serves
// the test pages and records the rest, so a request the extension made
// anywhere cannot go unseen.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './browser';

export const FIREFOX = process.env.METRIC_LENS_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');
/** Where the test pages appear to be: a name only the proxy answers for. */
export const PAGES_ORIGIN = 'http://pages.metric-lens.test';
/** The add-on's UUID, fixed by preference so that its pages have known addresses. */
export const EXTENSION_UUID = '6c1f3ad1-77c1-4d1e-9a3b-0d2f6f9a2c55';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface RecordingProxy {
  port: number;
  /** Every request Firefox sent, as "METHOD URL" (CONNECT for HTTPS), in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that answers for PAGES_ORIGIN from the given folders (first
 * match wins; `headers` adds response headers per path) and refuses every
 * other address, recording all of them.
 */
export async function recordingProxy(
  roots: string[],
  headers: (path: string) => Record<string, string> = () => ({}),
): Promise<RecordingProxy> {
  const requests: string[] = [];
  const pagesHost = new URL(PAGES_ORIGIN).host;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/', 'http://unknown.invalid');
    if (url.host !== pagesHost) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('offline');
      return;
    }
    const path = decodeURIComponent(url.pathname);
    for (const root of roots) {
      const file = normalize(join(root, path));
      if (!file.startsWith(normalize(root))) break;
      if (existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers(path) });
        res.end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.on('connect', (req: IncomingMessage, socket) => {
    requests.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Offline\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** Firefox's own standard output and error, line by line (errors of extension code land here). */
  output: string[];
  close(): Promise<void>;
}

/** The gecko id the build declares, which the UUID preference is keyed by. */
function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${FIREFOX_BUILD}/manifest.json declares no gecko id`);
  return id;
}

/** Launches headless Firefox, all traffic through `proxyPort`, with the Firefox build installed. */
export async function launchFirefoxWithExtension(proxyPort: number): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_BUILD}: run npm run build first.`);
  }
  const id = geckoId();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Release builds take the remote-settings address below only with this set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    // Lets the test open the add-on's own moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      // Everything, localhost included, through the recording proxy.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Firefox's own remote-settings sync, which would otherwise cross the proxy.
      'services.settings.server': 'data:,#remote-settings-off/v1',
    },
  });
  const output: string[] = [];
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr]) {
    stream?.setEncoding('utf8').on('data', (chunk: string) => output.push(...chunk.split('\n').filter(Boolean)));
  }
  const installed = await browser.installExtension(FIREFOX_BUILD);
  if (installed !== id) throw new Error(`installed ${installed}, expected ${id}`);
  return { browser, output, close: () => browser.close() };
}

/**
 * Opens one of the add-on's pages. Puppeteer's navigation wait may never end on
 * moz-extension:// pages although they load, and an evaluate call made while
 * the page is being replaced can fail: the page's own state, read until it
 * answers, is what counts.
 */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${path}`;
  void page.goto(url).catch(() => {});
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
    if (state?.[0] === url && state[1] === 'complete') return page;
    if (Date.now() > deadline) throw new Error(`${url} did not load (last seen: ${state?.join(', ') ?? 'no answer'})`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Holds `modifiers` while pressing `key` (puppeteer has no chord syntax). */
export async function pressChord(page: Page, modifiers: ('Alt' | 'Shift' | 'Control')[], key: string): Promise<void> {
  for (const m of modifiers) await page.keyboard.down(m);
  await page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
  for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
}
