// A live page's candidate blocks to the engine's document, cheaply: only the
// region around each candidate is indexed with the careful text index (its
// nearest container of bounded size, which holds the paragraphs before it)
// and the page's headings; then the shared window (lib/document-window.ts)
// chooses the blocks, exactly as the scanner does on a whole file.
import type { DocumentInput } from '../contract';
import { CONTEXT_BLOCKS_BEFORE, windowDocument, type DocumentWindow } from '../document-window';
import type { Located } from './candidates';
import { passageBlocks, type BlockPlace } from './page-blocks';
import { readPageDate } from './page-date';
import { blockOf, isInsideSkipped, iteratePassages, type CollectOptions, type TextPassage } from './text-index';

/** A candidate's context container is the largest ancestor with at most this much text. */
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
function textLength(node: Node, bound: number): number {
  const doc = node.ownerDocument;
  if (!doc) return 0;
  const walker = doc.createTreeWalker(node, 4 /* SHOW_TEXT */);
  let length = 0;
  for (let text = walker.nextNode(); text && length <= bound; text = walker.nextNode()) length += (text as Text).data.length;
  return length;
}

/** The container around a candidate whose passages give it its context. */
function contextRoot(block: Node, options: CollectOptions, tooLarge: Set<Node>): Node {
  let root: Node = blockOf(block, options) ?? block;
  for (let up = root.parentElement; up && !isTop(up); up = up.parentElement) {
    if (tooLarge.has(up)) break;
    if (textLength(up, CONTEXT_ROOT_CHARS) > CONTEXT_ROOT_CHARS) {
      tooLarge.add(up);
      break;
    }
    root = up;
  }
  return root;
}

/**
 * The element siblings just before `root` (in document order), as far as the
 * window reads back and not into what is already `taken`: where a
 * candidate opens its container, or the container is the page's body itself,
 * its context is there.
 */
function siblingsBefore(root: Node, taken: readonly Node[]): Element[] {
  const out: Element[] = [];
  let chars = 0;
  const recent = taken.slice(-2 * (CONTEXT_BLOCKS_BEFORE + 2));
  for (let el = (root as Element).previousElementSibling; el && out.length < CONTEXT_BLOCKS_BEFORE; el = el.previousElementSibling) {
    if (recent.some((node) => overlaps(el!, node))) break;
    chars += textLength(el, CONTEXT_ROOT_CHARS);
    if (chars > CONTEXT_ROOT_CHARS) break;
    out.push(el);
  }
  return out.reverse();
}

/**
 * What to index for the located blocks (candidates and headings, in document
 * order): each candidate's context root and the siblings before it, and the
 * headings it stands under (the nearest visible heading of each level above
 * it, the outline read as lib/document-window.ts reads it), in document
 * order, none inside another. No order is computed: it is the walk's.
 */
export function contextRoots(located: readonly Located[], options: CollectOptions): Node[] {
  const out: Node[] = [];
  const tooLarge = new Set<Node>();
  const outline: Array<Element | undefined> = [];
  const emitted = new Set<Node>();
  let lastRoot: Node | undefined;
  const inLastRoot = (node: Node) => !!lastRoot && lastRoot.contains(node);
  for (const { element, heading } of located) {
    if (heading) {
      if (!element.textContent?.trim() || isInsideSkipped(element, options)) continue; // no block in the index
      const level = Number(element.localName[1]);
      outline[level] = element;
      outline.length = level + 1;
      continue;
    }
    if (!element.isConnected || inLastRoot(element) || isInsideSkipped(element, options)) continue;
    const root = contextRoot(element, options, tooLarge);
    if (lastRoot && root.contains(lastRoot)) {
      // A wider container than the last root's: it replaces what it holds.
      while (out.length && root.contains(out[out.length - 1]!)) out.pop();
    }
    const siblings = siblingsBefore(root, out);
    for (const open of outline) {
      if (!open || emitted.has(open) || inLastRoot(open) || root.contains(open)) continue;
      if (siblings.some((s) => s === open || s.contains(open))) continue;
      out.push(open);
      emitted.add(open);
    }
    out.push(...siblings, root);
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
  for (const root of contextRoots(located, options)) {
    if (isInsideSkipped(root, options)) continue;
    for (const passage of iteratePassages(root, options)) {
      passages.push(passage);
      if (!(await pause())) return null;
    }
  }
  const { blocks, places } = passageBlocks(passages);
  const title = (doc.title ?? '').replace(/\s+/g, ' ').trim();
  const window: DocumentWindow = windowDocument({ title: title.slice(0, MAX_TITLE_CHARS) || undefined, date: readPageDate(doc) ?? undefined, blocks });
  return { input: window.input, places: window.sources.map((i) => places[i]!) };
}
