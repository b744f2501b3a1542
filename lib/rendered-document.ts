// The engine's document for a page's rendered text (its `innerText`), read
// before any walk over the page's nodes: every rendered line is a block, the
// lines that match a heading of the page are headings, and the same window as
// the careful reading's (lib/document-window.ts) picks the candidate lines
// with the lines before them and the headings above them. Pure (no DOM): the
// page gate sends it to ask whether the page holds a claim at all, and only
// a yes pays for the careful reading that places claims in the page.
import type { DocumentBlock, DocumentInput } from './contract';
import { splitLongBlocks, windowIndexes } from './document-window';
import { normalizeSpace } from './dom/ranges';

/** Rendered lines end at block boundaries and <br> ("\n") and between table cells ("\t"). */
const LINE_END = /[\n\t]/;
const NON_SPACE = /\S/;

export interface RenderedPage {
  /** The body's rendered text. */
  text: string;
  /** Where its candidate lines start (lines with a quantity and a topic word: lib/dom/candidates.ts). */
  candidates: readonly { start: number }[];
  /** The page's headings, their text with runs of space made one, and their level (1-6). */
  headings: ReadonlyMap<string, number>;
  title?: string;
}

/**
 * The window of the rendered lines that the engine is asked about (no blocks: no candidate line).
 * Only the lines it keeps have their space collapsed; the others are looked at once, as headings.
 * The page's date is left out: it dates claims, it does not find them.
 */
export function renderedDocument(page: RenderedPage): DocumentInput {
  const starts = new Set(page.candidates.map((c) => c.start));
  let longestHeading = 0;
  for (const text of page.headings.keys()) longestHeading = Math.max(longestHeading, text.length);
  const blocks: DocumentBlock[] = [];
  const candidates = new Set<DocumentBlock>();
  let offset = 0;
  for (const line of page.text.split(LINE_END)) {
    const at = offset;
    offset += line.length + 1;
    if (!NON_SPACE.test(line)) continue;
    // A heading's line is hardly longer than its text; spaces a page indents it with aside.
    const level = line.length <= 2 * longestHeading + 8 ? page.headings.get(normalizeSpace(line)) : undefined;
    const block: DocumentBlock = level === undefined ? { text: line, kind: 'paragraph' } : { text: line, kind: 'heading', level };
    blocks.push(block);
    if (starts.has(at)) candidates.add(block);
  }
  const chosen = windowIndexes(blocks, (b) => candidates.has(b)).map((i) => ({ ...blocks[i]!, text: normalizeSpace(blocks[i]!.text) }));
  const input: DocumentInput = { blocks: splitLongBlocks(chosen).blocks };
  if (page.title) input.title = page.title;
  return input;
}
