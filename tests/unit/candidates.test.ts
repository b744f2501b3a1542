// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import {
  CandidateWalk,
  blockByTag,
  blockMayHoldClaim,
  holdsCandidateAcrossBreaks,
  candidateBlocks,
  changedBlocks,
  candidateLines,
  candidateLinesSliced,
  holdsCandidateLine,
  gateCandidates,
  topicBlocks,
} from '../../lib/dom/candidates';
import { collectPassages } from '../../lib/dom/text-index';
import { mayHoldClaim } from '../../lib/engine/prefilter';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const ids = (blocks: Array<Element | null>) => blocks.filter((b): b is Element => b !== null).map((b) => b.id || b.localName);

describe('holdsCandidateLine (the page gate, on rendered text)', () => {
  test('needs a quantity and a topic word on the same line', () => {
    expect(holdsCandidateLine('HHS lost track of 85,000 migrant children.')).toBe(true);
    expect(holdsCandidateLine('Tickets cost 12 euros.\nThe children loved it.')).toBe(false);
    expect(holdsCandidateLine('The children loved it.\nTickets cost 12 euros.')).toBe(false);
    expect(holdsCandidateLine('')).toBe(false);
  });

  test('a topic line next to a line with a quantity is told apart (a <br> may join them)', () => {
    expect(candidateLines('Officials counted 85,000\nmigrant children last year.')).toBe('adjacent-lines');
    expect(candidateLines('Migrant children\nwere counted: 85,000.')).toBe('adjacent-lines');
    expect(candidateLines('Officials counted 85,000\nin the spring.\nMigrant children waited.')).toBe('none');
    expect(candidateLines('HHS lost track of 85,000 migrant children.')).toBe('same-line');
  });

  test('table cells (tab-separated) are separate, as they are separate passages', () => {
    expect(holdsCandidateLine('Children\t85,000')).toBe(false);
    expect(holdsCandidateLine('Year\t85,000 children encountered')).toBe(true);
  });

  test('finds a candidate after many topic lines without a number, and word boundaries hold after a cut', () => {
    const noise = Array.from({ length: 500 }, (_, i) => `the border line ${i % 2 ? 'was' : 'is'} quiet`).join('\n');
    expect(holdsCandidateLine(noise.replace(/\d/g, ''))).toBe(false);
    expect(holdsCandidateLine(`${noise.replace(/\d/g, '')}\nsmugglers charged $10,000`)).toBe(true);
    // "kid" only as a word start: "skid" after a line end must not count as a topic word.
    expect(holdsCandidateLine('12 cars\nskid 12 metres')).toBe(false);
  });

  test('the sliced form answers the same, pausing between pieces', async () => {
    const lines = Array.from({ length: 4000 }, (_, i) => `The library opened ${i} new shelves.`);
    let pauses = 0;
    const pause = async () => void pauses++;
    expect(await candidateLinesSliced(lines.join('\n'), pause, 10_000)).toBe('none');
    expect(pauses).toBeGreaterThan(5);
    lines[3500] = 'Cartels trafficked 300,000 children, the report said.';
    expect(await candidateLinesSliced(lines.join('\n'), pause, 10_000)).toBe('same-line');
  });
});

describe('candidateBlocks (the locating walk, by tag name only)', () => {
  test('joins inline elements of a block and yields only blocks that pass the prefilter', () => {
    body(`<p id="a">The agency lost track of <a href="#">85,000</a> <b>migrant</b> children.</p>
      <p id="b">Tickets cost 12 euros.</p>
      <div id="c"><span>Smugglers charge</span> <em>$10,000</em> per child.</div>
      <p id="d">A quiet day in the harbour.</p>`);
    expect(ids([...candidateBlocks(document)])).toEqual(['a', 'c']);
  });

  test('a word split across inline elements, and white space a phrase needs, still count', () => {
    body(`<p id="a">Some 40 <b>chil</b>dren waited.</p><p id="b">It took 3 years, the inspector
      general said.</p><p id="c">Took 3 years, the inspector said.</p>`);
    expect(ids([...candidateBlocks(document)])).toEqual(['a', 'b']);
  });

  test('leaves out script, style and textarea text, and separates nested blocks', () => {
    body(`<script>var children = 85000;</script><style>.border{width:10px}</style>
      <textarea>85,000 children</textarea>
      <div id="outer">85,000 <div id="inner">children</div></div>`);
    expect(ids([...candidateBlocks(document)])).toEqual([]);
  });

  test('every block the careful index would pass is found (no false negatives on ordinary markup)', () => {
    body(`<article><h2 id="h">Border: 76,020 children</h2><ul><li id="l1">12 items</li><li id="l2">300,000 <i>victims</i></li></ul>
      <table><tr><td id="t1">Minors</td><td id="t2">4,500 minors</td></tr></table><p id="p">Plain text.</p></article>`);
    const careful = collectPassages(document.body).filter((p) => mayHoldClaim(p.text)).map((p) => (p.block as Element).id);
    expect(careful).toEqual(['h', 'l2', 't2']);
    expect(ids([...candidateBlocks(document)])).toEqual(careful);
  });

  test('yields null between groups of nodes, so a caller can pause', () => {
    body(Array.from({ length: 50 }, (_, i) => `<p>line ${i}</p>`).join(''));
    const steps = [...candidateBlocks(document, 10)];
    expect(steps.filter((s) => s === null)).toHaveLength(5);
  });

  test('CandidateWalk keeps what it found across steps until the tree is read', () => {
    body(Array.from({ length: 300 }, (_, i) => (i % 100 === 7 ? `<p id="c${i}">${i} migrant children</p>` : `<p>line ${i}</p>`)).join(''));
    const walk = new CandidateWalk(document);
    let steps = 0;
    while (!walk.step(0)) steps++;
    expect(steps).toBeGreaterThan(0);
    expect(walk.found.map((b) => b.id)).toEqual(['c7', 'c107', 'c207']);
    expect(walk.step(5)).toBe(true);
  });
});

describe('changed blocks (what a page change asks to rescan)', () => {
  test('inline additions are judged with their block; nested blocks once; own nodes ignored', () => {
    body(`<div id="feed"><p id="p">HHS lost track of <a id="link">85,000</a> children</p><p id="q">other</p></div>`);
    const link = document.getElementById('link')!;
    const q = document.getElementById('q')!;
    const feed = document.getElementById('feed')!;
    expect(blockByTag(link)?.id).toBe('p');
    expect(blockByTag(link.firstChild!)?.id).toBe('p');
    expect(changedBlocks([link, q.firstChild!], () => false).map((b) => b.id)).toEqual(['p', 'q']);
    expect(changedBlocks([link, feed], () => false).map((b) => b.id)).toEqual(['feed']);
    expect(changedBlocks([link], (n) => n === link)).toEqual([]);
    const detached = document.createElement('p');
    expect(changedBlocks([detached], () => false)).toEqual([]);
  });
});

describe('line breaks that do not end a passage (<br>, <pre>)', () => {
  // happy-dom's innerText has no line breaks: give the blocks the rendered text Chromium gives them.
  const rendered = (id: string, text: string) =>
    Object.defineProperty(document.getElementById(id)!, 'innerText', { value: text, configurable: true });

  test('a quantity and a topic word on two lines of one block count together', () => {
    body(`<p id="p">Officials counted 85,000<br>migrant children last year.</p><p id="q">Nothing 12 here.</p>`);
    rendered('p', 'Officials counted 85,000\nmigrant children last year.');
    expect(holdsCandidateLine('Officials counted 85,000\nmigrant children last year.')).toBe(false);
    expect(holdsCandidateAcrossBreaks(document)).toBe(true);
    expect(blockMayHoldClaim(document.getElementById('p')!)).toBe(true);
    expect(blockMayHoldClaim(document.getElementById('q')!)).toBe(false);
  });

  test('blocks without a break, or without the words, do not', () => {
    body(`<p id="a">Officials counted 85,000</p><p id="b">migrant children last year.</p><p id="c">Twelve<br>apples</p>`);
    rendered('c', 'Twelve\napples');
    expect(holdsCandidateAcrossBreaks(document)).toBe(false);
    body(`<pre id="pre">12 apples\nand pears</pre>`);
    rendered('pre', '12 apples\nand pears');
    expect(holdsCandidateAcrossBreaks(document)).toBe(false);
  });
});

describe('topicBlocks (the quick locating walk)', () => {
  const blocks = () => [...topicBlocks(document)].filter((f) => f !== null && !f.heading).map((f) => f!.element.id || f!.element.localName);

  test('a number in a container\'s own text is judged with its run of inline text, not with the whole container', () => {
    body(`<div id="box">Edition 3 of <b>the paper</b><p id="a">Shelters took in migrant children.</p>Page 2 <i>of</i> 9
      <p id="b">Officials placed 4,200 migrant children in shelters.</p></div>`);
    expect(blocks()).toEqual(['b']);
  });

  test('a run goes on across scripts, images, line breaks and hidden or styled blocks, as a passage may', () => {
    body(`<div id="s">In 2023 <script>var x;</script><img alt=""> officials<br>found migrant children</div>
      <div id="h">Some 300 <div hidden>x</div> migrant children</div><div id="c">Some 40 <div style="display:inline">migrant</div> children</div>`);
    expect(blocks()).toEqual(['s', 'h', 'c']);
  });

  test('every block whose passage passes the prefilter is found, each once', () => {
    body(`<article><h2 id="h2">Border: 76,020 children</h2><div id="d">Note 1<p id="p1">About 300,000 <i>victims</i>.</p>then 12 <a>minors</a> more</div>
      <ul><li id="l1">12 items</li><li id="l2">300 <span>teen</span>s and 4 <b>girls</b></li></ul><p id="plain">It rained 3 days.</p></article>`);
    const careful = collectPassages(document.body).filter((p) => mayHoldClaim(p.text)).map((p) => (p.block as Element).id);
    expect(careful).toEqual(['h2', 'p1', 'd', 'l2']);
    expect(blocks()).toEqual(['h2', 'p1', 'd', 'l2']);
  });
});

describe('gateCandidates (the page gate\'s one walk)', () => {
  const go = async () => true;

  test('keeps the headings and the shown candidate blocks, in document order; hidden ones are dropped', async () => {
    body(
      '<h2 id="h">Shelters</h2><p id="shown">Officials placed 4,200 migrant children in shelters.</p>' +
        '<p id="gone" style="display:none">Another 900 migrant children were moved.</p>' +
        '<div style="visibility:hidden"><p id="unseen">Some 300 migrant children waited.</p></div><p id="plain">It rained 3 days.</p>',
    );
    const found = await gateCandidates(document, go);
    expect(found!.map((f) => `${f.element.id}:${f.heading ? 'heading' : 'block'}`)).toEqual(['h:heading', 'shown:block']);
  });

  test('headings alone are no candidate: an empty list', async () => {
    body('<h2>Migrant children</h2><p>It rained 3 days.</p><p>Children love the new park.</p>');
    expect(await gateCandidates(document, go)).toEqual([]);
  });

  test('gives up (null) when the pause says so', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => `<span>word ${i}</span>`).join('');
    body(`<p>${many}</p><p>Officials placed 4,200 migrant children in shelters.</p>`);
    expect(await gateCandidates(document, async () => false)).toBeNull();
  });
});

describe('a claim’s span holds one number (lib/engine/candidates)', () => {
  test('"38,000 and 47,000 unaccompanied children": the noun is the second number’s, the first span stops at its number', async () => {
    const { findClaims } = await import('../../lib/engine');
    const text = 'In fiscal years 2017 and 2020, HHS shelters received 38,000 and 47,000 unaccompanied migrant children, respectively.';
    const claims = findClaims(text);
    const spans = claims.map((c) => text.slice(c.start, c.end));
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(s.match(/\d[\d,]*/g)?.length, s).toBe(1);
    const first = claims.find((c) => text.slice(c.start, c.end).startsWith('38,000'));
    if (first) expect(text.slice(first.start, first.end)).toBe('38,000');
  });

  test('"between 38,000 and 47,000 children" is one range claim', async () => {
    const { findClaims } = await import('../../lib/engine');
    const text = 'HHS shelters received between 38,000 and 47,000 unaccompanied migrant children in FY2020.';
    const claims = findClaims(text);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.number).toMatchObject({ low: 38_000, high: 47_000 });
  });
});
