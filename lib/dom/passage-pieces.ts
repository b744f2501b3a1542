// Splitting an over-long passage (a page with megabytes in one text node) into
// pieces the `analyze` message accepts. Each piece is a span of the passage's
// text, so a claim found in a piece maps back by adding the piece's start.

/** Longest piece sent to the engine: well under the message's limit per passage. */
export const MAX_PIECE_CHARS = 100_000;

export interface PieceBounds {
  /** Passage offsets [start, end). */
  start: number;
  end: number;
}

const TERMINAL = '.!?…';
const CLOSERS = '"\'”’)]';

/** Does a sentence end just before offset `i` (a space)? */
function endsSentence(text: string, i: number): boolean {
  const before = text[i - 1] ?? '';
  if (TERMINAL.includes(before)) return true;
  return CLOSERS.includes(before) && TERMINAL.includes(text[i - 2] ?? '');
}

/**
 * Where to end a piece that starts at `from` and may not reach past `limit`:
 * after the last sentence end in the second half of the window, else after its
 * last space, else at `limit` itself (never between the halves of a surrogate pair).
 */
function cutPoint(text: string, from: number, limit: number): number {
  const floor = from + Math.floor((limit - from) / 2);
  let lastSpace = -1;
  for (let i = text.lastIndexOf(' ', limit - 1); i > floor; i = text.lastIndexOf(' ', i - 1)) {
    if (lastSpace < 0) lastSpace = i;
    if (endsSentence(text, i)) return i + 1;
  }
  if (lastSpace > 0) return lastSpace + 1;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * The pieces of `text`, in order, covering it without gaps or overlaps, each
 * at most `max` characters. A text that fits is one piece. A generator, so a
 * caller on a live page can pause between pieces.
 */
export function* pieceBounds(text: string, max: number = MAX_PIECE_CHARS): Generator<PieceBounds> {
  if (!(max >= 2)) throw new RangeError(`piece size must be at least 2, got ${max}`);
  let start = 0;
  while (text.length - start > max) {
    const end = cutPoint(text, start, start + max);
    yield { start, end };
    start = end;
  }
  if (start < text.length || text.length === 0) yield { start, end: text.length };
}
