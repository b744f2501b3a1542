// Positions a floating element next to its anchor after it has rendered (its size is known only then).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { placeNear, type Box } from './position';

export function usePlacement<T extends HTMLElement>(anchor: Box, prefer: 'above' | 'below') {
  const ref = useRef<T>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const view = el.ownerDocument.defaultView;
    const next = placeNear(
      anchor,
      { width: el.offsetWidth, height: el.offsetHeight },
      { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 },
      prefer,
    );
    if (!place || place.top !== next.top || place.left !== next.left) setPlace(next);
  }, [anchor.top, anchor.left, anchor.width, anchor.height]);
  const style = place
    ? { top: `${place.top}px`, left: `${place.left}px` }
    : // Off screen until measured, yet focusable (a hidden element could not take focus).
      { top: '-10000px', left: '-10000px' };
  return { ref, style };
}
