// Nodes Metric Lens itself puts in a page, which its change watcher and text
// index must never treat as page content.
import { FALLBACK_MARK_CLASS } from '../../lib/dom/highlight';
import { isSrNode } from '../../lib/dom/sr-marks';

/** The one element that holds all of Metric Lens's UI (in its shadow root). */
export const HOST_TAG = 'metric-lens-ui';

export function isOwnNode(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  return element.localName === HOST_TAG || element.classList.contains(FALLBACK_MARK_CLASS) || isSrNode(element);
}
