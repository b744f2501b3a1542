// An HTML file to the passages a reader sees, for hosts without a browser (the
// scanner, the benchmarks). linkedom parses; the content script's own text
// index (lib/dom/text-index) decides what is visible and where blocks end, so
// the CLI and the extension read a page the same way.
import { DOMParser } from 'linkedom';
import { collectPassages } from '../dom/text-index';
import { hiddenByStylesheets } from './hidden-rules';

export interface HtmlPassages {
  title: string | null;
  /** One per block of visible text, in document order, white space collapsed. */
  passages: string[];
}

export function htmlToPassages(html: string): HtmlPassages {
  const document = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const title = (document.title ?? '').replace(/\s+/g, ' ').trim() || null;
  const passages = collectPassages(document, { skip: hiddenByStylesheets(document) }).map((passage) => passage.text);
  return { title, passages };
}
