// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import {
  blockOf,
  collectPassages,
  isInsideSkipped,
  locate,
  type TextPassage,
} from '../../lib/dom/text-index';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function texts(passages: TextPassage[]): string[] {
  return passages.map((p) => p.text.trim());
}

/** Rebuilds each passage's text from its nodes through `locate`, character by character. */
function expectOffsetsMapBack(passage: TextPassage): void {
  for (let i = 0; i < passage.text.length; i++) {
    const ch = passage.text[i]!;
    const point = locate(passage, i, 'start');
    expect(point).not.toBeNull();
    const inSegment = passage.segments.some((s) => i >= s.start && i < s.end);
    if (!inSegment) {
      // A synthetic space (from <br>): the start lands on the next node.
      expect(ch).toBe(' ');
      continue;
    }
    const nodeChar = point!.node.data[point!.offset]!;
    if (ch === ' ') expect(nodeChar).toMatch(/[ \t\n\r\f]/);
    else expect(nodeChar).toBe(ch);
  }
}

describe('collectPassages', () => {
  test('joins text across inline elements into one passage per block', () => {
    const root = body(
      '<h1>Title</h1><p>Officials said <b>85</b>,000 <a href="#">migrant <em>children</em></a> are missing.</p><p>Second.</p>',
    );
    const passages = collectPassages(root);
    expect(texts(passages)).toEqual([
      'Title',
      'Officials said 85,000 migrant children are missing.',
      'Second.',
    ]);
    expect(passages[1]!.segments.map((s) => s.node.data)).toEqual([
      'Officials said ',
      '85',
      ',000 ',
      'migrant ',
      'children',
      ' are missing.',
    ]);
    expect(passages[1]!.block).toBe(root.querySelector('p'));
  });

  test('skips script, style, noscript, form fields, editable regions, hidden and aria-hidden content', () => {
    const root = body(`
      <p>Visible one.</p>
      <script>var x = "300,000 children";</script>
      <style>p::after { content: "no" }</style>
      <noscript>noscript text</noscript>
      <textarea>typed 85,000 children</textarea>
      <select><option>option 12 children</option></select>
      <input value="input value">
      <div contenteditable="true"><p>editable 40 children</p></div>
      <div contenteditable="false"><p>Not editable.</p></div>
      <p hidden>hidden attribute</p>
      <p aria-hidden="true">aria hidden</p>
      <p style="display: none">inline display none</p>
      <p style="color: red; visibility:hidden">inline visibility hidden</p>
      <div class="ui">our own UI</div>
      <details><summary>Summary.</summary><p>closed details body</p></details>
      <p>Visible <span hidden>secret</span>two.</p>`);
    const passages = collectPassages(root, { skip: (el) => el.classList.contains('ui') });
    expect(texts(passages)).toEqual(['Visible one.', 'Not editable.', 'Summary.', 'Visible two.']);
  });

  test('uses injected computed style for display and visibility', () => {
    const root = body(
      '<p>One <span class="block">two</span> three</p><p class="gone">gone</p><div>four <span class="inl">five</span></div>',
    );
    const styles: Record<string, { display: string; visibility: string }> = {
      block: { display: 'block', visibility: 'visible' },
      gone: { display: 'none', visibility: 'visible' },
    };
    const passages = collectPassages(root, {
      getStyle: (el) =>
        styles[el.className] ??
        ({ display: el.tagName === 'SPAN' ? 'inline' : 'block', visibility: 'visible' }),
    });
    expect(texts(passages)).toEqual(['One', 'two', 'three', 'four five']);
  });

  test('collapses white space and keeps offsets mapping back exactly', () => {
    const root = body(
      '<p>\n   A  figure of\n\t<b> 85,000 </b>\n children<br>was<br><br> cited  .</p><div>Loose <i>text</i><p>inner</p>tail</div>',
    );
    const passages = collectPassages(root);
    expect(texts(passages)).toEqual(['A figure of 85,000 children was cited .', 'Loose text', 'inner', 'tail']);
    for (const p of passages) expectOffsetsMapBack(p);
    // Blocks: text around a nested block belongs to the outer block.
    const div = root.querySelector('div')!;
    expect(passages[1]!.block).toBe(div);
    expect(passages[3]!.block).toBe(div);
  });

  test('end points land after the last character, across node boundaries', () => {
    const root = body('<p>About <b>85</b>,000 children</p>');
    const [p] = collectPassages(root);
    const start = p!.text.indexOf('85');
    const endOf85 = locate(p!, start + 2, 'end')!;
    expect(endOf85.node.data).toBe('85');
    expect(endOf85.offset).toBe(2);
    const startOfComma = locate(p!, start + 2, 'start')!;
    expect(startOfComma.node.data).toBe(',000 children');
    expect(startOfComma.offset).toBe(0);
  });

  test('reads a whole document, and works with linkedom (the CLI parser)', () => {
    const { document: doc } = parseHTML(
      '<!doctype html><html><head><title>T</title><style>x{}</style></head><body><article><p>Cartels earned <strong>$13 billion</strong> from smuggling.</p><p aria-hidden="true">x</p></article></body></html>',
    );
    const passages = collectPassages(doc as unknown as Document);
    expect(texts(passages)).toEqual(['Cartels earned $13 billion from smuggling.']);
    expectOffsetsMapBack(passages[0]!);
  });

  test('blockOf and isInsideSkipped judge a node from its ancestors', () => {
    const root = body('<div id="d"><p id="p">a <b id="b">b</b></p></div><div aria-hidden="true"><p id="h">h</p></div>');
    expect(blockOf(root.querySelector('#b')!)).toBe(root.querySelector('#p'));
    expect(blockOf(root.querySelector('#b')!.firstChild!)).toBe(root.querySelector('#p'));
    expect(isInsideSkipped(root.querySelector('#h')!.firstChild!)).toBe(true);
    expect(isInsideSkipped(root.querySelector('#b')!)).toBe(false);
  });
});
