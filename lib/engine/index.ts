// Public face of the claims engine: text in, Claims out. Pure: no DOM, no
// storage, no browser APIs, so the CLI, the tests and the background share it.
// Plain text is read as a document (document.ts), one block a line.
import type { Claim } from '../contract';
import { findClaimsInDocument, type EngineOptions } from './document';
import { mayHoldClaim } from './prefilter';
import { blocksOfText } from './reading';

export type { EngineOptions } from './document';
export { findClaimsInDocument } from './document';

/** Finds the claims in `text` (one or more sentences; a whole passage is best, for context). */
export function findClaims(text: string, options: EngineOptions = {}): Claim[] {
  if (!mayHoldClaim(text)) return [];
  const { doc, starts } = blocksOfText(text);
  return findClaimsInDocument(doc, options).flatMap((claims, b) =>
    // A block at the start of the text already has the text's offsets (fresh claims, not shared).
    starts[b] === 0 ? claims : claims.map((c) => ({
      ...c,
      start: c.start + starts[b]!,
      end: c.end + starts[b]!,
      reasons: c.reasons?.map((r) => ({ ...r, start: r.start + starts[b]!, end: r.end + starts[b]! })),
      ...(c.period ? { period: { ...c.period, start: c.period.start + starts[b]!, end: c.period.end + starts[b]! } } : {}),
      ...(c.sentence ? { sentence: { ...c.sentence, start: c.sentence.start + starts[b]! } } : {}),
    })),
  );
}
