// The contract mode: one {"id","text"} object a line in, one {"id","claims"}
// (or {"id","error"}) line out per input line, in input order. Lines are read
// and answered one at a time, so input of any size streams through.
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import type { Claim, Sensitivity } from '../lib/contract';
import type { LineWriter } from './output';

export type FindClaims = (text: string, options: { sensitivity: Sensitivity }) => Claim[];

export type LineOutcome =
  | { ok: true; output: { id: string | number; claims: Claim[] } }
  | { ok: false; output: { id: string | number | null; error: string } };

/**
 * Answers one input line. A blank line is a bad line too (error "blank line"),
 * so that the output keeps exactly one line per input line.
 */
export function scanLine(line: string, sensitivity: Sensitivity, findClaims: FindClaims): LineOutcome {
  const fail = (id: string | number | null, error: string): LineOutcome => ({ ok: false, output: { id, error } });
  if (line.trim() === '') return fail(null, 'blank line');
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return fail(null, `not JSON: ${(error as Error).message}`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return fail(null, 'not a JSON object: expected {"id": "...", "text": "..."}');
  }
  const { id, text } = record as { id?: unknown; text?: unknown };
  const validId = typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
  if (validId === null) return fail(null, id === undefined ? 'no "id"' : '"id" is not a string');
  if (text === undefined) return fail(validId, 'no "text"');
  if (typeof text !== 'string') return fail(validId, '"text" is not a string');
  try {
    return { ok: true, output: { id: validId, claims: findClaims(text, { sensitivity }) } };
  } catch (error) {
    return fail(validId, `engine failed on this text: ${(error as Error).message}`);
  }
}

export interface JsonlSummary {
  lines: number;
  bad: number;
}

export async function scanJsonlStream(
  input: Readable,
  out: LineWriter,
  options: { sensitivity: Sensitivity; findClaims: FindClaims; warn: (message: string) => void },
): Promise<JsonlSummary> {
  const summary: JsonlSummary = { lines: 0, bad: 0 };
  for await (const line of readLines(input)) {
    if (out.closed) break;
    summary.lines++;
    const outcome = scanLine(line, options.sensitivity, options.findClaims);
    if (!outcome.ok) {
      summary.bad++;
      const id = outcome.output.id === null ? '' : ` (id ${JSON.stringify(outcome.output.id)})`;
      options.warn(`line ${summary.lines}${id}: ${outcome.output.error}`);
    }
    await out.write(JSON.stringify(outcome.output));
  }
  return summary;
}

/**
 * The lines of a stream, pulled chunk by chunk (so a slow consumer holds the
 * reader back instead of buffering the whole input). "\n" or "\r\n" end a
 * line; a final line without a newline still counts, an empty tail does not.
 */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let newline = pending.indexOf('\n');
    let from = 0;
    while (newline !== -1) {
      yield stripCarriageReturn(pending.slice(from, newline));
      from = newline + 1;
      newline = pending.indexOf('\n', from);
    }
    pending = pending.slice(from);
  }
  pending += decoder.end();
  if (pending !== '') yield stripCarriageReturn(pending);
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
