// An HTML file to what a reader sees, for hosts without a browser (the
// scanner, the benchmarks). linkedom parses; the content script's own text
// index (lib/dom/text-index) decides what is visible and where blocks end, and
// its block kinds and page date are read by the same code as in a page, so
// the CLI and the extension read a page the same way.
import { DOMParser } from 'linkedom';
import type { DocumentBlock } from '../contract';
import { passageBlocks } from '../dom/page-blocks';
import { readPageDate } from '../dom/page-date';
import { collectPassages } from '../dom/text-index';
import { hiddenByStylesheets } from './hidden-rules';

export interface HtmlPassages {
  title: string | null;
  /** One per block of visible text, in document order, white space collapsed. */
  passages: string[];
}

export interface HtmlDocument extends HtmlPassages {
  /** The page's own publication date (YYYY-MM-DD), or null. */
  date: string | null;
  /** The passages as the engine's blocks, with their kinds (over-long passages in pieces). */
  blocks: DocumentBlock[];
  /** For each block: the passage (index into `passages`) and the offset in it where the block starts. */
  places: Array<{ passage: number; start: number }>;
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const titleOf = (document: Document) => (document.title ?? '').replace(/\s+/g, ' ').trim() || null;

export function htmlToPassages(html: string): HtmlPassages {
  const document = parse(html);
  const passages = collectPassages(document, { skip: hiddenByStylesheets(document) }).map((passage) => passage.text);
  return { title: titleOf(document), passages };
}

export function htmlToDocument(html: string): HtmlDocument {
  const document = parse(html);
  const passages = collectPassages(document, { skip: hiddenByStylesheets(document) });
  const indexed = passages.map((passage, index) => ({ text: passage.text, block: passage.block, index }));
  const { blocks, places } = passageBlocks(indexed);
  return {
    title: titleOf(document),
    date: readPageDate(document),
    passages: passages.map((p) => p.text),
    blocks,
    places: places.map((p) => ({ passage: p.passage.index, start: p.start })),
  };
}
