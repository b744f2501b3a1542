// Positions a floating element next to its anchor after it has rendered (its
// size is known only then), never over the anchor (see placeClear), and again
// whenever its size changes (a section opened inside it, a font loaded).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { placeClear, type Box, type Placement } from './position';

export function usePlacement<T extends HTMLElement>(anchor: Box, prefer: 'above' | 'below') {
  const ref = useRef<T>(null);
  const [place, setPlace] = useState<Placement | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const view = el.ownerDocument.defaultView;
    let last = { width: -1, height: -1 };
    const measure = () => {
      // Measured at its natural height: a height cut to fit one side must not decide the next placement.
      const cut = el.style.maxHeight;
      el.style.maxHeight = '';
      const size = { width: el.offsetWidth, height: el.offsetHeight };
      el.style.maxHeight = cut;
      if (size.width === last.width && size.height === last.height) return;
      last = size;
      const next = placeClear(anchor, size, { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 }, prefer);
      setPlace((current) =>
        current && current.top === next.top && current.left === next.left && current.maxHeight === next.maxHeight
          ? current
          : next,
      );
    };
    measure();
    const Observer = view?.ResizeObserver;
    if (!Observer) return;
    const observer = new Observer(() => measure());
    // The content's size, not the box's: a cut box keeps its height while its content grows.
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [anchor.top, anchor.left, anchor.width, anchor.height]);
  const style = place
    ? {
        top: `${place.top}px`,
        left: `${place.left}px`,
        ...(place.maxHeight !== null ? { maxHeight: `${place.maxHeight}px` } : {}),
      }
    : // Off screen until measured, yet focusable (a hidden element could not take focus).
      { top: '-10000px', left: '-10000px' };
  return { ref, style, side: place?.side ?? null };
}
