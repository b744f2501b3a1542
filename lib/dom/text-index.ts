// Visible text of a DOM subtree as passages: one passage per block of text,
// joined across inline elements ("<b>85</b>,000 <a>children</a>" is one
// passage), with a map from every passage offset back to (text node, offset).
//
// Standard DOM only (node types, tagName, attributes, firstChild/nextSibling),
// so the same code reads a live page in the browser and an HTML file parsed by
// linkedom or happy-dom. Computed style is used only when a caller injects it.

/** A run of passage text that comes from one text node. */
export interface TextSegment {
  node: Text;
  /** Passage offsets [start, end) covered by this node. */
  start: number;
  end: number;
  /**
   * Node offset of each passage character in this segment, present only where
   * whitespace was collapsed (otherwise passage offset - start = node offset).
   */
  offsets?: number[];
}

export interface TextPassage {
  /** The visible text, whitespace runs collapsed to one space. */
  text: string;
  /** Text nodes in document order; gaps between segments are synthetic spaces (a <br>). */
  segments: TextSegment[];
  /** The element (or root) whose block of text this is: a change inside it invalidates the passage. */
  block: Node;
}

/** What the injected style lookup must tell: CSSStyleDeclaration satisfies it. */
export interface StyleInfo {
  display: string;
  visibility: string;
}

export interface CollectOptions {
  /** Elements to leave out with everything inside them (e.g. the annotator's own UI host). */
  skip?: (element: Element) => boolean;
  /**
   * Computed style where there is one (a browser: `el => getComputedStyle(el)`).
   * Without it, tag names, `hidden`, `aria-hidden` and inline style decide.
   */
  getStyle?: (element: Element) => StyleInfo | null | undefined;
  /**
   * One walk's memo (lib/dom/style-memo.ts perWalk): whether an element is,
   * or sits inside, one left out, so ancestors are judged once.
   */
  insideSkipped?: WeakMap<Element, boolean>;
}

export interface TextPoint {
  node: Text;
  offset: number;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_NODE = 9;

/** Never visible text, or text the reader is typing: left out with their subtree. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup',
  'datalist', 'button', 'head', 'title', 'meta', 'link', 'base', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'canvas', 'svg', 'math', 'video', 'audio', 'picture', 'img', 'map', 'area',
  'param', 'source', 'track',
]);

/** Elements that flow inside a line: their text joins the surrounding passage. */
export const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em',
  'font', 'i', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small',
  'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'output', 'meter',
  'progress', 'slot',
]);

/** Collapsible white space as CSS sees it (not U+00A0, which stays). */
const WHITESPACE = /[ \t\n\r\f]/;
const NEEDS_COLLAPSE = /[\t\n\r\f]| {2}/;
const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

type Kind = 'skip' | 'block' | 'inline' | 'break';

function tagOf(element: Element): string {
  return (element.localName || element.tagName || '').toLowerCase();
}

function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

function classify(element: Element, options: CollectOptions): Kind {
  const tag = tagOf(element);
  if (SKIPPED_TAGS.has(tag)) return 'skip';
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return 'skip';
  if (isEditable(element)) return 'skip';
  const inline = element.getAttribute('style');
  if (inline && INLINE_HIDDEN.test(inline)) return 'skip';
  if (options.skip?.(element)) return 'skip';
  // A closed <details> shows only its summary.
  const parent = element.parentElement;
  if (parent && tagOf(parent) === 'details' && tag !== 'summary' && !parent.hasAttribute('open')) return 'skip';
  if (tag === 'br') return 'break';
  const style = options.getStyle?.(element);
  if (style) {
    if (style.display === 'none') return 'skip';
    if (style.visibility === 'hidden' || style.visibility === 'collapse') return 'skip';
    const display = style.display;
    if (display === 'inline' || display === 'contents' || display.startsWith('inline-') || display === 'ruby') {
      return 'inline';
    }
    // Blockified, flex items, table cells, list items…: a passage boundary.
    return 'block';
  }
  // Unknown (custom) elements are inline by default in CSS.
  return INLINE_TAGS.has(tag) || (tag.includes('-') && !options.getStyle) ? 'inline' : 'block';
}

/** Builds one passage at a time from text nodes. */
class PassageBuilder {
  private text = '';
  private segments: TextSegment[] = [];
  private lastWasSpace = true; // drops leading white space

  addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    const start = this.text.length;
    if (!NEEDS_COLLAPSE.test(data) && !(this.lastWasSpace && data[0] === ' ')) {
      this.text += data;
      this.segments.push({ node, start, end: this.text.length });
      this.lastWasSpace = data[data.length - 1] === ' ';
      return;
    }
    let out = '';
    const offsets: number[] = [];
    let space = this.lastWasSpace;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (WHITESPACE.test(ch)) {
        if (space) continue;
        out += ' ';
        space = true;
      } else {
        out += ch;
        space = false;
      }
      offsets.push(i);
    }
    if (out.length === 0) return;
    this.text += out;
    this.segments.push({ node, start, end: this.text.length, offsets });
    this.lastWasSpace = space;
  }

  addBreak(): void {
    if (this.lastWasSpace) return;
    this.text += ' ';
    this.lastWasSpace = true;
  }

  take(block: Node): TextPassage | null {
    const passage =
      this.segments.length > 0 && this.text.trim().length > 0
        ? { text: this.text, segments: this.segments, block }
        : null;
    this.text = '';
    this.segments = [];
    this.lastWasSpace = true;
    return passage;
  }
}

function startOf(root: Node): Node | null {
  if (root.nodeType === DOCUMENT_NODE) {
    const doc = root as Document;
    return doc.body ?? doc.documentElement;
  }
  return root;
}

/**
 * Yields the passages of `root` (a document, an element or a fragment) in
 * document order, one per block of visible text. A generator, so a caller on
 * a live page can stop between passages and give the page its thread back.
 */
export function* iteratePassages(root: Node, options: CollectOptions = {}): Generator<TextPassage> {
  const top = startOf(root);
  if (!top) return;
  const builder = new PassageBuilder();
  if (top.nodeType === TEXT_NODE || top.nodeType === CDATA_SECTION_NODE) {
    builder.addText(top as Text);
    const only = builder.take(top.parentNode ?? top);
    if (only) yield only;
    return;
  }
  if (top.nodeType === ELEMENT_NODE && classify(top as Element, options) === 'skip') return;

  // Elements entered, with whether each is a block (its end closes a passage).
  const parents: Node[] = [];
  const isBlock: boolean[] = [];
  const blocks: Node[] = [top]; // innermost block first at the end: owner of the current passage
  let node: Node | null = top.firstChild;
  while (node) {
    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      builder.addText(node as Text);
    } else if (type === ELEMENT_NODE) {
      const element = node as Element;
      const kind = classify(element, options);
      if (kind === 'break') {
        builder.addBreak();
      } else if (kind !== 'skip') {
        if (kind === 'block') {
          const passage = builder.take(blocks[blocks.length - 1]!);
          if (passage) yield passage;
        }
        if (element.firstChild) {
          parents.push(element);
          isBlock.push(kind === 'block');
          if (kind === 'block') blocks.push(element);
          node = element.firstChild;
          continue;
        }
      }
    }
    // Next node: the next sibling, or climb, closing blocks on the way up.
    while (node) {
      if (node.nextSibling) {
        node = node.nextSibling;
        break;
      }
      const parent = parents.pop();
      if (!parent) {
        node = null;
        break;
      }
      if (isBlock.pop()) {
        const passage = builder.take(blocks.pop()!);
        if (passage) yield passage;
      }
      node = parent;
    }
  }
  const last = builder.take(blocks[blocks.length - 1]!);
  if (last) yield last;
}

/** All passages of `root` at once (the CLI's way; a live page should iterate in slices). */
export function collectPassages(root: Node, options: CollectOptions = {}): TextPassage[] {
  return Array.from(iteratePassages(root, options));
}

/**
 * True when `node` sits inside something the index leaves out (hidden, our UI,
 * an editable region…), judged from its ancestors. Lets a caller rescan only a
 * changed subtree without indexing what a full scan would have skipped.
 */
export function isInsideSkipped(node: Node, options: CollectOptions = {}): boolean {
  const start = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  const memo = options.insideSkipped;
  if (!memo) {
    for (let el = start; el; el = el.parentElement) if (classify(el, options) === 'skip') return true;
    return false;
  }
  // Climb to the first element judged before (or the top), then judge the way back down once each.
  const path: Element[] = [];
  let el = start;
  let inside = false;
  for (; el; el = el.parentElement) {
    const known = memo.get(el);
    if (known !== undefined) {
      inside = known;
      break;
    }
    path.push(el);
  }
  for (let i = path.length - 1; i >= 0; i--) {
    const at = path[i]!;
    inside = inside || classify(at, options) === 'skip';
    memo.set(at, inside);
  }
  return inside;
}

/**
 * The nearest ancestor (or `node` itself) that bounds a passage: rescanning it
 * rebuilds every passage that `node` took part in.
 */
export function blockOf(node: Node, options: CollectOptions = {}): Node | null {
  for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    const tag = tagOf(el);
    if (tag === 'body' || tag === 'html') return el;
    if (classify(el, options) === 'block') return el;
  }
  return node.ownerDocument?.body ?? null;
}

function nodeOffset(segment: TextSegment, local: number): number {
  return segment.offsets ? segment.offsets[local]! : local;
}

/**
 * Maps a passage offset to a point in a text node. `edge` says which side of a
 * gap (a synthetic space) to land on: a range start goes forward to the next
 * node, a range end goes back to the end of the previous one.
 */
export function locate(passage: TextPassage, offset: number, edge: 'start' | 'end'): TextPoint | null {
  const segments = passage.segments;
  if (offset < 0 || offset > passage.text.length || segments.length === 0) return null;
  // Binary search: the last segment whose start is <= offset (start edge) or < offset (end edge).
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (edge === 'start' ? s.start <= offset : s.start < offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (edge === 'start') {
    const seg = found >= 0 ? segments[found]! : undefined;
    if (seg && offset < seg.end) return { node: seg.node, offset: nodeOffset(seg, offset - seg.start) };
    const next = segments[found + 1];
    return next ? { node: next.node, offset: nodeOffset(next, 0) } : null;
  }
  const seg = found >= 0 ? segments[found]! : undefined;
  if (!seg) return null;
  const local = Math.min(offset, seg.end) - seg.start;
  return { node: seg.node, offset: nodeOffset(seg, local - 1) + 1 };
}
