// A page read as a document: its blocks cut into sentences, each sentence
// knowing its block, the heading above it and its neighbours, so that the
// evidence for a number can come from the paragraph, the heading or the page.
import type { DocumentInput } from '../contract';
import type { CompiledRules } from './compile';
import { TOPIC_HINT } from './prefilter';
import { scanSentence, type SentenceHits } from './scan';
import { splitSentences } from './sentences';

export interface DocSentence {
  block: number;
  /** Offsets into the block's text. */
  start: number;
  end: number;
  text: string;
  /** Index of this sentence within its block. */
  inBlock: number;
  hasTopic: boolean;
}

export interface DocReading {
  doc: DocumentInput;
  sentences: DocSentence[];
  /** First sentence index of each block (sentences.length where a block has none). */
  blockFirst: number[];
  /** The heading block each block sits under, or -1. */
  headingOf: number[];
  /** A list item's introducing block (the block before the list that ends in ":"), or -1. */
  introOf: number[];
  hitsAt(i: number): SentenceHits;
  /** Hits of a title or heading text, scanned once. */
  hitsOfText(key: string, text: string): SentenceHits;
}

export function readDocument(doc: DocumentInput, rules: CompiledRules): DocReading {
  const sentences: DocSentence[] = [];
  const blockFirst: number[] = [];
  const headingOf: number[] = [];
  const introOf: number[] = [];
  let heading = -1;
  doc.blocks.forEach((block, b) => {
    blockFirst.push(sentences.length);
    headingOf.push(heading);
    if (block.kind === 'heading') heading = b;
    let intro = -1;
    if (block.kind === 'list-item') {
      let k = b - 1;
      while (k >= 0 && doc.blocks[k]!.kind === 'list-item') k--;
      if (k >= 0 && /:\s*$/.test(doc.blocks[k]!.text)) intro = k;
    }
    introOf.push(intro);
    splitSentences(block.text).forEach((span, inBlock) => {
      const text = block.text.slice(span.start, span.end);
      sentences.push({ block: b, start: span.start, end: span.end, text, inBlock, hasTopic: TOPIC_HINT.test(text) });
    });
  });
  const cache = new Map<number, SentenceHits>();
  const textCache = new Map<string, SentenceHits>();
  return {
    doc,
    sentences,
    blockFirst,
    headingOf,
    introOf,
    hitsAt(i) {
      let h = cache.get(i);
      if (!h) cache.set(i, (h = scanSentence(rules, sentences[i]!.text)));
      return h;
    },
    hitsOfText(key, text) {
      let h = textCache.get(key);
      if (!h) textCache.set(key, (h = scanSentence(rules, text)));
      return h;
    },
  };
}

/** Plain text as the scanner reads it: one block a line, short lines without a full stop as headings. */
export function blocksOfText(text: string): { doc: DocumentInput; starts: number[] } {
  const blocks: DocumentInput['blocks'] = [];
  const starts: number[] = [];
  const LINE = /[^\n]+/g;
  for (let m = LINE.exec(text); m; m = LINE.exec(text)) {
    const line = m[0];
    if (!line.trim()) continue;
    starts.push(m.index);
    const heading = line.length < 160 && !/[.!?:;"”)]\s*$/.test(line.trim()) && /\s/.test(line.trim());
    blocks.push({ text: line, kind: heading && text.length > line.length + 1 ? 'heading' : 'paragraph' });
  }
  return { doc: { blocks }, starts };
}
