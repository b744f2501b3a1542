// Which blocks of a page go to the engine, and how its answers come back: the
// blocks that may hold a claim, each with the blocks just before it and the
// headings above it, so that a source named a paragraph earlier is still
// seen. Pure (no DOM): the scanner, on a whole HTML file, and the page gate,
// on the part of a live page it indexed, choose with this same code, so both
// give the engine the same context.
import type { Claim, DocumentBlock, DocumentInput } from './contract';
import { mayHoldClaim } from './engine/prefilter';
import { MAX_PIECE_CHARS, pieceBounds } from './dom/passage-pieces';

/** Blocks read before each candidate block, as its context. */
export const CONTEXT_BLOCKS_BEFORE = 2;
/** ...as long as their text stays within this many characters (a source is named close by). */
export const CONTEXT_CHARS_BEFORE = 2_000;

/** A block cut out of a longer one: where in the source block (its index) its text starts. */
export interface BlockOrigin {
  block: number;
  start: number;
}

/**
 * Blocks longer than `max` characters split at sentence ends into pieces of
 * the same kind (a message carries no text of megabytes in one block); each
 * piece remembers where it came from.
 */
export function splitLongBlocks(
  blocks: readonly DocumentBlock[],
  max: number = MAX_PIECE_CHARS,
): { blocks: DocumentBlock[]; origins: BlockOrigin[] } {
  const out: DocumentBlock[] = [];
  const origins: BlockOrigin[] = [];
  blocks.forEach((block, index) => {
    if (block.text.length <= max) {
      out.push(block);
      origins.push({ block: index, start: 0 });
      return;
    }
    for (const { start, end } of pieceBounds(block.text, max)) {
      out.push({ ...block, text: block.text.slice(start, end) });
      origins.push({ block: index, start });
    }
  });
  return { blocks: out, origins };
}

const isHeading = (block: DocumentBlock) => block.kind === 'heading';

/**
 * The indexes (ascending) of the blocks to read: every candidate block, the
 * `before` blocks preceding it (while their text stays within `chars`), and
 * the headings it stands under (the nearest heading of each level above it,
 * as an outline reads).
 */
export function windowIndexes(
  blocks: readonly DocumentBlock[],
  isCandidate: (block: DocumentBlock) => boolean = (block) => mayHoldClaim(block.text),
  before: number = CONTEXT_BLOCKS_BEFORE,
  chars: number = CONTEXT_CHARS_BEFORE,
): number[] {
  const chosen = new Set<number>();
  // The open headings by level (index 1-6): a heading closes those below it.
  const outline: Array<number | undefined> = [];
  blocks.forEach((block, i) => {
    if (isCandidate(block)) {
      chosen.add(i);
      let length = 0;
      for (let j = i - 1; j >= 0 && j >= i - before; j--) {
        length += blocks[j]!.text.length;
        if (length > chars) break;
        chosen.add(j);
      }
      for (const heading of outline) if (heading !== undefined) chosen.add(heading);
    }
    if (isHeading(block)) {
      const level = block.level ?? 1;
      outline[level] = i;
      outline.length = level + 1;
    }
  });
  return [...chosen].sort((a, b) => a - b);
}

/** The engine's document for a page's blocks, and where each of its blocks came from. */
export interface DocumentWindow {
  input: DocumentInput;
  /** For each block of `input`, its index in the blocks it was chosen from. */
  sources: number[];
}

export function windowDocument(
  page: { title?: string; date?: string; blocks: readonly DocumentBlock[] },
  isCandidate?: (block: DocumentBlock) => boolean,
): DocumentWindow {
  const sources = windowIndexes(page.blocks, isCandidate);
  const input: DocumentInput = { blocks: sources.map((i) => page.blocks[i]!) };
  if (page.title) input.title = page.title;
  if (page.date) input.date = page.date;
  return { input, sources };
}

/** A claim of a window block, as an offset into the source block it came from. */
export interface PlacedClaim {
  /** Index into the blocks the window was chosen from. */
  block: number;
  claim: Claim;
}

/** The engine's answer (one array per window block) back onto the source blocks. */
export function placeClaims(window: DocumentWindow, perBlock: readonly (readonly Claim[])[]): PlacedClaim[] {
  const out: PlacedClaim[] = [];
  window.sources.forEach((source, i) => {
    for (const claim of perBlock[i] ?? []) out.push({ block: source, claim });
  });
  return out;
}
