// The page's next keyboard stop after (or before) a claim, in document order.
// The focus stand-in for a claim lives in Metric Lens's own host at the end of
// the document; Tab from it must go on where the claim stands, not leave the page.

const FOCUSABLE =
  'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]:not([contenteditable="false"])';

function isTabStop(el: Element): el is HTMLElement {
  const html = el as HTMLElement;
  if (!el.matches(FOCUSABLE) || html.tabIndex < 0) return false;
  if ((html as HTMLButtonElement).disabled) return false;
  if ((html as HTMLInputElement).type === 'hidden') return false;
  if (el.closest('[inert]')) return false;
  // A <summary> is a stop only as its <details>' first summary.
  if (el.localName === 'summary' && el.parentElement?.localName !== 'details') return false;
  if (el.getClientRects().length === 0) return false;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !style || style.visibility !== 'hidden';
}

/**
 * The first tab stop after `range` (direction 1) or the last one before it
 * (-1), skipping elements for which `skip` says so (and everything in them);
 * null when there is none. Positive tabindex values are taken in document
 * order, as most pages that use them expect.
 */
export function tabStopBeside(range: Range, direction: 1 | -1, skip: (el: Element) => boolean = () => false): HTMLElement | null {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const root = doc.body ?? doc.documentElement;
  if (!root) return null;
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */, {
    acceptNode: (node) => (skip(node as Element) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  const edge = doc.createRange();
  if (direction > 0) edge.setStart(range.endContainer, range.endOffset);
  else edge.setStart(range.startContainer, range.startOffset);
  edge.collapse(true);
  let best: HTMLElement | null = null;
  for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
    // Position of the element's start against the claim's edge.
    const where = edge.comparePoint(n, 0);
    if (direction > 0) {
      // The element starts after the claim's end (a link around the claim counts as before it).
      if (where > 0 && isTabStop(n)) return n;
    } else if (where < 0) {
      // Elements that start before the claim, a link around it included: the last one wins.
      if (isTabStop(n)) best = n;
    } else break;
  }
  return best;
}

/** Moves the browser's sequential-focus starting point to `range`'s end or start, without focusing anything. */
export function moveFocusStart(range: Range, edge: 'start' | 'end'): void {
  const selection = range.startContainer.ownerDocument?.getSelection();
  if (!selection) return;
  if (edge === 'end') selection.collapse(range.endContainer, range.endOffset);
  else selection.collapse(range.startContainer, range.startOffset);
}
