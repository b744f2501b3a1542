// Screen-reader mode: each claim marked in the page's own text, so that a
// screen reader reading the page meets it where it stands. CSS Custom
// Highlights add nothing to the accessibility tree; these marks do. Each claim
// becomes <mark> elements around its text, the first holding a visually hidden
// "claim: <metric>" and the last a visually hidden "end of claim". The marks
// take no look of their own (the highlights still paint the claim), and the
// claim's Range is set again to the marked text after every change, so the
// rest of the extension goes on using the same Range object.

export const SR_MARK_CLASS = 'metric-lens-sr-mark';
export const SR_LABEL_CLASS = 'metric-lens-sr-label';

/** The words around a claim, as a screen reader says them. */
export const srStartText = (metricName: string) => `claim: ${metricName}`;
export const SR_END_TEXT = 'end of claim';

// Inline, so page CSS that styles <mark> or <span> does not show them.
const MARK_STYLE = 'background: transparent; color: inherit; padding: 0; margin: 0; font: inherit;';
const HIDDEN_STYLE =
  'position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; ' +
  'clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; user-select: none;';

export interface ScreenReaderMarks {
  /** Marks the claim's text; `range` is set to the marked text. */
  add(range: Range, metricName: string): void;
  /** Takes the marks out again; `range` is set to the same text, now unmarked. */
  remove(range: Range): void;
  clear(): void;
  /** The element that takes the keyboard focus for the claim (its first mark). */
  focusTarget(range: Range): HTMLElement | null;
  /** The claim range whose marks hold `node`, if any. */
  rangeOf(node: Node): Range | null;
  /** Is `node` one of the elements the marks added? */
  isOwnNode(node: Node): boolean;
}

interface Marked {
  marks: HTMLElement[];
  labels: HTMLElement[];
}

function textPieces(doc: Document, range: Range): Array<{ node: Text; start: number; end: number }> {
  const pieces: Array<{ node: Text; start: number; end: number }> = [];
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3) {
    if (range.endOffset > range.startOffset) pieces.push({ node: root as Text, start: range.startOffset, end: range.endOffset });
    return pieces;
  }
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(n)) continue;
    const start = n === range.startContainer ? range.startOffset : 0;
    const end = n === range.endContainer ? range.endOffset : n.data.length;
    if (end > start) pieces.push({ node: n, start, end });
  }
  return pieces;
}

export function isSrNode(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const list = (node as Element).classList;
  return list.contains(SR_MARK_CLASS) || list.contains(SR_LABEL_CLASS);
}

export function createScreenReaderMarks(doc: Document): ScreenReaderMarks {
  const marked = new Map<Range, Marked>();
  const byMark = new Map<Node, Range>();

  const label = (text: string): HTMLElement => {
    const span = doc.createElement('span');
    span.className = SR_LABEL_CLASS;
    span.setAttribute('style', HIDDEN_STYLE);
    span.textContent = text;
    return span;
  };

  /** Sets `range` to the text the marks hold, between the labels. */
  const fit = (range: Range, { marks }: Marked) => {
    const first = marks[0]!;
    const last = marks[marks.length - 1]!;
    const firstText = Array.from(first.childNodes).find((n) => n.nodeType === 3);
    const lastText = Array.from(last.childNodes).reverse().find((n) => n.nodeType === 3) as Text | undefined;
    if (!firstText || !lastText) return;
    range.setStart(firstText, 0);
    range.setEnd(lastText, lastText.data.length);
  };

  const unwrap = (range: Range, entry: Marked) => {
    for (const l of entry.labels) l.remove();
    const texts: Text[] = [];
    for (const mark of entry.marks) {
      byMark.delete(mark);
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) {
        if (mark.firstChild.nodeType === 3) texts.push(mark.firstChild as Text);
        parent.insertBefore(mark.firstChild, mark);
      }
      parent.removeChild(mark);
    }
    const first = texts[0];
    const last = texts[texts.length - 1];
    if (first && last && first.isConnected && last.isConnected) {
      range.setStart(first, 0);
      range.setEnd(last, last.data.length);
    }
  };

  return {
    add(range, metricName) {
      if (marked.has(range)) return;
      const pieces = textPieces(doc, range);
      if (pieces.length === 0) return;
      const marks = pieces.map(({ node, start, end }) => {
        let target = node;
        if (start > 0) target = target.splitText(start);
        if (end - start < target.data.length) target.splitText(end - start);
        const mark = doc.createElement('mark');
        mark.className = SR_MARK_CLASS;
        mark.setAttribute('style', MARK_STYLE);
        target.parentNode!.insertBefore(mark, target);
        mark.appendChild(target);
        byMark.set(mark, range);
        return mark;
      });
      // Only the first mark takes focus, and from script only: Tab order stays the page's.
      marks[0]!.tabIndex = -1;
      const start = label(`${srStartText(metricName)} `);
      const end = label(` ${SR_END_TEXT}`);
      marks[0]!.prepend(start);
      marks[marks.length - 1]!.append(end);
      const entry = { marks, labels: [start, end] };
      marked.set(range, entry);
      fit(range, entry);
    },
    remove(range) {
      const entry = marked.get(range);
      if (!entry) return;
      marked.delete(range);
      unwrap(range, entry);
    },
    clear() {
      for (const [range, entry] of marked) unwrap(range, entry);
      marked.clear();
    },
    focusTarget: (range) => marked.get(range)?.marks[0] ?? null,
    rangeOf(node) {
      for (let n: Node | null = node; n; n = n.parentNode) {
        const range = byMark.get(n);
        if (range) return range;
      }
      return null;
    },
    isOwnNode: isSrNode,
  };
}
