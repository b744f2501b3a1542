// `npm start [URL | FILE.html]`: builds the extension and opens Chromium with
// it on the built-in demo article (or the given page). With a display it
// stays open for you to explore; without one (no $DISPLAY, or CI) it runs
// headless, saves screenshots of a highlighted claim and its popup to
// artifacts/, and prints the claims it found.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, ROOT, launchWithExtension, serveStatic, type StaticServer } from './browser';
import { findChromium } from './chromium';
import { pageAnswer, paintedRanges, waitForScan } from './page-claims';

const DEMO = join(ROOT, 'demo/article.html');

function usage(): never {
  console.error('usage: npm start [-- URL | FILE.html]');
  process.exit(2);
}

/** What to open: a web address as given, or a local file served from 127.0.0.1. */
async function target(arg: string | undefined): Promise<{ url: string; server?: StaticServer }> {
  if (arg && /^https?:\/\//i.test(arg)) return { url: arg };
  const file = resolve(arg ?? DEMO);
  if (!existsSync(file)) {
    console.error(`No such file: ${file}`);
    usage();
  }
  const server = await serveStatic([dirname(file)]);
  return { url: `${server.origin}/${encodeURIComponent(basename(file))}`, server };
}

async function screenshots(page: Page, claimIndex: number): Promise<string[]> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const ranges = await paintedRanges(page);
  const rect = ranges[claimIndex]?.rect;
  if (!rect) return [];
  // Bring the claim to the upper third of the viewport, then read its position again.
  await page.evaluate((y) => window.scrollBy(0, y - window.innerHeight / 3), rect.y);
  await page.waitForTimeout(100);
  const at = (await paintedRanges(page))[claimIndex]?.rect;
  if (!at) return [];
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const band = {
    x: 0,
    y: Math.max(0, at.y - 200),
    width: viewport.width,
    height: Math.min(340, viewport.height - Math.max(0, at.y - 200)),
  };
  const files = [join(ARTIFACTS_DIR, 'start-highlight.png'), join(ARTIFACTS_DIR, 'start-popup.png')];
  await page.mouse.move(at.x + Math.min(at.width / 2, 20), at.y + at.height / 2);
  await page.waitForTimeout(150);
  await page.screenshot({ path: files[0], clip: band });
  await page.mouse.click(at.x + Math.min(at.width / 2, 20), at.y + at.height / 2);
  await page.locator('metric-lens-ui .popup').waitFor({ timeout: 5_000 });
  await page.waitForTimeout(100);
  await page.screenshot({ path: files[1] });
  return files;
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (arg === '-h' || arg === '--help') usage();
  try {
    findChromium();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  console.error('Building the extension (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

  const headless = !process.env.DISPLAY || !!process.env.CI;
  const { url, server } = await target(arg);
  const browser = await launchWithExtension({ headless });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(url, { waitUntil: 'load' });
  await waitForScan(page, 60_000);

  // No answer: the page's text held no candidate, so its page script never woke up.
  const claims = (await pageAnswer(browser.serviceWorker, page.url()))?.claims ?? [];
  console.log(`${claims.length} claim${claims.length === 1 ? '' : 's'} on ${url}`);
  for (const claim of claims) {
    console.log(`  ${claim.number.raw}  ·  ${claim.metric}  ·  ${claim.predicate}  ·  “${claim.text}”`);
  }

  if (headless) {
    // Show the richest popup: a claim whose sentence says something its metric does not count.
    const pick = Math.max(0, claims.findIndex((c) => c.conflation));
    const files = claims.length > 0 ? await screenshots(page, pick) : [];
    for (const file of files) console.log(`screenshot: ${file}`);
    await browser.close();
    await server?.close();
    return;
  }
  console.error('Chromium is open with Metric Lens. Hover or click a highlight; Alt+Shift+N / Alt+Shift+P move between claims. Close the window to quit.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server?.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
