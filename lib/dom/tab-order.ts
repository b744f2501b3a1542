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

const BLOCKS = new Set(['p', 'li', 'dd', 'dt', 'td', 'th', 'blockquote', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'div', 'section', 'article', 'main']);

/**
 * Puts the keyboard focus on the block that holds `range` (its paragraph, list
 * item, cell…), where the claim stands: the reading position stays there and
 * the next Tab goes on from there. A block that is not focusable is lent
 * tabindex="-1" (focusable from script only) until it loses the focus. Returns
 * the element focused, or null.
 */
export function parkFocusAt(range: Range): HTMLElement | null {
  let el: Element | null =
    range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  while (el && !BLOCKS.has(el.localName)) el = el.parentElement;
  const target = el as HTMLElement | null;
  if (!target || !target.isConnected) return null;
  if (!target.hasAttribute('tabindex')) {
    target.setAttribute('tabindex', '-1');
    target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
  }
  target.focus({ preventScroll: true });
  return target.ownerDocument.activeElement === target ? target : null;
}
