// Settings, the toolbar popup and rule packs in real Chromium with the built
// extension: options applied to an open tab without a reload, the popup's
// list, jump, site switch, badge and export, and damaged stored settings
// reported on the options page. Screenshots go to artifacts/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, ROOT, launchWithExtension, serveStatic, type ExtensionBrowser, type StaticServer } from './browser';
import { CLAIMS_PAGE, SENSITIVITY_PAGE } from './claims-page';
import { scannerClaims } from './scanner-claims';
import { paintedRanges, waitForScan } from '../../cli/page-claims';
import { Claim } from '../../lib/contract';
import { CSV_COLUMNS } from '../../lib/export';
import { PageClaims } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';

/** The parts of the extension API these tests call inside the service worker. */
declare const chrome: {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      clear(): Promise<void>;
    };
  };
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  browser = await launchWithExtension();
  server = await serveStatic([], { '/article.html': CLAIMS_PAGE, '/second.html': CLAIMS_PAGE, '/sensitivity.html': SENSITIVITY_PAGE });
});
// Each test's pages close with it, even when it fails: a tab left open would show the same URL
// as the next test's and could answer for it.
afterEach(async () => {
  for (const page of browser.context.pages()) await page.close().catch(() => {});
});
afterAll(async () => {
  // The browser first: the server's close waits for the browser's open connections.
  await browser?.close();
  await server?.close();
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const optionsUrl = () => `chrome-extension://${browser.extensionId}/options.html`;

/** Puts settings straight into storage, as an older or damaged install would have left them. */
async function storeRaw(value: unknown): Promise<void> {
  await browser.serviceWorker.evaluate((v) => chrome.storage.local.set({ settings: v }), value);
}
async function storedSettings(): Promise<unknown> {
  return browser.serviceWorker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
}
async function resetStorage(): Promise<void> {
  await browser.serviceWorker.evaluate(() => chrome.storage.local.clear());
}

/** The tab showing `url` and its claims (tab URLs are hidden without the "tabs" permission: ask each tab). */
async function tabShowing(url: string): Promise<{ tabId: number; page: PageClaims }> {
  const found = await browser.serviceWorker.evaluate(async (pageUrl) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply = await chrome.tabs.sendMessage(tab.id, { type: 'list-claims' }).catch(() => null);
      if ((reply as { url?: string } | null)?.url === pageUrl) return { tabId: tab.id, page: reply };
    }
    return null;
  }, url);
  if (!found) throw new Error(`no tab shows ${url}`);
  return { tabId: found.tabId, page: PageClaims.parse(found.page) };
}

async function badgeOf(tabId: number): Promise<string> {
  return browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

async function openArticle(path = '/article.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}${path}`);
  await waitForScan(page);
  // Survives only as long as the document: proves later changes came without a reload.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  return page;
}
const sameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
const paintedTexts = async (page: Page) => (await paintedRanges(page)).map((r) => squash(r.text));

async function openPopup(tabId: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.emulateMedia({ colorScheme });
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

describe('options page', () => {
  test('a new sensitivity reaches an open tab at once, without a reload', async () => {
    await resetStorage();
    // What each level must paint is the engine's answer for the same page.
    const expected = Object.fromEntries(
      (['strict', 'balanced', 'broad'] as const).map((level) => [level, scannerClaims(SENSITIVITY_PAGE, level).map((c) => squash(c.text))]),
    ) as Record<'strict' | 'balanced' | 'broad', string[]>;
    // The page is written to tell the levels apart; if the engine no longer does, this test proves nothing.
    expect(expected.strict.length).toBeLessThan(expected.balanced.length);
    expect(expected.balanced.length).toBeLessThan(expected.broad.length);

    const article = await openArticle('/sensitivity.html');
    const balanced = await paintedTexts(article);
    expect(balanced).toEqual(expected.balanced);

    const options = await browser.context.newPage();
    await options.goto(optionsUrl());
    await expect.poll(() => options.getByRole('radio', { name: /Balanced/ }).isChecked()).toBe(true);

    await options.getByRole('radio', { name: /Strict/ }).check();
    await expect.poll(() => paintedTexts(article)).toEqual(expected.strict);
    expect(await storedSettings()).toMatchObject({ sensitivity: 'strict' });

    await options.getByRole('radio', { name: /Broad/ }).check();
    await expect.poll(() => paintedTexts(article)).toEqual(expected.broad);

    await options.getByRole('radio', { name: /Balanced/ }).check();
    await expect.poll(() => paintedTexts(article)).toEqual(balanced);

    // The highlight style switches between the two named highlights.
    await options.getByRole('radio', { name: /Underline only/ }).check();
    await expect
      .poll(() => article.evaluate(() => [CSS.highlights.has('metric-lens'), CSS.highlights.has('metric-lens-underline')]))
      .toEqual([false, true]);
    expect((await paintedTexts(article)).length).toBe(balanced.length);

    // Switching off the metric of one claim hides that claim only.
    const { page } = await tabShowing(`${server.origin}/sensitivity.html`);
    const target = page.claims.find((c) => page.claims.filter((o) => o.metric === c.metric).length === 1) ?? page.claims[0]!;
    await options.getByTestId(`metric-switch-${target.metric}`).click();
    await expect.poll(async () => (await paintedTexts(article)).length).toBe(
      page.claims.filter((c) => c.metric !== target.metric).length,
    );
    expect(await paintedTexts(article)).not.toContain(squash(target.text));

    expect(await sameDocument(article)).toBe(true);
    await options.close();
    await article.close();
  });

  test('the options page in light and dark', async () => {
    await resetStorage();
    for (const scheme of ['light', 'dark'] as const) {
      const options = await browser.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.setViewportSize({ width: 900, height: 900 });
      await options.goto(optionsUrl());
      await options.getByRole('heading', { name: 'Sensitivity' }).waitFor();
      await options.screenshot({ path: join(ARTIFACTS_DIR, `options-${scheme}.png`), fullPage: true });
      const background = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(23, 25, 29)' : 'rgb(246, 246, 243)');
      await options.close();
    }
  });

  test('sites: added with validation, listed, removed', async () => {
    await resetStorage();
    const options = await browser.context.newPage();
    await options.goto(optionsUrl());
    const input = options.getByPlaceholder('news.example.com or *.example.com');

    await input.fill('not a host');
    await options.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => options.getByRole('alert').innerText()).toContain('no spaces');
    expect(await storedSettings()).toBeUndefined();

    await input.fill('https://News.Example.com/some/article');
    await options.getByRole('button', { name: 'Add' }).click();
    await input.fill('*.example.org');
    await input.press('Enter');
    await expect.poll(storedSettings).toMatchObject({ disabledSites: ['news.example.com', '*.example.org'] });
    await options.getByRole('button', { name: 'Remove news.example.com' }).click();
    await expect.poll(storedSettings).toMatchObject({ disabledSites: ['*.example.org'] });
    await options.close();
  });
});

describe('damaged stored settings', () => {
  test('a corrupted field is reset, the rest kept, and the options page says so', async () => {
    await resetStorage();
    await storeRaw({ version: 1, sensitivity: 'loud', disabledSites: 42, highlightStyle: 'underline', rulePacks: 'x' });
    const options = await browser.context.newPage();
    await options.goto(optionsUrl());
    const notice = options.getByTestId('settings-notice');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toMatch(/Sensitivity was damaged and is back to its default \(balanced\)/);
    expect(text).toMatch(/sites where Metric Lens is off was damaged/);
    expect(await options.getByRole('radio', { name: /Balanced/ }).isChecked()).toBe(true);
    // What could be kept was kept.
    expect(await options.getByRole('radio', { name: /Underline only/ }).isChecked()).toBe(true);
    expect(await storedSettings()).toEqual({ ...DEFAULT_SETTINGS, highlightStyle: 'underline' });
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'options-notice.png') });

    // Dismissed notices stay dismissed.
    await options.getByRole('button', { name: 'Dismiss' }).click();
    await options.reload();
    await options.getByRole('heading', { name: 'Sensitivity' }).waitFor();
    expect(await options.getByTestId('settings-notice').count()).toBe(0);
    await options.close();
  });

  test('an unreadable settings value gives the defaults and a notice, and tabs keep working', async () => {
    await resetStorage();
    await storeRaw('{"sensitivity": "bro');
    const article = await openArticle();
    expect((await paintedTexts(article)).length).toBeGreaterThan(0);

    const options = await browser.context.newPage();
    await options.goto(optionsUrl());
    await expect.poll(() => options.getByTestId('settings-notice').innerText()).toMatch(/unreadable \(string\)/);
    expect(await storedSettings()).toEqual(DEFAULT_SETTINGS);
    await options.close();
    await article.close();
  });

  test('settings from before version numbers are migrated', async () => {
    await resetStorage();
    await storeRaw({ sensitivity: 'low', sites: { 'news.example.com': false, 'ok.example.com': true } });
    const options = await browser.context.newPage();
    await options.goto(optionsUrl());
    await expect.poll(() => options.getByTestId('settings-notice').innerText()).toMatch(/older version/);
    expect(await options.getByRole('radio', { name: /Strict/ }).isChecked()).toBe(true);
    expect(await options.getByText('news.example.com', { exact: true }).count()).toBe(1);
    await options.close();
  });
});

describe('toolbar popup', () => {
  test('lists the page’s claims, counts them on the badge, and jumps to one', async () => {
    await resetStorage();
    const article = await openArticle();
    const url = `${server.origin}/article.html`;
    const { tabId, page } = await tabShowing(url);
    expect(page.claims.length).toBeGreaterThan(1);
    await expect.poll(() => badgeOf(tabId)).toBe(String(page.claims.length));

    for (const scheme of ['light', 'dark'] as const) {
      const popup = await openPopup(tabId, scheme);
      await popup.getByTestId('claim-item').first().waitFor();
      await popup.screenshot({ path: join(ARTIFACTS_DIR, `popup-${scheme}.png`) });
      await popup.close();
    }

    const popup = await openPopup(tabId);
    const items = popup.getByTestId('claim-item');
    await items.first().waitFor();
    expect(await popup.getByTestId('claim-count').innerText()).toBe(`${page.claims.length} claims on this page`);
    const listed = await items.allInnerTexts();
    expect(listed).toHaveLength(page.claims.length);
    page.claims.forEach((claim, i) => expect(listed[i]).toContain(`“${claim.text}”`));
    // The list follows the page: same claims as painted, in page order.
    expect((await paintedTexts(article)).map(squash)).toEqual(page.claims.map((c) => squash(c.text)));

    const index = page.claims.length - 1;
    await items.nth(index).click();
    const dialog = article.locator('metric-lens-ui .popup[role="dialog"]');
    await dialog.waitFor({ state: 'visible' });
    expect(squash(await dialog.innerText())).toContain(squash(page.claims[index]!.text));
    await popup.close();
    await article.close();
  });

  test('switching the site off removes its highlights at once; on brings them back', async () => {
    await resetStorage();
    const article = await openArticle('/second.html');
    const before = await paintedTexts(article);
    expect(before.length).toBeGreaterThan(0);
    const { tabId } = await tabShowing(`${server.origin}/second.html`);
    const popup = await openPopup(tabId);
    const siteSwitch = popup.getByTestId('site-switch');
    await expect.poll(() => siteSwitch.getAttribute('aria-checked')).toBe('true');

    await siteSwitch.click();
    await expect.poll(async () => (await paintedTexts(article)).length).toBe(0);
    await expect.poll(() => siteSwitch.getAttribute('aria-checked')).toBe('false');
    expect(await popup.getByText('Off for this site').count()).toBe(1);
    expect(await popup.getByTestId('claim-item').count()).toBe(0);
    expect(await storedSettings()).toMatchObject({ disabledSites: ['127.0.0.1'] });
    await expect.poll(() => badgeOf(tabId)).toBe('');

    await siteSwitch.click();
    await expect.poll(() => paintedTexts(article)).toEqual(before);
    await expect.poll(() => popup.getByTestId('claim-item').count()).toBe(before.length);
    expect(await sameDocument(article)).toBe(true);
    await popup.close();
    await article.close();
  });

  test('exports the claims as JSON and CSV files that read back', async () => {
    await resetStorage();
    const article = await openArticle();
    const url = `${server.origin}/article.html`;
    const { tabId, page } = await tabShowing(url);
    const popup = await openPopup(tabId);
    await popup.getByTestId('claim-item').first().waitFor();

    const [jsonDownload] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-json').click()]);
    expect(jsonDownload.suggestedFilename()).toMatch(/^metric-lens-127\.0\.0\.1-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'));
    expect(json.url).toBe(url);
    expect(Number.isNaN(Date.parse(json.exportedAt))).toBe(false);
    expect(json.claims.map((c: unknown) => Claim.parse(c))).toEqual(page.claims);

    const [csvDownload] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(page.claims.length + 1);
    const textColumn = CSV_COLUMNS.indexOf('text');
    const metricColumn = CSV_COLUMNS.indexOf('metric');
    page.claims.forEach((claim, i) => {
      // The page's claims hold no commas or quotes except inside quoted fields: a field split is exact here
      // when the text has none; otherwise compare the quoted form.
      expect(lines[i + 1]).toContain(claim.text.includes(',') ? `"${claim.text}"` : claim.text);
      if (!lines[i + 1]!.includes('"')) {
        const cells = lines[i + 1]!.split(',');
        expect(cells[textColumn]).toBe(claim.text);
        expect(cells[metricColumn]).toBe(claim.metric);
      }
    });
    await popup.close();
    await article.close();
  });
});

describe('rule packs', () => {
  const example = readFileSync(join(ROOT, 'tests/unit/fixtures/example-rule-pack.json'), 'utf8');

  test('a bad pack is refused with paths and nothing changes; a good one is listed, switched off and removed', async () => {
    await resetStorage();
    const options = await browser.context.newPage();
    await options.goto(optionsUrl());
    await options.getByText('or paste JSON').click();

    const bad = JSON.parse(example);
    bad.metricCues[0].terms[0] = 'Not Lowercase';
    delete bad.figures[0].figure.url;
    await options.getByTestId('pack-text').fill(JSON.stringify(bad));
    await options.getByTestId('pack-import').click();
    const errors = options.getByTestId('pack-errors');
    await errors.waitFor();
    const errorText = await errors.innerText();
    expect(errorText).toContain('your rules are unchanged');
    expect(errorText).toContain('metricCues[0].terms[0]: a term is lowercase words');
    expect(errorText).toContain('figures[0].figure.url: required');
    expect(await storedSettings()).toBeUndefined();

    // A file over the size limit is refused before it is read.
    await options.getByTestId('pack-file').setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.from(`{"name":"huge","description":"${'x'.repeat(300 * 1024)}"}`),
    });
    await expect.poll(() => errors.innerText()).toContain('huge.json was not imported: it is larger than the 256 kB limit');
    expect(await storedSettings()).toBeUndefined();

    await options.getByTestId('pack-file').setInputFiles({
      name: 'unodc.json',
      mimeType: 'application/json',
      buffer: Buffer.from(example),
    });
    const row = options.getByTestId('pack-unodc-report-wording');
    await row.waitFor();
    expect(await errors.count()).toBe(0);
    expect(await row.innerText()).toContain('1 metric cue, 1 official figure');
    await expect.poll(storedSettings).toMatchObject({ rulePacks: [{ id: 'unodc-report-wording', enabled: true }] });
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'options-rule-pack.png'), fullPage: true });

    await row.getByRole('switch').click();
    await expect.poll(storedSettings).toMatchObject({ rulePacks: [{ id: 'unodc-report-wording', enabled: false }] });
    await row.getByRole('button', { name: /Remove/ }).click();
    await expect.poll(storedSettings).toMatchObject({ rulePacks: [] });
    await options.close();
  });
});
