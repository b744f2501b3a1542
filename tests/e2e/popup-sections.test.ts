// The context popup's content in real Chromium with the built extension, for
// claims of several metrics on a light and a dark page: the period, the
// official figure for the same measure and period with its label, the series
// chart with the claim marked, caveats with "More", why this metric; no axe
// violation in the popup. Screenshots of each popup go to .output/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, launchWithExtension, serveStatic, type ExtensionBrowser, type StaticServer } from './browser';
import { focusClaim, listClaims, waitForScan } from '../../cli/page-claims';
import { metricById, seriesOf } from '../../rules';
import { PRESENTATION } from '../../rules/presentation';
import type { Claim } from '../../lib/contract';

const SHOTS = join(ROOT, '.output/screenshots');
const PAGE_DATE = '2025-11-20';

/** One sentence a paragraph, each with one claim of another metric (written for this test). */
const SENTENCES = [
  'Border Patrol agents apprehended 76,020 unaccompanied children at the southwest border in FY2019, a record at the time.',
  'In FY2010 agents apprehended nearly 18,000 unaccompanied children at the southwest border.',
  'In fiscal 2021 the refugee office took in about 122,000 unaccompanied children referred by border agents.',
  'Federal officials say they have located 25,000 unaccompanied migrant children so far this year.',
  'Prosecutors charged 1,912 people with human trafficking offences in FY2022, the Justice Department said.',
  'Children now make up 38 percent of trafficking victims detected worldwide, the UN report found.',
  'HHS lost track of 85,000 migrant children, a congressional report said.',
  'Smugglers charge families as much as $10,000 per child for the journey north.',
  'Roughly 6,000 migrant children could not be found after they left federal shelters in FY2021.',
  'Border agents recorded 2,475,669 encounters with migrants at the southwest border in FY2023, CBP said.',
  'The national trafficking hotline logged 300 potential trafficking cases in Ohio in 2017, its annual report said.',
  'Smuggling fees for a child are up about $2,000 from two years ago, investigators said.',
  'NCMEC said its CyberTipline received 29 million reports of suspected child sexual exploitation in 2021.',
];

function article(dark: boolean): string {
  const colours = dark ? 'html,body{background:#121417;color:#e6e6e6}' : 'body{color:#222}';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Numbers in the news</title>
<meta property="article:published_time" content="${PAGE_DATE}T09:00:00Z">
<style>${colours}body{font:17px/1.6 Georgia,serif;max-width:680px;margin:40px auto;padding:0 20px}</style></head>
<body><article><h1>Numbers in the news</h1>${SENTENCES.map((s) => `<p>${s}</p>`).join('\n')}</article></body></html>`;
}

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchWithExtension();
  server = await serveStatic([], { '/light.html': article(false), '/dark.html': article(true) });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ui = (page: Page, selector: string) => page.locator(`metric-lens-ui ${selector}`);

async function openPage(path: string): Promise<{ page: Page; claims: Claim[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 1700 });
  await page.goto(`${server.origin}${path}`);
  await waitForScan(page);
  const { claims } = await listClaims(browser.serviceWorker, page.url());
  return { page, claims };
}

async function openPopup(page: Page, index: number, claim: Claim): Promise<void> {
  await page.bringToFront();
  expect(await focusClaim(browser.serviceWorker, page.url(), index)).toBe(true);
  await expect.poll(() => ui(page, '.popup .quote').textContent()).toBe(claim.text);
}

async function closePopup(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => ui(page, '.popup').count()).toBe(0);
  await page.keyboard.press('Escape');
}

/** The whole popup on one image: its scroll limit lifted (and moved to the top) for the picture only. */
async function shoot(page: Page, name: string): Promise<void> {
  const saved = await page.evaluate(() => {
    const popup = document.querySelector('metric-lens-ui')?.shadowRoot?.querySelector<HTMLElement>('.popup');
    if (!popup) return null;
    const before = { maxHeight: popup.style.maxHeight, top: popup.style.top };
    Object.assign(popup.style, { maxHeight: 'none', top: '8px' });
    return before;
  });
  await ui(page, '.popup').screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.evaluate((before) => {
    const popup = document.querySelector('metric-lens-ui')?.shadowRoot?.querySelector<HTMLElement>('.popup');
    if (popup && before) Object.assign(popup.style, before);
  }, saved);
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page: page as never }).include('metric-lens-ui').analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe.each([
  ['light', '/light.html'],
  ['dark', '/dark.html'],
])('the popup on a %s page', (theme, path) => {
  let page: Page;
  let claims: Claim[] = [];
  let charts = 0;
  let uncertain = 0;
  beforeAll(async () => {
    ({ page, claims } = await openPage(path));
  });
  afterAll(async () => {
    await page?.close();
  });

  test('the page holds claims of at least six metrics', () => {
    const metrics = new Set(claims.map((c) => c.metric));
    expect(claims).toHaveLength(SENTENCES.length);
    expect(metrics.size, `metrics on the page: ${[...metrics].join(', ')}`).toBeGreaterThanOrEqual(6);
  });

  test.each(SENTENCES.map((_, i) => i))('claim %i: period, figure for its measure and period, chart, caveats, why, no axe violation', async (index) => {
    const claim = claims[index]!;
    expect(claim, `claim ${index}`).toBeDefined();
    await openPopup(page, index, claim);
    await expect(ui(page, '.layer').getAttribute('class')).resolves.toContain(theme);
    await expect(ui(page, '.popup h2').textContent()).resolves.toBe(metricById(claim.metric).name);

    // Which dataset, where the engine is unsure.
    const top = claim.alternatives?.[0]?.probability ?? claim.confidence;
    if (top < PRESENTATION.uncertainBelow) {
      uncertain++;
      await expect(ui(page, '.popup .uncertain .probably').textContent()).resolves.toContain(`Probably ${metricById(claim.metric).shortName} (`);
    } else {
      await expect(ui(page, '.popup .uncertain').count()).resolves.toBe(0);
    }

    // The period the sentence names, or "None named".
    const period = await ui(page, '.popup .period').textContent();
    if (claim.period) expect(period).toContain(claim.period.raw);
    else expect(period).toBe('None named');

    // The official figure: same unit, its own label, the period statement.
    const c = claim.comparison;
    if (c) {
      expect(c.unit === claim.number.unit || (['percent', 'ratio'].includes(c.unit) && ['percent', 'ratio'].includes(claim.number.unit))).toBe(true);
      await expect(ui(page, '.popup .figure-label').textContent()).resolves.toBe(c.label);
      await expect(ui(page, '.popup .figure-match').textContent()).resolves.toBe(c.statement);
      if (claim.period && c.periodMatch === 'nearest') expect(c.statement).toMatch(/(?:^|\. )No official figure for .+ in Metric Lens; nearest: /);
      // A figure not checked on its publisher's page says so under its source.
      if (c.sourceNote) await expect(ui(page, '.popup .source-check').textContent()).resolves.toBe(c.sourceNote);
      else await expect(ui(page, '.popup .source-check').count()).resolves.toBe(0);
      const points = seriesOf(claim.metric, c.measure).filter((f) => f.number !== null);
      const chart = ui(page, '.popup .chart svg[role="img"]');
      if (points.length >= PRESENTATION.chartMinPoints) {
        charts++;
        await expect(chart.count()).resolves.toBe(1);
        const label = (await chart.getAttribute('aria-label'))!;
        for (const f of points) expect(label).toContain(f.period);
        await expect(ui(page, '.popup .chart-bar').count()).resolves.toBe(points.length);
        await expect(ui(page, '.popup .chart-bar.focus').count()).resolves.toBe(1);
        if (claim.number.value !== null) await expect(ui(page, '.popup .chart-claim').count()).resolves.toBe(1);
        await expect(ui(page, '.popup .chart-table').isVisible()).resolves.toBe(false);
      } else {
        await expect(chart.count()).resolves.toBe(0);
      }
    } else {
      await expect(ui(page, '.popup .figure-none').count()).resolves.toBe(1);
      // Why none is shown, in the engine's words.
      if (claim.noFigure) await expect(ui(page, '.popup .figure-none').textContent()).resolves.toBe(claim.noFigure);
    }

    // Caveats: the first ones shown, the rest behind "More".
    const shown = PRESENTATION.caveatsShown;
    await expect(ui(page, '.popup .caveats li').allTextContents()).resolves.toEqual(claim.caveats);
    const more = ui(page, '.popup .caveats button.more');
    if (claim.caveats.length > shown) {
      await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(ui(page, '.popup #ml-more-caveats').isVisible()).resolves.toBe(false);
    } else {
      await expect(more.count()).resolves.toBe(0);
    }

    // Why this metric: the sentence with marks, rule ids only in the details.
    await expect(ui(page, '.popup .why-metric mark').count()).resolves.toBeGreaterThan(0);
    await expect(ui(page, '.popup .why-metric').textContent()).resolves.not.toContain(claim.rules[0] ?? '\u0000');
    await expect(ui(page, '.popup details.why').count()).resolves.toBe(1);

    await shoot(page, `popup-${theme}-${index + 1}-${claim.metric}`);

    if (claim.caveats.length > shown) {
      await more.click();
      await expect(more.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(ui(page, '.popup #ml-more-caveats').isVisible()).resolves.toBe(true);
    }
    const toggle = ui(page, '.popup .chart figcaption button');
    if (await toggle.count()) {
      await toggle.click();
      await expect(ui(page, '.popup .chart-table').isVisible()).resolves.toBe(true);
      if (index === 0) await shoot(page, `popup-${theme}-${index + 1}-${claim.metric}-open`);
    }
    // With every disclosure open, so that axe sees all of the popup.
    await expectNoAxeViolations(page);
    await closePopup(page);
  });

  test('at least four of the popups draw a series, and one says which datasets are likely', () => {
    expect(charts).toBeGreaterThanOrEqual(4);
    expect(uncertain).toBeGreaterThanOrEqual(1);
  });
});
