// A live page's candidate blocks to the engine's document, cheaply: only the
// region around each candidate is indexed with the careful text index (its
// nearest container of bounded size, which holds the paragraphs before it)
// and the page's headings; then the shared window (lib/document-window.ts)
// chooses the blocks, exactly as the scanner does on a whole file.
import type { DocumentInput } from '../contract';
import { CONTEXT_BLOCKS_BEFORE, CONTEXT_CHARS_BEFORE, windowDocument, type DocumentWindow } from '../document-window';
import type { Located } from './candidates';
import { passageBlocks, type BlockPlace } from './page-blocks';
import { readPageDate } from './page-date';
import { perWalk } from './style-memo';
import { blockOf, isInsideSkipped, iteratePassages, type CollectOptions, type TextPassage } from './text-index';

/** An element before a candidate with more text than this is not indexed for its context. */
export const CONTEXT_ROOT_CHARS = 20_000;
/** DocumentInput's bound on a title. */
const MAX_TITLE_CHARS = 2_000;


/** The engine's document for part of a page, and the passage each of its blocks maps to. */
export interface PageDocument {
  input: DocumentInput;
  places: BlockPlace[];
}

const isTop = (el: Element) => el.localName === 'body' || el.localName === 'html';

const overlaps = (a: Node, b: Node) => a === b || a.contains(b) || b.contains(a);

/**
 * The length of the text under `node`, counted only up to `bound` (a large
 * container's textContent would build megabytes to learn it is large).
 */
export function textLength(node: Node, bound: number): number {
  const doc = node.ownerDocument;
  if (!doc) return 0;
  const walker = doc.createTreeWalker(node, 4 /* SHOW_TEXT */);
  let length = 0;
  // A text node's own length, not its data: no string is copied out of the page for each node.
  for (let text = walker.nextNode(); text && length <= bound; text = walker.nextNode()) length += (text as Text).length;
  return length;
}

/** What is already taken for indexing: the nodes, and every ancestor of one. */
interface Taken {
  has(node: Node): boolean;
  holds(node: Node): boolean;
}

/**
 * What gives a candidate block its context: the elements just before it in
 * reading order, found by stepping back over element siblings and, where the
 * block opens its container, over its ancestors' siblings, until they hold
 * the window's blocks and characters (lib/document-window.ts). An element
 * that holds something already taken is entered for what follows it; what is
 * taken ends the search. In document order.
 */
function contextBefore(root: Element, taken: Taken): Element[] {
  const out: Element[] = [];
  let blocks = 0;
  let chars = 0;
  let at = root;
  let el = root.previousElementSibling;
  while (blocks < CONTEXT_BLOCKS_BEFORE && chars <= CONTEXT_CHARS_BEFORE) {
    if (!el) {
      const up = at.parentElement;
      if (!up || isTop(up)) break;
      at = up;
      el = up.previousElementSibling;
      continue;
    }
    if (taken.has(el)) break;
    if (taken.holds(el)) {
      el = el.lastElementChild;
      continue;
    }
    const length = textLength(el, CONTEXT_ROOT_CHARS);
    if (length > CONTEXT_ROOT_CHARS) break;
    out.push(el);
    if (length > 0) blocks++;
    chars += length;
    el = el.previousElementSibling;
  }
  return out.reverse();
}

/**
 * What to index for the located blocks (candidates and headings, in document
 * order): each candidate's block and the elements before it, and the
 * headings it stands under (the nearest visible heading of each level above
 * it, the outline read as lib/document-window.ts reads it), in document
 * order, none inside another. No order is computed: it is the walk's.
 */
export function contextRoots(located: readonly Located[], options: CollectOptions): Node[] {
  const out: Node[] = [];
  const outline: Array<Element | undefined> = [];
  const placed = new Set<Node>();
  const above = new Set<Node>(); // ancestors of placed nodes
  const taken: Taken = {
    has: (node) => {
      for (let n: Node | null = node; n; n = n.parentNode) if (placed.has(n)) return true;
      return false;
    },
    holds: (node) => above.has(node),
  };
  const place = (node: Node) => {
    out.push(node);
    placed.add(node);
    for (let n = node.parentNode; n && !above.has(n); n = n.parentNode) above.add(n);
  };
  let lastRoot: Node | undefined;
  for (const { element, heading } of located) {
    if (heading) {
      if (!element.textContent?.trim() || isInsideSkipped(element, options)) continue; // no block in the index
      const level = Number(element.localName[1]);
      outline[level] = element;
      outline.length = level + 1;
      continue;
    }
    if (!element.isConnected || taken.has(element) || isInsideSkipped(element, options)) continue;
    const root = (blockOf(element, options) ?? element) as Element;
    if (lastRoot && root.contains(lastRoot)) {
      // A wider block than the last root: it replaces what it holds (they stay taken: it holds them).
      while (out.length && root.contains(out[out.length - 1]!)) out.pop();
    }
    const context = root.contains(lastRoot ?? null) ? [] : contextBefore(root, taken);
    for (const open of outline) {
      if (!open || taken.has(open) || root.contains(open)) continue;
      if (context.some((el) => el.contains(open))) continue;
      place(open);
    }
    for (const el of context) place(el);
    place(root);
    lastRoot = root;
  }
  return out;
}

/**
 * Indexes the context of the located blocks and chooses the engine's document.
 * `pause` is awaited between passages and returns false to give up (the page
 * went away, a newer analysis started).
 */
export async function readPageDocument(
  doc: Document,
  located: readonly Located[],
  options: CollectOptions,
  pause: () => Promise<boolean>,
): Promise<PageDocument | null> {
  const passages: TextPassage[] = [];
  options = perWalk(options); // the same ancestors are judged for every root and every block
  for (const root of contextRoots(located, options)) {
    if (isInsideSkipped(root, options)) continue;
    for (const passage of iteratePassages(root, options)) {
      passages.push(passage);
      if (!(await pause())) return null;
    }
  }
  const { blocks, places } = passageBlocks(passages);
  const window: DocumentWindow = windowDocument({ ...pageHead(doc), blocks });
  return { input: window.input, places: window.sources.map((i) => places[i]!) };
}

/** The page's title (DocumentInput's bound) and its own date, as every document read from it carries them. */
export function pageHead(doc: Document): { title?: string; date?: string } {
  const title = pageTitle(doc);
  const date = readPageDate(doc);
  return { ...(title ? { title } : {}), ...(date ? { date } : {}) };
}

/** The page's title, its space collapsed, within DocumentInput's bound (undefined where it has none). */
export function pageTitle(doc: Document): string | undefined {
  return (doc.title ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_CHARS) || undefined;
}
