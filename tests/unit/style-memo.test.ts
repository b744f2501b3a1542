// @vitest-environment happy-dom
// A walk's style memo must change how often styles are read, never what is read.
import { expect, test } from 'vitest';
import { locateCandidates } from '../../lib/dom/candidates';
import { contextRoots } from '../../lib/dom/page-document';
import { perWalk, rememberStyles } from '../../lib/dom/style-memo';
import { blockOf, isInsideSkipped, iteratePassages, type CollectOptions, type StyleInfo } from '../../lib/dom/text-index';

const go = async () => true;

/** A style function from class names, counting its calls. */
function countingStyle() {
  const counter = { calls: 0 };
  const getStyle = (el: Element): StyleInfo => {
    counter.calls++;
    if (el.classList.contains('gone')) return { display: 'none', visibility: 'visible' };
    if (el.classList.contains('ghost')) return { display: 'block', visibility: 'hidden' };
    if (el.classList.contains('row')) return { display: 'inline-flex', visibility: 'visible' };
    const inline = ['a', 'b', 'span', 'em', 'strong', 'time'].includes(el.localName);
    return { display: inline ? 'inline' : 'block', visibility: 'visible' };
  };
  return { counter, getStyle };
}

const filler = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} about the weather in the park.</p>`).join('');

const PAGE = `<main><article><h1>Children at the border</h1>${filler(5)}
  <section><h2>Counts</h2><div><div><p>Border agents encountered <b>76,020</b> unaccompanied children in fiscal 2019.</p>
  ${filler(3)}<p class="gone">Smugglers charged families $9,000 per child.</p></div></div>
  <div class="ghost"><p>Agents encountered 12,000 children traveling alone.</p></div>
  <p>Smugglers charged families as much as <span class="row"><em>$9,000</em> per child</span>.</p></section>
  <aside><ul><li>${filler(2)}</li><li>Officials referred 4,500 unaccompanied children to the shelter program.</li></ul></aside>
  <h3>Later</h3>${filler(4)}<p>About 30,000 children were released to sponsors last year.</p></article></main>`;

interface Read {
  roots: Node[];
  passages: Array<{ text: string; block: Node; nodes: Node[] }>;
}

/** What the gate reads for the page's candidates, as readPageDocument reads it. */
async function read(options: CollectOptions): Promise<Read> {
  const located = (await locateCandidates(document, go)) ?? [];
  const roots = contextRoots(located, options);
  const passages: Read['passages'] = [];
  for (const root of roots) {
    if (isInsideSkipped(root, options)) continue;
    for (const p of iteratePassages(root, options)) passages.push({ text: p.text, block: p.block, nodes: p.segments.map((s) => s.node) });
  }
  return { roots, passages };
}

test('the memo gives the same roots, passages and blocks with fewer style reads', async () => {
  document.body.innerHTML = PAGE;
  const plain = countingStyle();
  const before = await read({ getStyle: plain.getStyle });
  const memo = countingStyle();
  const after = await read(perWalk({ getStyle: memo.getStyle }));
  expect(before.passages.length).toBeGreaterThan(3);
  expect(after.roots).toEqual(before.roots);
  expect(after.passages).toEqual(before.passages);
  expect(after.passages.map((p) => p.text).join(' ')).not.toContain('12,000'); // hidden stays hidden
  expect(memo.counter.calls).toBeLessThan(plain.counter.calls);
  // Never more than one read per element.
  expect(memo.counter.calls).toBeLessThanOrEqual(document.querySelectorAll('*').length);
});

test('every element is judged the same with and without the memo', () => {
  document.body.innerHTML = PAGE;
  const plain: CollectOptions = { getStyle: countingStyle().getStyle };
  const memo = perWalk({ getStyle: countingStyle().getStyle });
  // Deepest first and then top first: the memo must not depend on the order it is filled in.
  const all = [...document.querySelectorAll('*')];
  for (const el of [...all.slice().reverse(), ...all]) {
    expect(isInsideSkipped(el, memo)).toBe(isInsideSkipped(el, plain));
    expect(blockOf(el, memo)).toBe(blockOf(el, plain));
    const text = el.firstChild;
    if (text) expect(isInsideSkipped(text, memo)).toBe(isInsideSkipped(text, plain));
  }
});

test('rememberStyles asks once per element, keeping empty answers too', () => {
  let calls = 0;
  const get = rememberStyles(() => {
    calls++;
    return null;
  });
  const el = document.createElement('div');
  get(el);
  get(el);
  expect(calls).toBe(1);
});
