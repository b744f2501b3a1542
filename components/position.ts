// Placing a floating box next to a claim, inside the viewport.

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const MARGIN = 8;

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, Math.max(low, high)));
}

export interface Placement {
  top: number;
  left: number;
  /** Set when the box must be shorter than it wants to be (it scrolls inside) so as not to cover its anchor. */
  maxHeight: number | null;
  side: 'below' | 'above' | 'right' | 'left';
}

/** Below this height a box squeezed above or below its anchor is of little use: it goes beside instead, if it can. */
const MIN_HEIGHT = 96;

/**
 * Where a box of `size` goes so that it never covers `anchor` (the bounding
 * box of a claim's line rects) and stays inside the viewport: on the preferred
 * side when it fits, else the other side, else beside the anchor, else on the
 * side with more room, made shorter to fit there.
 */
export function placeClear(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  prefer: 'above' | 'below',
): Placement {
  const bottom = anchor.top + anchor.height;
  const right = anchor.left + anchor.width;
  const room = {
    below: viewport.height - MARGIN - (bottom + MARGIN),
    above: anchor.top - MARGIN - MARGIN,
    right: viewport.width - MARGIN - (right + MARGIN),
    left: anchor.left - MARGIN - MARGIN,
  };
  const left = clamp(anchor.left, MARGIN, viewport.width - MARGIN - size.width);
  const vertical = (side: 'below' | 'above', height: number): Placement => ({
    top: side === 'below' ? bottom + MARGIN : anchor.top - MARGIN - height,
    left,
    maxHeight: height < size.height ? height : null,
    side,
  });
  const order: Array<'below' | 'above'> = prefer === 'below' ? ['below', 'above'] : ['above', 'below'];
  for (const side of order) if (size.height <= room[side]) return vertical(side, size.height);

  const fullHeight = Math.min(size.height, viewport.height - 2 * MARGIN);
  const top = clamp(anchor.top, MARGIN, viewport.height - MARGIN - fullHeight);
  const besideHeight = fullHeight < size.height ? fullHeight : null;
  if (size.width <= room.right) return { top, left: right + MARGIN, maxHeight: besideHeight, side: 'right' };
  if (size.width <= room.left) return { top, left: anchor.left - MARGIN - size.width, maxHeight: besideHeight, side: 'left' };

  const side = room.below >= room.above ? 'below' : 'above';
  return vertical(side, Math.max(Math.min(room[side], size.height), Math.min(MIN_HEIGHT, size.height)));
}
