// The people mode: documents (HTML, plain text) in, a readable report or one
// JSON line per document out. Each document goes to the engine as the content
// script sends a page: its candidate blocks with the blocks before them and
// their headings (lib/document-window.ts), read with findClaimsInDocument.
import type { Claim, DocumentInput, Sensitivity } from '../lib/contract';
import { placeClaims, windowDocument } from '../lib/document-window';
import { describeFsError, readDocument, type Input, type InputError, type ScannedDocument } from './documents';
import type { LineWriter } from './output';
import type { Progress } from './progress';
import { formatDocument, formatSummary, type PassageClaim, type Style } from './report';

/** A claim in document mode: offsets are into `passageText`, the `passage`-th passage of the document. */
export type DocumentClaim = Claim & { passage: number; passageText: string };

export type FindClaimsInDocument = (doc: DocumentInput, options: { sensitivity: Sensitivity }) => Claim[][];

export interface DocumentScanOptions {
  sensitivity: Sensitivity;
  findClaimsInDocument: FindClaimsInDocument;
  /** Read every document as published on this day (YYYY-MM-DD), instead of the date it names. */
  date?: string;
  format: 'report' | 'json';
  style: Style;
  progress: Progress;
  warn: (message: string) => void;
}

export interface DocumentScanSummary {
  documents: number;
  claims: number;
  withClaims: number;
  errors: number;
}


async function scanOne(
  input: Input | InputError,
  options: DocumentScanOptions,
): Promise<{ doc: ScannedDocument; claims: PassageClaim[] } | { error: string }> {
  if ('error' in input) return { error: `cannot read: ${input.error}` };
  let doc: ScannedDocument;
  try {
    doc = await readDocument(input);
  } catch (error) {
    return { error: `cannot read: ${describeFsError(error)}` };
  }
  let claims: PassageClaim[];
  try {
    claims = documentClaims(doc, options).map((claim) => ({ claim, passage: claim.passageText }));
  } catch (error) {
    return { error: `engine failed: ${(error as Error).message}` };
  }
  return { doc, claims };
}

/**
 * The claims of a read document, as the content script finds them in a page:
 * the window of candidate blocks and their context, one findClaimsInDocument
 * call, each claim mapped back to its passage. In passage order.
 */
export function documentClaims(
  doc: ScannedDocument,
  options: Pick<DocumentScanOptions, 'findClaimsInDocument' | 'sensitivity' | 'date'>,
): DocumentClaim[] {
  const date = options.date ?? doc.date ?? undefined;
  const window = windowDocument({ title: doc.title ?? undefined, date, blocks: doc.blocks });
  if (window.input.blocks.length === 0) return [];
  const perBlock = options.findClaimsInDocument(window.input, { sensitivity: options.sensitivity });
  return placeClaims(window, perBlock).map(({ block, claim }) => {
    const { passage, start } = doc.places[block]!;
    return { ...shift(claim, start), passage, passageText: doc.passages[passage]! };
  });
}

/** A claim found in a piece of a passage, as offsets into the whole passage. */
function shift(claim: Claim, by: number): Claim {
  if (by === 0) return claim;
  return {
    ...claim,
    start: claim.start + by,
    end: claim.end + by,
    reasons: claim.reasons?.map((r) => ({ ...r, start: r.start + by, end: r.end + by })),
  };
}

export async function scanDocuments(
  inputs: ReadonlyArray<Input | InputError>,
  out: LineWriter,
  options: DocumentScanOptions,
): Promise<DocumentScanSummary> {
  const summary: DocumentScanSummary = { documents: 0, claims: 0, withClaims: 0, errors: 0 };
  for (const [index, input] of inputs.entries()) {
    if (out.closed) break;
    options.progress.update(index, input.file);
    const outcome = await scanOne(input, options);
    options.progress.clear();
    if ('error' in outcome) {
      summary.errors++;
      options.warn(`${input.file}: ${outcome.error}`);
      if (options.format === 'json') await out.write(JSON.stringify({ file: input.file, error: outcome.error }));
      continue;
    }
    const { doc, claims } = outcome;
    summary.documents++;
    summary.claims += claims.length;
    if (claims.length) summary.withClaims++;
    await out.write(
      options.format === 'json'
        ? JSON.stringify({ file: doc.file, title: doc.title, claims: claims.map((c) => c.claim) })
        : formatDocument(doc, claims, options.style) + '\n',
    );
  }
  options.progress.clear();
  if (options.format === 'report' && !out.closed) await out.write(formatSummary(summary));
  return summary;
}
