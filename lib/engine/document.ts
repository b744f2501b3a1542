// A page read as a document: blocks in reading order (headings, paragraphs,
// list items) in, one array of Claims per block out, offsets into each block's
// own text. The scanner and the content script both go through here, so a
// passage gives the same claims in a page as in the scanner.
import type { Claim, DocumentInput } from '../contract';
import { findClaims, type EngineOptions } from './index';

/** Between blocks: a paragraph break, so that sentences never run across blocks. */
const BLOCK_SEPARATOR = '\n\n';

/** Finds the claims of every block, reading each with the blocks around it as context. */
export function findClaimsInDocument(doc: DocumentInput, options: EngineOptions = {}): Claim[][] {
  const starts: number[] = [];
  let joined = '';
  for (const block of doc.blocks) {
    if (joined) joined += BLOCK_SEPARATOR;
    starts.push(joined.length);
    joined += block.text;
  }
  const perBlock: Claim[][] = doc.blocks.map(() => []);
  let b = 0;
  for (const claim of findClaims(joined, doc.date && !options.pageDate ? { ...options, pageDate: doc.date } : options)) {
    while (b + 1 < starts.length && starts[b + 1]! <= claim.start) b++;
    const offset = starts[b]!;
    const end = offset + doc.blocks[b]!.text.length;
    if (claim.end > end) continue; // never across a block boundary
    perBlock[b]!.push(shift(claim, -offset));
  }
  return perBlock;
}

function shift(claim: Claim, by: number): Claim {
  return {
    ...claim,
    start: claim.start + by,
    end: claim.end + by,
    reasons: claim.reasons?.map((r) => ({ ...r, start: r.start + by, end: r.end + by })),
    ...(claim.period ? { period: { ...claim.period, start: claim.period.start + by, end: claim.period.end + by } } : {}),
    ...(claim.sentence ? { sentence: { ...claim.sentence, start: claim.sentence.start + by } } : {}),
  };
}
