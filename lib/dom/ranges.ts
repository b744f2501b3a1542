// Claim offsets (into a passage's text) → DOM Ranges over the page's own text
// nodes, and the checks that tell when a range no longer holds its claim.
import { locate, type TextPassage } from './text-index';

/** Collapses white space the way the text index does, for comparing a range's raw text with passage text. */
export function normalizeSpace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/**
 * The Range covering passage offsets [start, end), or null when the offsets do
 * not fit the passage or land on no text.
 */
export function rangeForOffsets(passage: TextPassage, start: number, end: number): Range | null {
  if (!(start >= 0 && end > start && end <= passage.text.length)) return null;
  const from = locate(passage, start, 'start');
  const to = locate(passage, end, 'end');
  if (!from || !to) return null;
  const doc = from.node.ownerDocument;
  if (!doc) return null;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range.collapsed ? null : range;
}

/** The text without any white space: a <br> reads as a space in a passage but is no character in a Range. */
export function withoutSpace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, '');
}

/** Does `range` still cover `text` (white space aside)? False once the page changed that text or removed it. */
export function rangeHolds(range: Range, text: string): boolean {
  if (range.collapsed) return false;
  const container = range.commonAncestorContainer;
  if (!container.isConnected) return false;
  return withoutSpace(range.toString()) === withoutSpace(text);
}

/** Sorts items by their ranges' position in the document. */
export function compareRanges(a: Range, b: Range): number {
  if (a === b) return 0;
  // Ranges from different documents or detached trees compare as equal rather than throwing.
  try {
    const byStart = a.compareBoundaryPoints(0 /* START_TO_START */, b);
    return byStart !== 0 ? byStart : a.compareBoundaryPoints(2 /* END_TO_END */, b);
  } catch {
    return 0;
  }
}

/** Is the point (node, offset) inside `range`? */
export function rangeHoldsPoint(range: Range, node: Node, offset: number): boolean {
  try {
    return range.isPointInRange(node, offset);
  } catch {
    return false;
  }
}
