// The window of blocks the engine reads (shared by the scanner and the page):
// candidates, the blocks just before them, the headings they stand under.
import { expect, test } from 'vitest';
import type { DocumentBlock } from '../../lib/contract';
import { CONTEXT_BLOCKS_BEFORE, CONTEXT_CHARS_BEFORE, placeClaims, splitLongBlocks, windowDocument, windowIndexes } from '../../lib/document-window';

const p = (text: string): DocumentBlock => ({ text, kind: 'paragraph' });
const h = (level: number, text: string): DocumentBlock => ({ text, kind: 'heading', level });
const CANDIDATE = 'Border agents encountered 76,020 unaccompanied children in fiscal 2019.';

test('a candidate comes with the blocks before it, up to the bounds, and nothing after it', () => {
  const blocks = [p('one'), p('two'), p('three'), p('four'), p('five'), p(CANDIDATE), p('after')];
  expect(CONTEXT_BLOCKS_BEFORE).toBe(2);
  expect(windowIndexes(blocks)).toEqual([3, 4, 5]);
  expect(windowIndexes(blocks, undefined, 4)).toEqual([1, 2, 3, 4, 5]);
  // A long block before stops the context there: the blocks beyond it are not read.
  const long = [p('near the start'), p('x'.repeat(CONTEXT_CHARS_BEFORE)), p(CANDIDATE)];
  expect(windowIndexes(long)).toEqual([1, 2]);
  expect(windowIndexes([p('a'), p('x'.repeat(CONTEXT_CHARS_BEFORE + 1)), p(CANDIDATE)])).toEqual([2]);
});

test('the headings above a candidate come too: the nearest of each level, not the ones it closed', () => {
  const blocks = [h(1, 'Title'), h(2, 'Old section'), p('a'), h(2, 'Section'), h(3, 'Sub'), p('b'), p('c'), p('d'), p('e'), p(CANDIDATE)];
  // Title (level 1), Section (level 2, which closed "Old section"), Sub (level 3), and the 2 blocks before.
  expect(windowIndexes(blocks)).toEqual([0, 3, 4, 7, 8, 9]);
  // A new level-2 heading closes the level-3 one under the previous section.
  const later = [...blocks, h(2, 'Next'), p('f'), p('g'), p('h'), p(CANDIDATE)];
  expect(windowIndexes(later)).toEqual([0, 3, 4, 7, 8, 9, 10, 12, 13, 14]);
});

test('no candidate, no block; overlapping windows give each block once, in order', () => {
  expect(windowIndexes([p('a'), h(1, 'b'), p('c')])).toEqual([]);
  expect(windowIndexes([p('a'), p(CANDIDATE), p(CANDIDATE), p('d')])).toEqual([0, 1, 2]);
});

test('windowDocument carries title and date; placeClaims maps claims back to the source blocks', () => {
  const blocks = [p('a'), p('b'), p('c'), p('d'), p(CANDIDATE)];
  const window = windowDocument({ title: 'T', date: '2026-03-04', blocks });
  expect(window.input).toEqual({ title: 'T', date: '2026-03-04', blocks: blocks.slice(2) });
  expect(window.sources).toEqual([2, 3, 4]);
  const claim = { text: 'x' } as never;
  expect(placeClaims(window, [[], [], [claim]])).toEqual([{ block: 4, claim }]);
});

test('over-long blocks are cut into pieces of their kind, each knowing where it starts', () => {
  const long = 'Sentence one is here. '.repeat(10).trim();
  const { blocks, origins } = splitLongBlocks([p('short'), { text: long, kind: 'list-item' }], 50);
  expect(blocks[0]).toEqual(p('short'));
  expect(blocks.slice(1).every((b) => b.kind === 'list-item' && b.text.length <= 50)).toBe(true);
  expect(blocks.slice(1).map((b) => b.text).join('')).toBe(long);
  expect(origins[0]).toEqual({ block: 0, start: 0 });
  for (const [i, o] of origins.entries()) if (i > 0) expect(long.slice(o.start, o.start + blocks[i]!.text.length)).toBe(blocks[i]!.text);
});
