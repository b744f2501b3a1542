import { describe, expect, test } from 'vitest';
import { placeClear, type Box } from '../../components/position';

const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/** The box a placement gives, its height cut where the placement says so. */
const boxOf = (p: ReturnType<typeof placeClear>, size: { width: number; height: number }): Box => ({
  top: p.top,
  left: p.left,
  width: size.width,
  height: p.maxHeight ?? size.height,
});

const inside = (b: Box, v: { width: number; height: number }) =>
  b.top >= 0 && b.left >= 0 && b.top + b.height <= v.height && b.left + b.width <= v.width;

describe('placeClear', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 300, height: 200 };
  test('the preferred side when it fits, the other side when not', () => {
    const anchor = { top: 400, left: 100, width: 80, height: 20 };
    expect(placeClear(anchor, size, viewport, 'below')).toMatchObject({ side: 'below', top: 428, maxHeight: null });
    expect(placeClear(anchor, size, viewport, 'above')).toMatchObject({ side: 'above', top: 192, maxHeight: null });
    expect(placeClear({ ...anchor, top: 700 }, size, viewport, 'below')).toMatchObject({ side: 'above' });
  });

  test('beside the claim when neither above nor below has room', () => {
    const tall = { width: 300, height: 600 };
    const p = placeClear({ top: 380, left: 100, width: 120, height: 20 }, tall, viewport, 'below');
    expect(p.side).toBe('right');
    expect(p.left).toBe(228);
  });

  test('on a narrow screen, the side with more room, cut to fit: never over the claim, never outside', () => {
    for (const v of [
      { width: 320, height: 568 },
      { width: 360, height: 740 },
      { width: 640, height: 450 },
    ]) {
      const tall = { width: v.width - 16, height: 520 };
      for (let top = 10; top < v.height - 40; top += 37) {
        const anchor = { top, left: 20, width: v.width - 60, height: 44 };
        const p = placeClear(anchor, tall, v, 'below');
        const b = boxOf(p, tall);
        expect(overlaps(b, anchor), `${v.width}x${v.height} claim at ${top}: ${JSON.stringify(p)}`).toBe(false);
        // A box cut below its least useful height may reach past an edge only when the claim leaves no room at all.
        if ((p.maxHeight ?? tall.height) > 96) expect(inside(b, v)).toBe(true);
      }
    }
  });
});
