// Placing a floating box next to a claim, inside the viewport.

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const MARGIN = 8;

/**
 * Top-left for a box of `size` near `anchor` (viewport coordinates): on the
 * preferred side if it fits, else the other side, else clamped to the viewport.
 */
export function placeNear(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  prefer: 'above' | 'below',
): { top: number; left: number } {
  const below = anchor.top + anchor.height + MARGIN;
  const above = anchor.top - MARGIN - size.height;
  const fitsBelow = below + size.height <= viewport.height - MARGIN;
  const fitsAbove = above >= MARGIN;
  let top: number;
  if (prefer === 'below') top = fitsBelow || !fitsAbove ? below : above;
  else top = fitsAbove || !fitsBelow ? above : below;
  top = clamp(top, MARGIN, viewport.height - MARGIN - size.height);
  const left = clamp(anchor.left, MARGIN, viewport.width - MARGIN - size.width);
  return { top, left };
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, Math.max(low, high)));
}
