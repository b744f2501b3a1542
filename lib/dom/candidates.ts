// Finding where a claim may be, cheaply, before any careful indexing. Two
// passes, both built on the prefilter's regexes:
// - the page gate reads rendered text (`innerText`: one native call, no
//   per-node work, inline elements already joined, hidden text left out) and
//   asks whether any line holds a quantity and a topic word;
// - the locating walk goes over text nodes with a TreeWalker, groups the nodes
//   of one block by tag name alone (no computed style, no layout) and yields
//   the blocks whose text passes the prefilter. Only those blocks are then
//   indexed with the careful text index.
import { QUANTITY_HINT, TOPIC_HINT } from '../engine/prefilter';
import { normalizeSpace } from './ranges';
import { INLINE_TAGS, SKIPPED_TAGS } from './text-index';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_TEXT = 4;

/** Text in these never reaches the reader (the floor leaves the same out). */
const NEVER_SHOWN = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

const NEEDS_COLLAPSE = /[\t\n\r\f]| {2}/;
const WHITESPACE_RUN = /[ \t\n\r\f]+/g;

/** Line ends in rendered text: block boundaries and <br> give "\n", table cells "\t". */
function isLineEnd(code: number): boolean {
  return code === 10 || code === 9;
}

/**
 * What the rendered lines of a text offer: a line with a quantity and a topic
 * word; or only a topic line next to a line with a quantity (one passage if a
 * <br> or a <pre> newline is all that parts them); or nothing.
 */
export type LineVerdict = 'same-line' | 'adjacent-lines' | 'none';

/**
 * Topic words are rare and numbers are everywhere, so the prefilter's topic
 * regex scans and only the lines it stops on (and their neighbours, until one
 * is found) are tested for a quantity.
 */
export function candidateLines(text: string): LineVerdict {
  let adjacent = false;
  for (const line of topicLines(text, () => !adjacent)) {
    if (line.quantity) return 'same-line';
    adjacent ||= line.nextToQuantity;
  }
  return adjacent ? 'adjacent-lines' : 'none';
}

/** A rendered line: its bounds in the text. */
export interface LineSpan {
  start: number;
  end: number;
}

/** Every line with a quantity and a topic word (one pass of the topic regex), and whether a topic line only neighbours a quantity line. */
export function candidateLineSpans(text: string): { spans: LineSpan[]; adjacent: boolean } {
  const spans: LineSpan[] = [];
  let adjacent = false;
  for (const line of topicLines(text, () => !adjacent && spans.length === 0)) {
    if (line.quantity) spans.push({ start: line.start, end: line.end });
    else adjacent ||= line.nextToQuantity;
  }
  return { spans, adjacent };
}

/**
 * The lines the topic regex stops on, each once: whether it holds a quantity, and (where
 * `askNeighbours` says it is still worth knowing) whether a line next to it does.
 */
function* topicLines(text: string, askNeighbours: () => boolean): Generator<LineSpan & { quantity: boolean; nextToQuantity: boolean }> {
  const lineStart = (at: number) => {
    while (at > 0 && !isLineEnd(text.charCodeAt(at - 1))) at--;
    return at;
  };
  const lineEnd = (at: number) => {
    while (at < text.length && !isLineEnd(text.charCodeAt(at))) at++;
    return at;
  };
  // The regex runs on the rest of the text (a slice is cheap), always cut after a line end,
  // where \b reads as it would in the whole text.
  for (let from = 0; from < text.length; ) {
    const m = TOPIC_HINT.exec(from === 0 ? text : text.slice(from));
    if (!m) break;
    const at = from + m.index;
    const start = lineStart(at);
    const end = lineEnd(at + m[0].length);
    const quantity = QUANTITY_HINT.test(text.slice(start, end));
    let nextToQuantity = false;
    if (!quantity && askNeighbours()) {
      const before = start > 0 && QUANTITY_HINT.test(text.slice(lineStart(start - 1), start - 1));
      nextToQuantity = before || (end < text.length && QUANTITY_HINT.test(text.slice(end + 1, lineEnd(end + 1))));
    }
    yield { start, end, quantity, nextToQuantity };
    from = end + 1;
  }
}

/** Does some line of `text` hold a quantity and a topic word? */
export function holdsCandidateLine(text: string): boolean {
  return candidateLines(text) === 'same-line';
}

/**
 * `candidateLines` over a long text, in pieces of about `chunk` characters cut
 * at line ends, with `pause` awaited between them: a very long page is read in
 * slices.
 */
export async function candidateLinesSliced(text: string, pause: () => Promise<void>, chunk = 100_000): Promise<LineVerdict> {
  let adjacent = false;
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + chunk);
    while (to < text.length && !isLineEnd(text.charCodeAt(to))) to++;
    const verdict = candidateLines(text.slice(from, to));
    if (verdict === 'same-line') return verdict;
    adjacent ||= verdict === 'adjacent-lines';
    from = to + 1;
    if (from < text.length) await pause();
  }
  return adjacent ? 'adjacent-lines' : 'none';
}

/** What the reader sees of `node`: `innerText` for a rendered element, else its text. */
export function renderedText(node: Node): string {
  if (node.nodeType === ELEMENT_NODE) {
    const inner = (node as HTMLElement).innerText;
    return typeof inner === 'string' ? inner : (node.textContent ?? '');
  }
  return node.nodeType === TEXT_NODE ? (node as Text).data : (node.textContent ?? '');
}

const LINE_ENDS = /[\n\t]/g;

/**
 * The page's headings as their rendered lines read (space collapsed), with
 * their levels: which rendered lines are headings, for the engine's outline.
 */
export function renderedHeadings(root: ParentNode): Map<string, number> {
  const levels = new Map<string, number>();
  const found = root.querySelectorAll('h1, h2, h3, h4, h5, h6');
  for (let i = 0; i < found.length; i++) {
    const heading = found[i]!;
    const text = normalizeSpace(renderedText(heading));
    if (text && !levels.has(text)) levels.set(text, Number(heading.localName.slice(1)));
  }
  return levels;
}

/**
 * Blocks whose rendered lines the careful index reads as one passage: a <br>
 * or a newline in <pre> ends a rendered line but not a passage. Up to `limit`
 * such blocks are read again with their lines joined (asked only when
 * `candidateLines` saw adjacent lines).
 */
export function holdsCandidateAcrossBreaks(doc: Document, limit = 200): boolean {
  const seen = new Set<Element>();
  for (const tag of ['br', 'pre']) {
    const found = doc.getElementsByTagName(tag);
    for (let i = 0; i < found.length && seen.size < limit; i++) {
      const element = found[i]!;
      const block = tag === 'br' ? element.parentElement && blockByTag(element.parentElement) : element;
      if (!block || seen.has(block)) continue;
      seen.add(block);
      const text = renderedText(block);
      if (text.includes('\n') && holdsCandidateLine(text.replace(LINE_ENDS, ' '))) return true;
    }
  }
  return false;
}

/** The gate for one changed block: its rendered lines, or all of them joined where a <br> or <pre> breaks them. */
export function blockMayHoldClaim(block: Element): boolean {
  const text = renderedText(block);
  const verdict = candidateLines(text);
  if (verdict !== 'adjacent-lines') return verdict === 'same-line';
  return block.querySelector('br, pre') !== null && holdsCandidateLine(text.replace(LINE_ENDS, ' '));
}

/** Custom elements are inline unless styled otherwise: the walk groups across them. */
function isInlineByTag(element: Element, customInline: boolean): boolean {
  const tag = element.localName;
  return INLINE_TAGS.has(tag) || (customInline && tag.includes('-'));
}

/** The nearest element that is not inline by its tag name: the block a node's text belongs to. */
export function blockByTag(node: Node, customInline = true): Element | null {
  let element = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element && isInlineByTag(element, customInline) && element.parentElement) element = element.parentElement;
  return element;
}

/**
 * The blocks (by tag name) that hold changed nodes, each once, outermost
 * first: new inline content is judged with the block it joins.
 */
export function changedBlocks(changed: readonly Node[], isOwn: (node: Node) => boolean): Element[] {
  const blocks = new Set<Element>();
  for (const node of changed) {
    if (!node.isConnected || isOwn(node)) continue;
    // A changed custom element counts as a block: single-page apps render whole views in them.
    const block = blockByTag(node, false);
    if (block) blocks.add(block);
  }
  const out: Element[] = [];
  for (const block of blocks) {
    let nested = false;
    for (let up = block.parentElement; up && !nested; up = up.parentElement) nested = blocks.has(up);
    if (!nested) out.push(block);
  }
  return out;
}

/** The topic half of the prefilter on raw node text, collapsing white space only when a topic phrase might need it. */
function textHasTopic(text: string): boolean {
  if (TOPIC_HINT.test(text)) return true;
  return NEEDS_COLLAPSE.test(text) && TOPIC_HINT.test(text.replace(WHITESPACE_RUN, ' '));
}

/** Prefilter on raw node text. */
function textMayHoldClaim(text: string): boolean {
  return QUANTITY_HINT.test(text) && textHasTopic(text);
}

/**
 * The locating walk run ahead in steps of a few milliseconds: the page gate
 * starts it while the annotator script and the settings are on their way, and
 * the annotator takes it over. Blocks found so far are kept in `found`.
 */
export class CandidateWalk {
  readonly found: Element[] = [];
  done = false;
  private readonly walk: Generator<Element | null>;

  constructor(root: Node) {
    this.walk = candidateBlocks(root);
  }

  /** Walks on for about `budgetMs`; true once the whole tree has been read. */
  step(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    while (!this.done) {
      const next = this.walk.next();
      if (next.done) this.done = true;
      else if (next.value) this.found.push(next.value);
      else if (performance.now() >= until) break;
    }
    return this.done;
  }
}

/** A walker over the text nodes under `root` (a document: its body), or null where there is none. */
function textWalker(root: Node): TreeWalker | null {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  const top = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
  return doc && top ? doc.createTreeWalker(top, SHOW_TEXT) : null;
}

/**
 * Walks the text nodes under `root` and yields each block (by tag name) whose
 * joined text passes the prefilter, in document order. Yields `null` every
 * `every` text nodes so the caller can give the page its thread back.
 */
export function* candidateBlocks(root: Node, every = 200): Generator<Element | null> {
  const walker = textWalker(root);
  if (!walker) return;
  let block: Element | null = null;
  let parent: Element | null = null;
  let text = '';
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++count === every) {
      count = 0;
      yield null;
    }
    const p = node.parentElement;
    if (!p || NEVER_SHOWN.has(p.localName)) continue;
    // Most nodes share their parent with the previous one: no climb then.
    if (p !== parent) {
      parent = p;
      const owner = isInlineByTag(p, true) ? blockByTag(p) : p;
      if (owner !== block) {
        if (block && textMayHoldClaim(text)) yield block;
        block = owner;
        text = '';
      }
    }
    text += (node as Text).data;
  }
  if (block && textMayHoldClaim(text)) yield block;
}

/** A block the locating walk found: a candidate, or a heading (the outline the window reads). */
export interface Located {
  element: Element;
  heading: boolean;
}

function isHeadingTag(tag: string): boolean {
  return tag.length === 2 && tag.charCodeAt(0) === 104 /* h */ && tag.charCodeAt(1) >= 49 && tag.charCodeAt(1) <= 54;
}

/** The heading (h1-h6) a text node's parent or grandparent is, if any: two tag reads, no climb. */
function headingOf(parent: Element): Element | null {
  if (isHeadingTag(parent.localName)) return parent;
  const up = parent.parentElement;
  return up && isHeadingTag(up.localName) ? up : null;
}

/**
 * The blocks (by tag name) that may hold a claim, and the headings, in
 * document order, found cheaply: a TreeWalker tests each text node for a
 * quantity as the floor does (most text nodes have none, and a quantity is
 * never split over nodes), and only the block of a node that has one is read
 * whole for a topic word. Yields `null` every `every` text nodes, so the
 * caller can give the page its thread back. A number word split over two
 * nodes is missed here: the page gate takes the walk as it is (the floor
 * misses it too); `locateCandidates` falls back to the full walk when this
 * finds nothing.
 */
export function* topicBlocks(root: Node, every = 400): Generator<Located | null> {
  const walker = textWalker(root);
  if (!walker) return;
  // A block is yielded once, and each run of its inline content read once: a container's
  // runs between its paragraphs would otherwise be read again for each number in them.
  const yielded = new Set<Element>();
  const read = new Set<Node>();
  let lastHeading: Element | null = null;
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++count === every) {
      count = 0;
      yield null;
    }
    const p = node.parentElement;
    if (!p) continue;
    const heading = headingOf(p);
    if (heading && heading !== lastHeading) {
      lastHeading = heading;
      yield { element: heading, heading: true };
    }
    if (!QUANTITY_HINT.test((node as Text).data) || NEVER_SHOWN.has(p.localName)) continue;
    const block = isInlineByTag(p, true) ? blockByTag(p) : p;
    if (!block || yielded.has(block)) continue;
    // The run holds a node with a quantity: only its topic is left to test.
    const run = inlineRun(block, node, read);
    if (run !== null && textHasTopic(run)) {
      yielded.add(block);
      yield { element: block, heading: false };
    }
  }
}

/** Elements that end a passage by their tag alone: a block that nothing hides or restyles in its markup. */
function endsRunByTag(element: Element): boolean {
  const tag = element.localName;
  if (isInlineByTag(element, true) || tag === 'br' || SKIPPED_TAGS.has(tag)) return false;
  // Hidden, or styled in place: the careful index may read it otherwise; it does not end the run.
  return !element.hasAttribute('style') && !element.hasAttribute('hidden') && !element.hasAttribute('aria-hidden') && !element.hasAttribute('contenteditable');
}

/**
 * The text of the run of `block`'s inline content that holds `node`: its
 * children on either side of the one holding `node`, up to the nearest
 * children that end a passage by their tag. A passage of the text index lies
 * inside one run (it ends at those children and perhaps sooner), so a run
 * without a topic word holds no candidate passage; a number in a large
 * container's own text thus costs a read of its run, not of the container.
 * Null where the run was read before (its children are added to `read`).
 */
function inlineRun(block: Element, node: Node, read: Set<Node>): string | null {
  let child: Node = node;
  while (child.parentNode && child.parentNode !== block) child = child.parentNode;
  if (read.has(child)) return null;
  let first: Node = child;
  for (let n = child.previousSibling; n && !(n.nodeType === ELEMENT_NODE && endsRunByTag(n as Element)); n = n.previousSibling) first = n;
  let text = '';
  for (let n: Node | null = first; n && !(n !== child && n.nodeType === ELEMENT_NODE && endsRunByTag(n as Element)); n = n.nextSibling) {
    read.add(n);
    // Never-shown text (a script between two inline pieces) is no passage's text.
    if (n.nodeType === TEXT_NODE) text += (n as Text).data;
    else if (n.nodeType === ELEMENT_NODE && !NEVER_SHOWN.has((n as Element).localName)) text += n.textContent ?? '';
  }
  return text;
}

/** What `checkVisibility` takes: both spellings of the visibility option (Firefox knew the older one first). */
const SHOWN_OPTIONS = { visibilityProperty: true, checkVisibilityCSS: true } as CheckVisibilityOptions;

/**
 * Is `element` rendered (not display:none, not visibility:hidden)? One native
 * call per element, asked only of the few blocks that hold a candidate; where
 * the browser lacks it the careful index (computed style) decides instead.
 */
export function isShown(element: Element): boolean {
  return typeof element.checkVisibility === 'function' ? element.checkVisibility(SHOWN_OPTIONS) : true;
}

/**
 * The gate's one pass over the page: the quick locating walk (`topicBlocks`),
 * with `pause` awaited between its steps (false: give up, null returned),
 * keeping the headings and the candidate blocks that are shown (the first one
 * is told to `onFirstCandidate`, while the walk goes on). No candidate
 * left: an empty list, and the page costs no more than this walk. Where it
 * finds some, they go to the careful index as they are (no second walk).
 */
export async function gateCandidates(doc: Document, pause: () => Promise<boolean>, onFirstCandidate?: () => void): Promise<Located[] | null> {
  const found: Located[] = [];
  let candidates = 0;
  for (const next of topicBlocks(doc)) {
    if (!next) {
      if (!(await pause())) return null;
    } else if (next.heading) found.push(next);
    else if (isShown(next.element)) {
      found.push(next);
      if (candidates++ === 0) onFirstCandidate?.();
    }
  }
  return candidates > 0 ? found : [];
}

/** The full walk's candidates with the page's headings merged in, in document order. */
function* withHeadings(doc: Document, candidates: Generator<Element | null>): Generator<Located | null> {
  const headings = doc.querySelectorAll('h1, h2, h3, h4, h5, h6');
  let h = 0;
  for (const next of candidates) {
    if (!next) {
      yield null;
      continue;
    }
    // compareDocumentPosition walks siblings: once per heading and candidate, never pairwise.
    while (h < headings.length && (next.compareDocumentPosition(headings[h]!) & 2) !== 0) yield { element: headings[h++]!, heading: true };
    yield { element: next, heading: false };
  }
}

/**
 * Every block of `doc` that may hold a claim, and the headings, in document
 * order, with `pause` awaited between steps (false: give up, null returned).
 * The quick walk first; the full walk where it finds nothing (the gate saw a
 * candidate line, so something is there); the whole body as a last resort.
 */
export async function locateCandidates(doc: Document, pause: () => Promise<boolean>): Promise<Located[] | null> {
  for (const source of [topicBlocks(doc), withHeadings(doc, candidateBlocks(doc))]) {
    const found: Located[] = [];
    for (const next of source) {
      if (next) found.push(next);
      else if (!(await pause())) return null;
    }
    if (found.some((f) => !f.heading)) return found;
  }
  const body = doc.body ?? doc.documentElement;
  return body ? [{ element: body, heading: false }] : [];
}

/** Changed blocks (in document order) as located blocks, with the headings before the last of them. */
export function locatedFromBlocks(doc: Document, blocks: readonly Element[]): Located[] {
  function* each(): Generator<Element> {
    yield* blocks;
  }
  const out: Located[] = [];
  for (const next of withHeadings(doc, each())) if (next) out.push(next);
  return out;
}
