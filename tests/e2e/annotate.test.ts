// The in-page experience in real Chromium with the built extension: claims
// highlighted at exactly the engine's spans, tooltip on hover, popup on click
// and keyboard, Esc back to the claim, dynamic text, settings applied live,
// page text never rendered as HTML. Screenshots go to artifacts/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, ROOT, launchWithExtension, serveStatic, type ExtensionBrowser, type StaticServer } from './browser';
import { focusClaim, listClaims, pageAnswer, paintedRanges, waitForScan } from '../../cli/page-claims';
import { findClaims } from '../../lib/engine';
import { scannerClaims } from './scanner-claims';
import { metricById } from '../../rules';
import type { Claim } from '../../lib/contract';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const MARKUP_SENTENCE =
  'The agency lost track of 85,000 <b onmouseover=alert(1)>migrant</b> children <img src=x onerror=window.__pwned=1> last year.';
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const PAGES: Record<string, string> = {
  '/markup.html': `<!doctype html><html><head><meta charset="utf-8"><title>Markup as text</title></head>
<body><article><p>${escapeHtml(MARKUP_SENTENCE)}</p></article></body></html>`,
  '/dynamic.html': `<!doctype html><html><head><meta charset="utf-8"><title>Dynamic</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:680px;margin:40px auto}</style></head>
<body><article id="feed"><p>Welcome to the live blog. Updates appear below.</p></article>
<p><label>Search <input id="search" type="text"></label></p></body></html>`,
  '/dark.html': `<!doctype html><html><head><meta charset="utf-8"><title>Dark</title>
<style>html,body{background:#121417;color:#e6e6e6}body{font:18px/1.6 Georgia,serif;max-width:680px;margin:60px auto}</style></head>
<body><p>HHS lost track of 85,000 migrant children, officials said in a briefing on Tuesday.</p>
<p>Smugglers charge families as much as $10,000 per child for the journey north.</p></body></html>`,
};

let browser: ExtensionBrowser;
let server: StaticServer;


async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}${path}`);
  await waitForScan(page);
  return page;
}

async function centreOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  const range = (await paintedRanges(page)).find((r) => squash(r.text) === text);
  expect(range, `a highlight on “${text}”`).toBeDefined();
  await page.evaluate((y) => window.scrollBy(0, y - window.innerHeight / 3), range!.rect!.y);
  const again = (await paintedRanges(page)).find((r) => squash(r.text) === text)!;
  return { x: again.rect!.x + Math.min(again.rect!.width / 2, 24), y: again.rect!.y + again.rect!.height / 2 };
}

const ui = (page: Page, selector: string) => page.locator(`metric-lens-ui ${selector}`);

/** What has the keyboard focus: an element of our UI (by class), or a page element (by tag). */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.localName === 'metric-lens-ui') return `ui:${active.shadowRoot?.activeElement?.className ?? ''}`;
    return active?.localName ?? '';
  });
}

async function storeSettings(change: Record<string, unknown>): Promise<void> {
  await browser.serviceWorker.evaluate(async (patch) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
    const stored = ((await api.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await api.storage.local.set({ settings: { version: 1, ...stored, ...patch } });
  }, change);
}

beforeAll(async () => {
  browser = await launchWithExtension();
  server = await serveStatic([join(ROOT, 'demo')], PAGES);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo article', () => {
  const html = readFileSync(join(ROOT, 'demo/article.html'), 'utf8');

  test('every claim the engine finds is highlighted at exactly its text, and nothing else', async () => {
    // The .sr-note paragraph is display:none on the page (and for the scanner): no highlight may come from it.
    const expected = scannerClaims(html).map((c) => squash(c.text));
    expect(expected.length).toBeGreaterThan(10);
    const page = await open('/article.html');
    const painted = (await paintedRanges(page)).map((r) => squash(r.text));
    expect(painted.join("\n")).toBe(expected.join("\n"));
    expect(painted.join('|')).not.toContain('900,000');
    const listed = await listClaims(browser.serviceWorker, page.url());
    expect(listed.enabled).toBe(true);
    expect(listed.claims.map((c) => squash(c.text))).toEqual(expected);
    // The page's own DOM is untouched: one host element at most, no marks.
    expect(await page.locator('mark').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'e2e-demo-top.png') });
    await page.close();
  });

  test('hover shows the tooltip with the metric; click opens the popup; Esc closes it and focus returns', async () => {
    const page = await open('/article.html');
    const claim = scannerClaims(html).find((c) => squash(c.text) === '85,000 migrant children');
    expect(claim, 'the engine reads the ORR sentence').toBeDefined();
    const metric = metricById(claim!.metric);
    const at = await centreOf(page, '85,000 migrant children');

    await page.mouse.move(at.x, at.y);
    await expect.poll(() => ui(page, '.tooltip').count()).toBe(1);
    await expect(ui(page, '.tooltip-metric').textContent()).resolves.toBe(metric.shortName);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'e2e-tooltip.png') });
    await page.mouse.move(5, 5);
    await expect.poll(() => ui(page, '.tooltip').count()).toBe(0);

    await page.mouse.click(at.x, at.y);
    await expect.poll(() => ui(page, '.popup').count()).toBe(1);
    await expect(ui(page, '.popup h2').textContent()).resolves.toBe(metric.name);
    await expect(ui(page, '.popup .number').textContent()).resolves.toBe(claim!.number.raw);
    const caveats = await ui(page, '.popup .caveats li').allTextContents();
    expect(caveats).toEqual(claim!.caveats);
    if (claim!.conflation) await expect(ui(page, '.popup .conflation').count()).resolves.toBe(1);
    if (claim!.source) {
      await expect(ui(page, '.popup .source a').getAttribute('href')).resolves.toBe(new URL(claim!.source.url).href);
    }
    expect(await focused(page)).toBe('ui:popup');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'e2e-popup.png') });

    await page.keyboard.press('Escape');
    await expect.poll(() => ui(page, '.popup').count()).toBe(0);
    expect(await focused(page)).toBe('ui:ring');
    // The ring sits on the claim.
    const ring = await ui(page, '.ring').boundingBox();
    expect(ring).not.toBeNull();
    expect(at.x).toBeGreaterThanOrEqual(ring!.x);
    expect(at.x).toBeLessThanOrEqual(ring!.x + ring!.width);
    expect(at.y).toBeGreaterThanOrEqual(ring!.y);
    expect(at.y).toBeLessThanOrEqual(ring!.y + ring!.height);
    await page.close();
  });

  test('Alt+Shift+N / Alt+Shift+P walk the claims; Enter opens the popup; Esc returns to the claim', async () => {
    const page = await open('/article.html');
    const claims = (await listClaims(browser.serviceWorker, page.url())).claims;
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => focused(page)).toBe('ui:ring');
    const label = await ui(page, '.ring').getAttribute('aria-label');
    expect(label).toContain(`Claim 1 of ${claims.length}`);
    expect(label).toContain(claims[0]!.text);
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => ui(page, '.ring').getAttribute('aria-label')).toContain(`Claim 2 of ${claims.length}`);

    await page.keyboard.press('Enter');
    await expect.poll(() => ui(page, '.popup').count()).toBe(1);
    await expect(ui(page, '.popup h2').textContent()).resolves.toBe(metricById(claims[1]!.metric).name);
    await expect(ui(page, '.popup .quote').textContent()).resolves.toBe(claims[1]!.text);
    await page.keyboard.press('Escape');
    await expect.poll(() => ui(page, '.popup').count()).toBe(0);
    expect(await focused(page)).toBe('ui:ring');

    await page.keyboard.press('Alt+Shift+P');
    await page.keyboard.press('Alt+Shift+P');
    await expect.poll(() => ui(page, '.ring').getAttribute('aria-label')).toContain(
      `Claim ${claims.length} of ${claims.length}`,
    );
    // Esc hides the tooltip first, the focus staying on the claim (WCAG 1.4.13); a second Esc leaves the claim.
    await page.keyboard.press('Escape');
    await expect.poll(() => ui(page, '.tooltip').count()).toBe(0);
    expect(await focused(page)).toBe('ui:ring');
    await page.keyboard.press('Escape');
    await expect.poll(() => ui(page, '.ring').count()).toBe(0);
    await page.close();
  });
});

describe('closing the popup and the focus ring leaves every claim usable', () => {
  /** Two claims of the demo with different metrics (so their tooltips differ), in document order. */
  async function twoClaims(page: Page): Promise<[Claim, Claim]> {
    const claims = (await listClaims(browser.serviceWorker, page.url())).claims;
    const first = claims[0]!;
    const other = claims.find((c) => metricById(c.metric).shortName !== metricById(first.metric).shortName);
    expect(other, 'a second claim with another metric').toBeDefined();
    return [first, other!];
  }

  /** A page closed when the test ends, pass or fail (the claims of a tab left open would answer `list-claims`). */
  async function openOwn(path: string): Promise<Page> {
    const page = await open(path);
    onTestFinished(() => page.close());
    return page;
  }

  async function expectPopupFor(page: Page, claim: Claim): Promise<void> {
    await expect.poll(() => ui(page, '.popup').count()).toBe(1);
    await expect(ui(page, '.popup .quote').textContent()).resolves.toBe(claim.text);
  }

  async function expectTooltipFor(page: Page, claim: Claim): Promise<void> {
    await expect.poll(() => ui(page, '.tooltip').count()).toBe(1);
    await expect(ui(page, '.tooltip-metric').textContent()).resolves.toBe(metricById(claim.metric).shortName);
  }

  /** Esc on the popup (focus back on the ring), then Esc on the ring (focus back to the page). */
  async function escapeTwice(page: Page): Promise<void> {
    await page.keyboard.press('Escape');
    await expect.poll(() => ui(page, '.popup').count()).toBe(0);
    expect(await focused(page)).toBe('ui:ring');
    await page.keyboard.press('Escape');
    await expect.poll(() => ui(page, '.ring').count()).toBe(0);
  }

  /** Click a claim, see its popup, then Esc, Esc. */
  async function openThenEscapeTwice(page: Page, claim: Claim): Promise<void> {
    const at = await centreOf(page, squash(claim.text));
    await page.mouse.click(at.x, at.y);
    await expectPopupFor(page, claim);
    await escapeTwice(page);
  }

  test('click, Esc, Esc, then a click on another claim opens that claim’s popup', async () => {
    const page = await openOwn('/article.html');
    const [a, b] = await twoClaims(page);
    await openThenEscapeTwice(page, a);

    const atB = await centreOf(page, squash(b.text));
    await page.mouse.click(atB.x, atB.y);
    await expectPopupFor(page, b);
  });

  test('click, Esc, Esc, then hovering another claim shows the tooltip for that claim', async () => {
    const page = await openOwn('/article.html');
    const [a, b] = await twoClaims(page);
    await openThenEscapeTwice(page, a);

    const atB = await centreOf(page, squash(b.text));
    await page.mouse.move(atB.x, atB.y, { steps: 4 });
    await expectTooltipFor(page, b);
    await page.mouse.move(5, 5, { steps: 4 });
    await expect.poll(() => ui(page, '.tooltip').count()).toBe(0);
  });

  /** Hovering the claim shows its tooltip and clicking it opens its popup: the page still answers. */
  async function expectClaimAnswers(page: Page, claim: Claim): Promise<void> {
    const at = await centreOf(page, squash(claim.text));
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await expectTooltipFor(page, claim);
    await page.mouse.click(at.x, at.y);
    await expectPopupFor(page, claim);
  }

  test('Alt+Shift+N, Enter, Esc, Esc: no tooltip left behind; hover and click still answer', async () => {
    const page = await openOwn('/article.html');
    const [a, b] = await twoClaims(page);
    await page.mouse.move(5, 5);
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => focused(page)).toBe('ui:ring');
    await page.keyboard.press('Enter');
    await expectPopupFor(page, a);
    await escapeTwice(page);
    // The pointer is nowhere near a claim: nothing of ours stays on screen.
    await expect.poll(() => ui(page, '.tooltip').count()).toBe(0);

    await expectClaimAnswers(page, b);
  });

  test('Dismiss removes the claim and its popup; the other claims still open', async () => {
    const page = await openOwn('/article.html');
    const [a, b] = await twoClaims(page);
    const before = (await listClaims(browser.serviceWorker, page.url())).claims.length;
    const atA = await centreOf(page, squash(a.text));
    await page.mouse.click(atA.x, atA.y);
    await expectPopupFor(page, a);
    await ui(page, '.popup .actions button').filter({ hasText: 'Dismiss' }).click();
    await expect.poll(() => ui(page, '.popup').count()).toBe(0);
    await expect.poll(async () => (await paintedRanges(page)).map((r) => squash(r.text))).not.toContain(squash(a.text));
    expect((await listClaims(browser.serviceWorker, page.url())).claims.length).toBe(before - 1);
    await expect.poll(() => ui(page, '.live').textContent()).toBe('Claim dismissed.');

    await expectClaimAnswers(page, b);
  });

  test('the toolbar popup’s focus-claim opens that claim; after Esc, Esc the page still answers', async () => {
    const page = await openOwn('/article.html');
    const [a, b] = await twoClaims(page);
    const claims = (await listClaims(browser.serviceWorker, page.url())).claims;
    const index = claims.findIndex((c) => c.text === b.text && c.start === b.start);
    await page.bringToFront();
    expect(await focusClaim(browser.serviceWorker, page.url(), index)).toBe(true);
    await expectPopupFor(page, b);
    await escapeTwice(page);

    const atA = await centreOf(page, squash(a.text));
    await page.mouse.click(atA.x, atA.y);
    await expectPopupFor(page, a);
  });
});

describe('dynamic pages', () => {
  test('text added after load is annotated, removed text loses its highlight, typed keys stay the page’s', async () => {
    const page = await open('/dynamic.html');
    expect(await paintedRanges(page)).toEqual([]);
    // No candidate yet: the page script has not touched the extension API, so nothing answers the toolbar popup.
    expect(await pageAnswer(browser.serviceWorker, page.url())).toBeNull();
    const added = 'Border agents encountered 76,020 unaccompanied children at the southwest border in fiscal 2019.';
    const expected = findClaims(added).map((c) => squash(c.text));
    expect(expected.length).toBeGreaterThan(0);
    await page.evaluate((text) => {
      const p = document.createElement('p');
      p.id = 'late';
      // Split across inline elements, as client-rendered articles often are.
      const [head, tail] = [text.slice(0, 26), text.slice(26)];
      p.append(head, Object.assign(document.createElement('a'), { href: '#', textContent: tail.slice(0, 6) }), tail.slice(6));
      document.getElementById('feed')!.append(p);
    }, added);
    await expect.poll(async () => (await paintedRanges(page)).map((r) => squash(r.text)), { timeout: 10_000 }).toEqual(expected);
    // Woken by the new text, it answers with the claims it shows.
    expect((await listClaims(browser.serviceWorker, page.url())).claims.map((c) => squash(c.text))).toEqual(expected);

    // Typing the shortcut in a field is the page's business.
    await page.locator('#search').focus();
    await page.keyboard.press('Alt+Shift+N');
    expect(await focused(page)).toBe('input');

    await page.evaluate(() => document.getElementById('late')!.remove());
    await expect.poll(async () => (await paintedRanges(page)).length, { timeout: 10_000 }).toBe(0);
    await page.close();
  });
});

describe('safety and settings', () => {
  test('markup-like page text shows as text in the popup, never as HTML', async () => {
    const claim = findClaims(MARKUP_SENTENCE)[0];
    expect(claim, 'the engine reads the sentence').toBeDefined();
    const page = await open('/markup.html');
    await page.keyboard.press('Alt+Shift+N');
    await page.keyboard.press('Enter');
    await expect.poll(() => ui(page, '.popup').count()).toBe(1);
    await expect(ui(page, '.popup .quote').textContent()).resolves.toBe(claim!.text);
    expect(await ui(page, '.popup img').count()).toBe(0);
    expect(await ui(page, '.popup b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Whatever the engine's span, the page text itself still reads as text.
    expect(await page.locator('article p').textContent()).toBe(MARKUP_SENTENCE);
    await page.close();
  });

  test('highlight style, dark pages and switching the site off apply without a reload', async () => {
    const page = await open('/dark.html');
    await page.keyboard.press('Alt+Shift+N');
    await page.keyboard.press('Enter');
    await expect.poll(() => ui(page, '.popup').count()).toBe(1);
    await expect(ui(page, '.layer').getAttribute('class')).resolves.toContain('dark');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'e2e-dark-popup.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    await storeSettings({ highlightStyle: 'underline' });
    await expect
      .poll(() => page.evaluate(() => [CSS.highlights.has('metric-lens'), CSS.highlights.has('metric-lens-underline')]))
      .toEqual([false, true]);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'e2e-underline.png') });

    await storeSettings({ disabledSites: ['127.0.0.1'] });
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    await expect.poll(() => page.locator('metric-lens-ui').count()).toBe(0);
    const listed = await listClaims(browser.serviceWorker, page.url());
    expect(listed).toMatchObject({ enabled: false, claims: [] });

    await storeSettings({ disabledSites: [], highlightStyle: 'color' });
    await expect.poll(async () => (await paintedRanges(page)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.close();
  });
});
