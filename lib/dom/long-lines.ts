// Lines the browser measures slowly. Text that does not wrap (`white-space:
// pre` or `nowrap`) can make one line millions of characters wide; every
// highlight on such a line costs Chromium tens of milliseconds at each paint
// and each measurement, so a few hundred of them freeze the page.

/** A line longer than this does not get highlights. */
export const MAX_LINE_CHARS = 20_000;

/**
 * Does the range start on a line longer than `limit` characters? Judged
 * within its start text node, looking at most `limit` characters each way.
 */
export function onOverlongLine(range: Range, getStyle: (el: Element) => { whiteSpace: string }, limit = MAX_LINE_CHARS): boolean {
  const node = range.startContainer;
  const parent = node.parentElement;
  if (node.nodeType !== 3 || !parent) return false;
  const data = (node as Text).data;
  if (data.length <= limit) return false;
  const whiteSpace = getStyle(parent).whiteSpace;
  // Only `pre` and `nowrap` keep a line from wrapping at the viewport's edge (newer values start with them).
  if (whiteSpace.startsWith('nowrap')) return true; // one text node is one line: its newlines are spaces
  if (!whiteSpace.startsWith('pre') || whiteSpace.startsWith('pre-')) return false;
  const at = range.startOffset;
  const back = data.slice(Math.max(0, at - limit), at).lastIndexOf('\n');
  const ahead = data.slice(at, at + limit).indexOf('\n');
  const before = back < 0 ? Math.min(at, limit) : Math.min(at, limit) - back - 1;
  const after = ahead < 0 ? Math.min(data.length - at, limit) : ahead;
  return before + after > limit;
}
