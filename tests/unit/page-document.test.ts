// @vitest-environment happy-dom
// In a page, the gate indexes only the region around each candidate (and the
// headings); the scanner reads the whole file. Both must hand the engine the
// same document: same blocks, kinds, title and date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { locateCandidates } from '../../lib/dom/candidates';
import { readPageDocument } from '../../lib/dom/page-document';
import { windowDocument } from '../../lib/document-window';
import { htmlToDocument } from '../../lib/html/passages';

const go = async () => true;

async function pageInput(html: string) {
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>|<\/html>\s*$/g, '');
  const candidates = await locateCandidates(document, go);
  const page = await readPageDocument(document, candidates ?? [], {}, go);
  return page!;
}

function scannerInput(html: string) {
  const doc = htmlToDocument(html);
  return windowDocument({ title: doc.title ?? undefined, date: doc.date ?? undefined, blocks: doc.blocks }).input;
}

const CLAIM_A = 'Border agents encountered 76,020 unaccompanied children in fiscal 2019.';
const CLAIM_B = 'Smugglers charged families as much as $9,000 per child.';
const filler = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} about the weather and the park.</p>`).join('');

const PAGES: Record<string, string> = {
  'the article written for the e2e test': readFileSync(join(import.meta.dirname, '../e2e/pages/passages.html'), 'utf8'),
  'paragraphs straight in the body': `<html><head><title>Body</title></head><body><h1>Top</h1>${filler(6)}<p>${CLAIM_A}</p>${filler(2)}</body></html>`,
  'a candidate opening its container, context in the one before': `<html><head><title>Nested</title></head><body><nav><h2>Menu</h2></nav>
    <main><section>${filler(5)}</section><section><h3>Second</h3><div><p>${CLAIM_A}</p>${filler(3)}</div></section>
    <aside><ul><li>Other</li><li>${CLAIM_B}</li></ul></aside></main></body></html>`,
  'inline markup inside a candidate, a date in the article': `<html><head><title>Inline</title></head><body><article><time datetime="2025-02-03">Feb 3</time>
    <h2>Section</h2>${filler(4)}<p>Agents <b>encountered</b> <a href="#">76,020</a> unaccompanied children.</p></article></body></html>`,
};

test.each(Object.entries(PAGES))('%s: the page sends what the scanner reads', async (_name, html) => {
  const expected = scannerInput(html);
  expect(expected.blocks.length).toBeGreaterThan(1);
  const page = await pageInput(html);
  expect(page.input).toEqual(expected);
  // Every block maps back to the passage text it came from.
  page.input.blocks.forEach((block, i) => {
    const place = page.places[i]!;
    expect(place.passage.text.slice(place.start, place.start + block.text.length)).toBe(block.text);
  });
});
