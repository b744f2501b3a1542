// A page read as a document: the claims painted in real Chromium, and those
// the content script lists, equal the scanner's for the same HTML file, read
// through the scanner's own modules (blocks with their kinds, the same window
// of context, findClaimsInDocument). The page is written for this test: a
// source named a paragraph before its figure, headings, a list, a caption.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT, launchWithExtension, serveStatic, type ExtensionBrowser, type StaticServer } from './browser';
import { listClaims, paintedRanges, waitForScan } from '../../cli/page-claims';
import { readDocument } from '../../cli/documents';
import { documentClaims } from '../../cli/document-scan';
import { findClaimsInDocument } from '../../lib/engine/document';

const PAGES_DIR = join(ROOT, 'tests/e2e/pages');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  browser = await launchWithExtension();
  server = await serveStatic([PAGES_DIR]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the claims highlighted in the page are the scanner’s claims for the same file', async () => {
  const doc = await readDocument({ file: join(PAGES_DIR, 'passages.html'), kind: 'html' });
  const scanned = documentClaims(doc, { findClaimsInDocument, sensitivity: 'balanced' });
  // The page holds claims in paragraphs, list items and a caption: the comparison is not empty.
  expect(scanned.length).toBeGreaterThanOrEqual(3);
  const kindOf = (passage: number) => doc.blocks[doc.places.findIndex((p) => p.passage === passage)]!.kind;
  expect(new Set(scanned.map((c) => kindOf(c.passage)))).toEqual(new Set(['paragraph', 'list-item', 'caption']));

  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/passages.html`);
  await waitForScan(page);
  const painted = (await paintedRanges(page)).map((r) => squash(r.text));
  expect(painted).toEqual(scanned.map((c) => squash(c.text)));

  const listed = await listClaims(browser.serviceWorker, page.url());
  const view = (c: { text: string; metric: string; predicate: string; start: number; end: number }) =>
    `${squash(c.text)} | ${c.metric} | ${c.predicate} | ${c.start}-${c.end}`;
  expect(listed.claims.map(view)).toEqual(scanned.map(view));
  await page.close();
});
