// Robustness on real news pages (shared/fixtures/pages, served from
// 127.0.0.1, nothing else reachable): Metric Lens starts on each page with the
// page already loaded (switched on from the settings, so the same load is
// compared), and must leave the page's text and elements as they were, raise
// no error, and paint nothing that is not a claim from the engine.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { ROOT, launchWithExtension, serveStatic, type ExtensionBrowser, type StaticServer } from './browser';
import { paintedRanges } from '../../cli/page-claims';
import { collectPassages } from '../../lib/dom/text-index';
import { findClaims } from '../../lib/engine';
import { mayHoldClaim } from '../../lib/engine/prefilter';
import { describeWithShared, sharedFile } from '../shared-data';

const DEMO_DIR = join(ROOT, 'demo');
const FIXTURES_DIR = sharedFile('fixtures/pages');
const dirOf = (file: string) => (file === 'article.html' ? DEMO_DIR : FIXTURES_DIR);
const squash = (s: string) => s.replace(/\s+/g, '');

describeWithShared('real news pages', ['fixtures/pages/'], () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;
  const extensionErrors: string[] = [];

  async function setSiteEnabled(enabled: boolean): Promise<void> {
    await browser.serviceWorker.evaluate(async (on) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
      const stored = ((await api.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
      await api.storage.local.set({ settings: { version: 1, ...stored, disabledSites: on ? [] : ['127.0.0.1'] } });
    }, enabled);
  }

  function snapshot(p: Page) {
    return p.evaluate(() => ({
      text: document.body?.innerText ?? '',
      elements: document.getElementsByTagName('*').length,
      hosts: document.getElementsByTagName('metric-lens-ui').length,
      marks: performance.getEntriesByName('metric-lens:done').length,
    }));
  }

  /** Claim texts the engine finds in the file (tag-based index, so hidden text included: a superset). */
  function engineClaimTexts(file: string): Map<string, number> {
    const { document } = parseHTML(readFileSync(join(dirOf(file), file), 'utf8'));
    const counts = new Map<string, number>();
    for (const passage of collectPassages(document as unknown as Document)) {
      if (!mayHoldClaim(passage.text)) continue;
      for (const claim of findClaims(passage.text)) {
        const key = squash(claim.text);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return counts;
  }

  beforeAll(async () => {
    browser = await launchWithExtension();
    server = await serveStatic([FIXTURES_DIR, DEMO_DIR]);
    // Nothing but the local server: a fixture's remote scripts, fonts and images are refused.
    // (The extension's own files, chrome-extension://, are no network requests and load.)
    await browser.context.route(
      (url) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    // The pages' own scripts stay off (a page CSP; content scripts are exempt from it), so that any
    // change to the page between the two snapshots can only come from Metric Lens.
    await browser.context.route(
      (url) => url.hostname === '127.0.0.1' && url.pathname.endsWith('.html'),
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" } });
      },
    );
    page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith(`chrome-extension://${browser.extensionId}/`)) {
        extensionErrors.push(`${page.url()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => {
      if ((error.stack ?? '').includes(`chrome-extension://${browser.extensionId}/`)) extensionErrors.push(`${page.url()}: ${error.message}`);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // The real pages, plus the demo article so that the claim check always has claims to check.
  const PAGES = [...readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.html')).sort(), 'article.html'];

  test(`Metric Lens leaves ${PAGES.length - 1} real pages and the demo intact and paints only engine claims`, async () => {
    expect(PAGES.length).toBeGreaterThan(50);
    const problems: string[] = [];
    let annotated = 0;
    for (const file of PAGES) {
      await setSiteEnabled(false);
      await page.goto(`${server.origin}/${encodeURIComponent(file)}`, { waitUntil: 'load', timeout: 20_000 }).catch(() => {});
      const before = await snapshot(page);
      await setSiteEnabled(true);
      // Switched on without a reload: the content script scans the loaded page.
      await page
        .waitForFunction(() => performance.getEntriesByName('metric-lens:done').length > 0, undefined, { timeout: 20_000, polling: 50 })
        .catch(() => problems.push(`${file}: no scan finished`));
      const after = await snapshot(page);
      if (after.text !== before.text) problems.push(`${file}: body text changed`);
      if (after.elements - after.hosts !== before.elements) {
        problems.push(`${file}: ${after.elements - before.elements} elements added (${after.hosts} our host)`);
      }
      if (after.hosts > 1) problems.push(`${file}: ${after.hosts} host elements`);
      const painted = await paintedRanges(page);
      if (painted.length > 0) {
        annotated++;
        const expected = engineClaimTexts(file);
        for (const range of painted) {
          const key = squash(range.text);
          const left = expected.get(key) ?? 0;
          if (left === 0) problems.push(`${file}: “${range.text}” is painted but is no engine claim`);
          else expected.set(key, left - 1);
        }
      }
    }
    console.log(`fixtures: ${PAGES.length} pages, ${annotated} with highlights`);
    expect(annotated).toBeGreaterThan(0);
    expect(extensionErrors).toEqual([]);
    expect(problems).toEqual([]);
    // 98 page loads: minutes when other work shares the two cores.
  }, 600_000);
});
