// Over-long passages cut into pieces for the `analyze` message: no text lost
// or repeated, no piece over the limit, cuts at sentence ends where there are
// any, and claims found in a piece map back to the whole passage.
import { describe, expect, test } from 'vitest';
import { MAX_PIECE_CHARS, pieceBounds } from '../../lib/dom/passage-pieces';
import { findClaims } from '../../lib/engine';

const FILLER = 'The committee discussed the budget and the new library at length. ';

function pieces(text: string, max?: number) {
  return [...pieceBounds(text, max)];
}

function expectTiling(text: string, max: number) {
  const list = pieces(text, max);
  expect(list[0]!.start).toBe(0);
  expect(list.at(-1)!.end).toBe(text.length);
  for (let i = 0; i < list.length; i++) {
    const { start, end } = list[i]!;
    expect(end).toBeGreaterThan(start);
    expect(end - start).toBeLessThanOrEqual(max);
    if (i > 0) expect(start).toBe(list[i - 1]!.end);
  }
  return list;
}

describe('pieceBounds', () => {
  test('a passage that fits is one piece', () => {
    expect(pieces('85,000 migrant children.')).toEqual([{ start: 0, end: 24 }]);
    expect(pieces('')).toEqual([{ start: 0, end: 0 }]);
    const exact = 'x'.repeat(MAX_PIECE_CHARS);
    expect(pieces(exact)).toEqual([{ start: 0, end: MAX_PIECE_CHARS }]);
  });

  test('cuts right after a sentence end', () => {
    const text = FILLER.repeat(100);
    const list = expectTiling(text, 1000);
    expect(list.length).toBeGreaterThan(6);
    for (const { end } of list.slice(0, -1)) expect(text.slice(end - 2, end)).toBe('. ');
  });

  test('without sentence ends, at white space; without white space, at the limit, never inside a surrogate pair', () => {
    const words = 'word '.repeat(1000);
    for (const { end } of expectTiling(words, 333).slice(0, -1)) expect(words[end - 1]).toBe(' ');
    const solid = 'a😀'.repeat(1000); // U+1F600 is two UTF-16 units
    for (const { end } of expectTiling(solid, 100).slice(0, -1)) {
      const code = solid.charCodeAt(end - 1);
      expect(code >= 0xd800 && code <= 0xdbff).toBe(false);
    }
  });

  test('a claim near the end of a 3 MB passage is found in its piece at the right offsets', () => {
    const claim = 'Border agents encountered 152,057 unaccompanied minors at the southwest border in fiscal 2022.';
    const text = FILLER.repeat(Math.ceil(3e6 / FILLER.length)) + claim + ' ' + FILLER.repeat(20);
    const list = expectTiling(text, MAX_PIECE_CHARS);
    const found = list.flatMap(({ start, end }) =>
      findClaims(text.slice(start, end)).map((c) => ({ text: c.text, start: start + c.start, end: start + c.end })),
    );
    const expected = findClaims(claim);
    expect(expected.length).toBeGreaterThan(0);
    const at = text.indexOf(claim);
    expect(found).toEqual(expected.map((c) => ({ text: c.text, start: at + c.start, end: at + c.end })));
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});
