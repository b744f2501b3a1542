// Painting claim ranges. With the CSS Custom Highlight API (every current
// engine) the page's DOM is never touched: ranges go into `CSS.highlights`
// and a `::highlight()` rule in the content-script stylesheet paints them.

export type HighlightStyle = 'color' | 'underline' | 'contrast';

/**
 * The high-contrast style's line: 4.3:1 on white, 4.3:1 on #121417, 3.6:1 on
 * #202329 (WCAG 1.4.11 asks 3:1 for a mark that carries meaning).
 */
export const CONTRAST_LINE = 'rgb(217, 72, 15)';

/** Highlight names; the content-script stylesheet has a `::highlight()` rule for each. */
export const HIGHLIGHT_NAMES = {
  color: 'metric-lens',
  underline: 'metric-lens-underline',
  contrast: 'metric-lens-contrast',
  active: 'metric-lens-active',
} as const;

/** Class of the elements the wrapping fallback adds (only where the Highlight API is missing). */
export const FALLBACK_MARK_CLASS = 'metric-lens-mark';

export interface Highlighter {
  /** False where the Highlight API is missing and ranges are wrapped in elements instead. */
  readonly native: boolean;
  add(range: Range): void;
  remove(range: Range): void;
  setStyle(style: HighlightStyle): void;
  /** Hides every highlight (and shows them again) without forgetting them. */
  setVisible(visible: boolean): void;
  readonly visible: boolean;
  /** Emphasises one range (the claim under the keyboard focus or the open popup). */
  setActive(range: Range | null): void;
  clear(): void;
  /** Is `node` one the highlighter itself added to the page (fallback marks only)? */
  isOwnNode(node: Node): boolean;
}

interface HighlightCtor {
  new (...ranges: AbstractRange[]): {
    add(range: AbstractRange): void;
    delete(range: AbstractRange): boolean;
    clear(): void;
    priority: number;
  };
}

export function createHighlighter(doc: Document, style: HighlightStyle): Highlighter {
  const win = doc.defaultView as { Highlight?: HighlightCtor; CSS?: { highlights?: Map<string, unknown> } } | null;
  const registry = win?.CSS?.highlights;
  if (win?.Highlight && registry) return nativeHighlighter(win.Highlight, registry, style);
  return wrappingHighlighter(doc, style);
}

function nativeHighlighter(Ctor: HighlightCtor, registry: Map<string, unknown>, initial: HighlightStyle): Highlighter {
  const all = new Ctor();
  const active = new Ctor();
  active.priority = 1;
  let style = initial;
  let activeRange: Range | null = null;
  let visible = true;
  const unregister = () => {
    for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name);
  };
  const register = () => {
    unregister();
    if (!visible) return;
    registry.set(HIGHLIGHT_NAMES[style], all);
    registry.set(HIGHLIGHT_NAMES.active, active);
  };
  register();
  return {
    native: true,
    get visible() {
      return visible;
    },
    setVisible(next) {
      visible = next;
      register();
    },
    add: (range) => all.add(range),
    remove(range) {
      all.delete(range);
      if (activeRange === range) this.setActive(null);
    },
    setStyle(next) {
      style = next;
      register();
    },
    setActive(range) {
      active.clear();
      activeRange = range;
      if (range) active.add(range);
    },
    clear() {
      all.clear();
      active.clear();
      activeRange = null;
      unregister();
    },
    isOwnNode: () => false,
  };
}

/**
 * Fallback for engines without the Highlight API: wraps each text-node piece
 * of a range in a <mark>. This is the only path that changes the page's DOM,
 * and it is taken only where `CSS.highlights` does not exist.
 */
function wrappingHighlighter(doc: Document, initial: HighlightStyle): Highlighter {
  const marks = new Map<Range, HTMLElement[]>();
  let style = initial;
  let activeRange: Range | null = null;
  let visible = true;
  const styleMark = (mark: HTMLElement, isActive: boolean) => {
    const line =
      style === 'contrast' ? `text-decoration: underline solid 3px ${CONTRAST_LINE};` :
      style === 'underline' || isActive ? 'text-decoration: underline 2px rgb(217, 119, 6);' : '';
    mark.style.cssText = !visible
      ? 'background: none; color: inherit; padding: 0;'
      : (style === 'color' || isActive ? 'background-color: rgba(255, 196, 0, 0.35);' : 'background: none;') +
        line +
        'color: inherit; padding: 0;';
  };
  const wrap = (range: Range): HTMLElement[] => {
    const pieces: Array<{ node: Text; start: number; end: number }> = [];
    const root = range.commonAncestorContainer;
    const walker = doc.createTreeWalker(root.nodeType === 3 ? root.parentNode! : root, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (!range.intersectsNode(n)) continue;
      const start = n === range.startContainer ? range.startOffset : 0;
      const end = n === range.endContainer ? range.endOffset : n.data.length;
      if (end > start) pieces.push({ node: n, start, end });
    }
    return pieces.map(({ node, start, end }) => {
      let target = node;
      if (start > 0) target = target.splitText(start);
      if (end - start < target.data.length) target.splitText(end - start);
      const mark = doc.createElement('mark');
      mark.className = FALLBACK_MARK_CLASS;
      styleMark(mark, false);
      target.parentNode!.insertBefore(mark, target);
      mark.appendChild(target);
      return mark;
    });
  };
  const unwrap = (list: HTMLElement[]) => {
    for (const mark of list) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
  };
  return {
    native: false,
    get visible() {
      return visible;
    },
    setVisible(next) {
      visible = next;
      for (const [range, list] of marks) list.forEach((m) => styleMark(m, range === activeRange));
    },
    add(range) {
      if (!marks.has(range)) marks.set(range, wrap(range));
    },
    remove(range) {
      unwrap(marks.get(range) ?? []);
      marks.delete(range);
      if (activeRange === range) activeRange = null;
    },
    setStyle(next) {
      style = next;
      for (const [range, list] of marks) list.forEach((m) => styleMark(m, range === activeRange));
    },
    setActive(range) {
      const previous = activeRange;
      activeRange = range;
      if (previous) marks.get(previous)?.forEach((m) => styleMark(m, false));
      if (range) marks.get(range)?.forEach((m) => styleMark(m, true));
    },
    clear() {
      for (const list of marks.values()) unwrap(list);
      marks.clear();
      activeRange = null;
    },
    isOwnNode: (node) =>
      node.nodeType === 1 && (node as Element).classList.contains(FALLBACK_MARK_CLASS),
  };
}
