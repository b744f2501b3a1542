import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CONTRAST_LINE } from '../../lib/dom/highlight';

type Rgb = [number, number, number];

const parse = (css: string): Rgb => {
  const hex = css.match(/^#([0-9a-f]{6})$/i);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16)) as Rgb;
  const rgb = css.match(/rgb\((\d+),\s*(\d+),\s*(\d+)\)/);
  if (!rgb) throw new Error(`not a colour: ${css}`);
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
};

/** WCAG 2.1 relative luminance and contrast ratio. */
const luminance = ([r, g, b]: Rgb) => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const css = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('highlight contrast (WCAG 1.4.11, 3:1 for a mark that carries meaning)', () => {
  const pages = { white: '#ffffff', 'light grey': '#f6f6f3', 'near-black': '#121417', 'dark grey': '#202329' };

  test('the high-contrast line keeps 3:1 on light and on dark pages', () => {
    for (const [name, page] of Object.entries(pages)) {
      expect(contrast(parse(CONTRAST_LINE), parse(page)), name).toBeGreaterThanOrEqual(3);
    }
  });

  test('the default soft background does not, which is why the options page says which style does', () => {
    // rgba(255, 193, 7, 0.3) over white.
    const over = (c: number, a: number) => Math.round(c * a + 255 * (1 - a));
    const soft: Rgb = [over(255, 0.3), over(193, 0.3), over(7, 0.3)];
    expect(contrast(soft, parse('#ffffff'))).toBeLessThan(1.3);
  });

  test('the page stylesheet, the fallback marks and the options preview use that same colour', () => {
    const page = css('entrypoints/highlights.content.css');
    const rule = page.slice(page.indexOf('::highlight(metric-lens-contrast)'));
    expect(parse(rule.match(/text-decoration-color:\s*([^;]+);/)![1]!)).toEqual(parse(CONTRAST_LINE));
    const theme = css('components/ui/theme.css');
    expect(parse(theme.match(/--contrast-line:\s*([^;]+);/)![1]!)).toEqual(parse(CONTRAST_LINE));
    const focus = page.slice(page.indexOf('mark.metric-lens-sr-mark:focus'));
    expect(parse(focus.match(/outline:\s*3px solid ([^;]+);/)![1]!)).toEqual(parse(CONTRAST_LINE));
  });
});
