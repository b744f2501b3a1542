// Which claim range is under a point? The page's DOM holds no element per
// claim, so pointer events are matched against the ranges themselves.
import { rangeHoldsPoint } from './ranges';

interface HighlightHit {
  ranges: AbstractRange[];
}
interface HighlightRegistryWithHitTest {
  highlightsFromPoint?: (x: number, y: number) => HighlightHit[];
}

function caretPoint(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const pos = withPosition.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const withRange = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof withRange.caretRangeFromPoint === 'function') {
    const range = withRange.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const rect of Array.from(range.getClientRects())) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/**
 * The range among `ranges` painted under viewport point (x, y), or null.
 * Uses `CSS.highlights.highlightsFromPoint` where the browser has it; else the
 * caret position under the point, confirmed against the range's line boxes
 * (a caret is found even beside the end of a line).
 */
export function rangeAtPoint(doc: Document, x: number, y: number, ranges: ReadonlySet<Range>): Range | null {
  if (ranges.size === 0) return null;
  const registry = (doc.defaultView?.CSS as { highlights?: HighlightRegistryWithHitTest } | undefined)?.highlights;
  if (registry && typeof registry.highlightsFromPoint === 'function') {
    for (const hit of registry.highlightsFromPoint(x, y)) {
      for (const range of hit.ranges) if (ranges.has(range as Range)) return range as Range;
    }
    return null;
  }
  const point = caretPoint(doc, x, y);
  if (!point) return null;
  for (const range of ranges) {
    if (rangeHoldsPoint(range, point.node, point.offset) && rectsContain(range, x, y)) return range;
  }
  return null;
}
