// The document the page gate screens, read from rendered text alone: one block
// per rendered line, the page's headings as headings, and the same window as
// the careful reading (candidate lines, the lines before them, the headings above).
import { expect, test } from 'vitest';
import { renderedDocument } from '../../lib/rendered-document';
import { candidateLineSpans } from '../../lib/dom/candidates';
import { windowDocument } from '../../lib/document-window';

const HEADINGS = new Map([['At the border', 2], ['Weather', 2]]);
const TEXT = [
  '  At the   border ',
  '',
  'Officials spoke on Monday.',
  '  The  agency   publishes monthly.  ',
  'Agents encountered 76,020 unaccompanied children in fiscal 2019.',
  'Weather',
  'Sunny, 21\tdegrees.',
].join('\n');

const screened = (text: string, headings = HEADINGS, title?: string) =>
  renderedDocument({ text, candidates: candidateLineSpans(text).spans, headings, title });

test('the candidate line goes with the two lines before it and its heading, space collapsed, headings with their level', () => {
  const doc = screened(TEXT, HEADINGS, 'Arrivals');
  expect(doc.title).toBe('Arrivals');
  expect(doc.date).toBeUndefined(); // a date dates claims; it does not find them
  expect(doc.blocks).toEqual([
    { text: 'At the border', kind: 'heading', level: 2 },
    { text: 'Officials spoke on Monday.', kind: 'paragraph' },
    { text: 'The agency publishes monthly.', kind: 'paragraph' },
    { text: 'Agents encountered 76,020 unaccompanied children in fiscal 2019.', kind: 'paragraph' },
  ]);
});

test('the window is the careful reading’s for the same blocks', () => {
  const blocks = TEXT.split(/[\n\t]/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean)
    .map((text) => (HEADINGS.has(text) ? { text, kind: 'heading' as const, level: HEADINGS.get(text)! } : { text, kind: 'paragraph' as const }));
  expect(screened(TEXT).blocks).toEqual(windowDocument({ blocks }).input.blocks);
});

test('only lines the prefilter found are candidates: a heading-only page, or no candidate, gives no blocks', () => {
  expect(screened('Weather\nSunny, 21 degrees.').blocks).toEqual([]);
  // Candidates are given by where they start: a line whose start is not listed is not asked about.
  expect(renderedDocument({ text: TEXT, candidates: [], headings: HEADINGS }).blocks).toEqual([]);
});

test('a line longer than a block may be is cut at sentence ends', () => {
  const sentence = 'Agents encountered 76,020 unaccompanied children in fiscal 2019. ';
  const doc = screened(sentence.repeat(2_000), new Map());
  expect(doc.blocks.length).toBeGreaterThan(1);
  expect(doc.blocks.every((b) => b.text.length < sentence.length * 2_000)).toBe(true);
});
