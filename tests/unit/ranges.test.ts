// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { collectPassages } from '../../lib/dom/text-index';
import { compareRanges, normalizeSpace, rangeForOffsets, rangeHolds, withoutSpace } from '../../lib/dom/ranges';

function passageOf(html: string) {
  document.body.innerHTML = html;
  const [passage] = collectPassages(document.body);
  return passage!;
}

describe('rangeForOffsets', () => {
  test('a claim split by a link and <em> maps to one range with exactly its text', () => {
    const passage = passageOf(
      '<p>The senator said <a href="#">300,000</a> <em>migrant\n   children</em> are missing, officials say.</p>',
    );
    const claimText = '300,000 migrant children are missing';
    const start = passage.text.indexOf(claimText);
    const range = rangeForOffsets(passage, start, start + claimText.length)!;
    expect(range).not.toBeNull();
    expect(normalizeSpace(range.toString())).toBe(claimText);
    expect(range.startContainer.textContent).toBe('300,000');
    expect(range.startOffset).toBe(0);
    expect(range.endContainer.textContent).toBe(' are missing, officials say.');
    expect(range.endOffset).toBe(' are missing'.length);
  });

  test('every sub-span of a passage maps back to the same text', () => {
    const passage = passageOf('<p>  A <b>1,2</b>34  <i>x\n y</i><br>z  end </p>');
    const n = passage.text.length;
    for (let s = 0; s < n; s++) {
      for (let e = s + 1; e <= n; e++) {
        // White space aside: the <br> reads as a space in the passage but is no character in a Range.
        const expected = withoutSpace(passage.text.slice(s, e));
        if (expected === '') continue;
        const range = rangeForOffsets(passage, s, e);
        expect(range, `${s}-${e}`).not.toBeNull();
        expect(withoutSpace(range!.toString()), `${s}-${e}`).toBe(expected);
        // Within one line, spaces match too.
        if (!passage.text.slice(s, e).includes(' z')) {
          expect(normalizeSpace(range!.toString()), `${s}-${e}`).toBe(normalizeSpace(passage.text.slice(s, e)));
        }
      }
    }
  });

  test('rejects offsets outside the passage', () => {
    const passage = passageOf('<p>short text</p>');
    expect(rangeForOffsets(passage, -1, 3)).toBeNull();
    expect(rangeForOffsets(passage, 3, 3)).toBeNull();
    expect(rangeForOffsets(passage, 0, passage.text.length + 1)).toBeNull();
  });
});

describe('rangeHolds', () => {
  test('is true while the text stands and false once the page changes or removes it', () => {
    const passage = passageOf('<p id="p">Some <b>85,000</b> children</p>');
    const start = passage.text.indexOf('85,000');
    const range = rangeForOffsets(passage, start, start + 15)!;
    expect(rangeHolds(range, '85,000 children')).toBe(true);
    document.querySelector('b')!.firstChild!.textContent = '12';
    expect(rangeHolds(range, '85,000 children')).toBe(false);
    const other = rangeForOffsets(passageOf('<p>Some 85,000 children</p>'), 5, 20)!;
    expect(rangeHolds(other, '85,000 children')).toBe(true);
    document.body.innerHTML = '';
    expect(rangeHolds(other, '85,000 children')).toBe(false);
  });
});

describe('compareRanges', () => {
  test('orders ranges by document position', () => {
    const passage = passageOf('<p>one two three</p>');
    const a = rangeForOffsets(passage, 0, 3)!;
    const b = rangeForOffsets(passage, 4, 7)!;
    const c = rangeForOffsets(passage, 8, 13)!;
    expect([c, a, b].sort(compareRanges).map((r) => r.toString())).toEqual(['one', 'two', 'three']);
  });
});
