// One walk's memo of computed styles and of "inside something skipped":
// reading a page's context climbs the same ancestors again and again (each
// candidate's block, each root, each heading), and getComputedStyle is the
// dearest call in it. Styles are taken as fixed for one walk; a later walk
// (a page change, new settings) starts a fresh memo.
import type { CollectOptions, StyleInfo } from './text-index';

type GetStyle = NonNullable<CollectOptions['getStyle']>;

/** `getStyle` asked at most once per element; null and undefined answers are kept too. */
export function rememberStyles(getStyle: GetStyle): GetStyle {
  const seen = new WeakMap<Element, StyleInfo | null | undefined>();
  return (element) => {
    if (seen.has(element)) return seen.get(element);
    const style = getStyle(element);
    seen.set(element, style);
    return style;
  };
}

/** `options` for one walk: styles remembered, and which elements sit inside a skipped one. */
export function perWalk(options: CollectOptions): CollectOptions {
  return {
    ...options,
    getStyle: options.getStyle && rememberStyles(options.getStyle),
    insideSkipped: new WeakMap(),
  };
}
