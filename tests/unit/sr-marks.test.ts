// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { SR_END_TEXT, SR_LABEL_CLASS, SR_MARK_CLASS, createScreenReaderMarks, srStartText } from '../../lib/dom/sr-marks';

/** The text a sighted reader sees: the page's text without the visually hidden words. */
function visibleText(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  copy.querySelectorAll(`.${SR_LABEL_CLASS}`).forEach((l) => l.remove());
  return copy.textContent ?? '';
}

function rangeOver(root: Element, phrase: string): Range {
  // A claim across an inline element: the first text node and the <a>'s.
  const walker = document.createTreeWalker(root, 4);
  let offset = 0;
  const whole = root.textContent!;
  const start = whole.indexOf(phrase);
  const end = start + phrase.length;
  const range = document.createRange();
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const next = offset + n.data.length;
    if (start >= offset && start < next) range.setStart(n, start - offset);
    if (end > offset && end <= next) range.setEnd(n, end - offset);
    offset = next;
  }
  return range;
}

describe('screen-reader marks', () => {
  test('mark the claim in place with hidden start and end words; the range still holds the claim', () => {
    document.body.innerHTML = '<p id="p">Officials said 85,000 migrant <a href="#x">children</a> were lost last year.</p>';
    const p = document.getElementById('p')!;
    const before = p.textContent;
    const range = rangeOver(p, '85,000 migrant children');
    const marks = createScreenReaderMarks(document);
    marks.add(range, 'ORR calls not answered');

    const found = p.querySelectorAll(`mark.${SR_MARK_CLASS}`);
    expect(found.length).toBe(2); // one per text node the claim crosses
    const labels = Array.from(p.querySelectorAll(`.${SR_LABEL_CLASS}`)).map((l) => l.textContent!.trim());
    expect(labels).toEqual([srStartText('ORR calls not answered'), SR_END_TEXT]);
    // What is said, in order: the start words, the claim, the end words.
    expect(p.textContent!.replace(/\s+/g, ' ')).toContain('claim: ORR calls not answered 85,000 migrant children end of claim');
    expect(visibleText(p)).toBe(before);
    expect(range.toString()).toBe('85,000 migrant children');
    expect(marks.focusTarget(range)).toBe(found[0]);
    expect(found[0]!.getAttribute('tabindex')).toBe('-1');
    expect(marks.rangeOf(p.querySelector('a')!.firstChild!)).toBe(range);
    expect(marks.rangeOf(p)).toBeNull();

    marks.remove(range);
    expect(p.querySelectorAll('mark, span').length).toBe(0);
    expect(p.textContent).toBe(before);
    expect(p.querySelector('a')!.textContent).toBe('children');
    expect(range.toString()).toBe('85,000 migrant children');
  });

  test('two claims in one text node are marked apart, and clear takes all marks out', () => {
    document.body.innerHTML = '<p id="p">Agents met 152,057 minors; smugglers charged $10,000 per child.</p>';
    const p = document.getElementById('p')!;
    const a = rangeOver(p, '152,057 minors');
    const b = rangeOver(p, '$10,000 per child');
    const marks = createScreenReaderMarks(document);
    marks.add(b, 'Smuggling fees');
    marks.add(a, 'CBP encounters');
    expect(a.toString()).toBe('152,057 minors');
    expect(b.toString()).toBe('$10,000 per child');
    expect(Array.from(p.querySelectorAll('mark')).map((m) => visibleText(m))).toEqual(['152,057 minors', '$10,000 per child']);
    marks.clear();
    expect(p.querySelectorAll('mark').length).toBe(0);
    expect(p.textContent).toBe('Agents met 152,057 minors; smugglers charged $10,000 per child.');
    expect([a.toString(), b.toString()]).toEqual(['152,057 minors', '$10,000 per child']);
  });
});
