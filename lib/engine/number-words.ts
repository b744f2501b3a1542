// Spelled-out compound numbers ("twenty-five thousand", "two hundred and
// fifty", "twenty-seven hundred and sixty"). They are rare in news text; the
// quantity parser asks here only for them, never for digits. Read word by
// word with the usual English grammar: units and tens add up, "hundred"
// multiplies the group so far, a scale word closes the group. Plain code, no
// language library: the background must answer its first request quickly.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const cache = new Map<string, number | null>();

export function parseNumberWords(words: string): number | null {
  const key = words.trim().toLowerCase();
  if (!/^[a-z -]+$/.test(key) || key.length > 80) return null;
  if (cache.has(key)) return cache.get(key)!;
  const value = readNumberWords(key.split(/[\s-]+/).filter(Boolean));
  if (cache.size > 1_000) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * The number the words open with; words after it ("percent", "children") are not part of it.
 * A scale out of order ("a million thousand") is not a number anyone writes: null.
 */
function readNumberWords(list: readonly string[]): number | null {
  let total = 0;
  /** The group before the next scale word: 0 to 999 (or "twelve hundred" style, to 9,999). */
  let group = 0;
  let seen = false;
  /** What the group's last word was, so that "twenty" may take "five" but "five" takes no "six". */
  let last: 'none' | 'unit' | 'tens' | 'hundred' | 'scale' = 'none';
  let lastScale = Infinity;
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!;
    if (w === 'and') {
      if (!seen) return null;
      continue;
    }
    if ((w === 'a' || w === 'an') && !seen) {
      const next = list[i + 1];
      if (next !== 'hundred' && !(next && next in SCALES)) return null;
      group = 1;
      seen = true;
      last = 'unit';
      continue;
    }
    if (w in UNITS) {
      if (last === 'unit' || (last === 'tens' && UNITS[w]! >= 10)) break;
      group += UNITS[w]!;
      last = 'unit';
    } else if (w in TENS) {
      if (last === 'unit' || last === 'tens') break;
      group += TENS[w]!;
      last = 'tens';
    } else if (w === 'hundred') {
      if (last === 'hundred') return null;
      group = (seen && last !== 'scale' ? group : 1) * 100;
      last = 'hundred';
    } else if (w in SCALES) {
      const scale = SCALES[w]!;
      if (scale >= lastScale) return null;
      total += (seen && last !== 'scale' ? group : 1) * scale;
      group = 0;
      lastScale = scale;
      last = 'scale';
    } else break;
    seen = true;
  }
  return seen ? total + group : null;
}
