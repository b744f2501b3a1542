// A live page's candidate blocks to the engine's document, cheaply: only the
// region around each candidate is indexed with the careful text index (its
// nearest container of bounded size, which holds the paragraphs before it)
// and the page's headings; then the shared window (lib/document-window.ts)
// chooses the blocks, exactly as the scanner does on a whole file.
import type { DocumentInput } from '../contract';
import { CONTEXT_BLOCKS_BEFORE, windowDocument, type DocumentWindow } from '../document-window';
import { passageBlocks, type BlockPlace } from './page-blocks';
import { readPageDate } from './page-date';
import { blockOf, isInsideSkipped, iteratePassages, type CollectOptions, type TextPassage } from './text-index';

/** A candidate's context container is the largest ancestor with at most this much text. */
export const CONTEXT_ROOT_CHARS = 20_000;
/** Headings indexed at most (a page's outline, not its every teaser). */
const MAX_HEADINGS = 400;
const HEADINGS = 'h1, h2, h3, h4, h5, h6';
/** DocumentInput's bound on a title. */
const MAX_TITLE_CHARS = 2_000;

const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/** The engine's document for part of a page, and the passage each of its blocks maps to. */
export interface PageDocument {
  input: DocumentInput;
  places: BlockPlace[];
}

const isTop = (el: Element) => el.localName === 'body' || el.localName === 'html';

function contains(outer: Node, inner: Node): boolean {
  return outer === inner || (outer.compareDocumentPosition(inner) & CONTAINED_BY) !== 0;
}

/** Before `b` in document order. */
function precedes(a: Node, b: Node): boolean {
  return (b.compareDocumentPosition(a) & PRECEDING) !== 0;
}

/** The container around a candidate whose passages give it its context. */
function contextRoot(block: Node, options: CollectOptions): Node {
  let root: Node = blockOf(block, options) ?? block;
  for (let up = root.parentElement; up && !isTop(up); up = up.parentElement) {
    if ((up.textContent?.length ?? 0) > CONTEXT_ROOT_CHARS) break;
    root = up;
  }
  return root;
}

/**
 * The element siblings just before `root` (nearest first), as far as the
 * window reads back: where a candidate opens its container, or the container
 * is the page's body itself, its context is there.
 */
function siblingsBefore(root: Node): Element[] {
  const out: Element[] = [];
  let chars = 0;
  for (let el = (root as Element).previousElementSibling; el && out.length < CONTEXT_BLOCKS_BEFORE; el = el.previousElementSibling) {
    chars += el.textContent?.length ?? 0;
    if (chars > CONTEXT_ROOT_CHARS) break;
    out.push(el);
  }
  return out;
}

/** What to index for `candidates` (document order, none inside another). */
export function contextRoots(doc: Document, candidates: readonly Node[], options: CollectOptions): Node[] {
  const roots: Node[] = [];
  for (const candidate of candidates) {
    if (!candidate.isConnected || isInsideSkipped(candidate, options)) continue;
    if (roots.some((r) => contains(r, candidate))) continue;
    const root = contextRoot(candidate, options);
    roots.push(root, ...siblingsBefore(root));
  }
  if (roots.length === 0) return [];
  const last = roots.reduce((a, b) => (precedes(a, b) ? b : a));
  const headings = doc.querySelectorAll(HEADINGS);
  for (let i = 0; i < headings.length && i < MAX_HEADINGS; i++) {
    const heading = headings[i]!;
    if (!precedes(heading, last) && !contains(last, heading)) break;
    roots.push(heading);
  }
  const ordered = [...new Set(roots)].sort((a, b) => (a === b ? 0 : precedes(a, b) ? -1 : 1));
  return ordered.filter((r, i) => !ordered.some((o, j) => j !== i && o !== r && contains(o, r)));
}

/**
 * Indexes the context of `candidates` and chooses the engine's document.
 * `pause` is awaited between passages and returns false to give up (the page
 * went away, a newer analysis started).
 */
export async function readPageDocument(
  doc: Document,
  candidates: readonly Node[],
  options: CollectOptions,
  pause: () => Promise<boolean>,
): Promise<PageDocument | null> {
  const passages: TextPassage[] = [];
  for (const root of contextRoots(doc, candidates, options)) {
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
