// The people mode: documents (HTML, plain text) in, a readable report or one
// JSON line per document out. The engine runs passage by passage (a paragraph
// at a time), never on a whole document at once.
import type { Claim, Sensitivity } from '../lib/contract';
import { describeFsError, readDocument, type Input, type InputError, type ScannedDocument } from './documents';
import type { FindClaims } from './jsonl';
import type { LineWriter } from './output';
import type { Progress } from './progress';
import { formatDocument, formatSummary, type PassageClaim, type Style } from './report';

/** A claim in document mode: offsets are into `passageText`, the `passage`-th passage of the document. */
export type DocumentClaim = Claim & { passage: number; passageText: string };

export interface DocumentScanOptions {
  sensitivity: Sensitivity;
  findClaims: FindClaims;
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
  const claims: PassageClaim[] = [];
  try {
    doc.passages.forEach((passage, passageIndex) => {
      for (const claim of options.findClaims(passage, { sensitivity: options.sensitivity })) {
        const located: DocumentClaim = { ...claim, passage: passageIndex, passageText: passage };
        claims.push({ claim: located, passage });
      }
    });
  } catch (error) {
    return { error: `engine failed: ${(error as Error).message}` };
  }
  return { doc, claims };
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
