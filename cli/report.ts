// The readable report for people: per document its title or path and claim
// count, then per claim the number as written, the metric, the predicate, the
// confidence, the sentence with the claim marked, the conflation and the
// first caveat. Pure: strings in, strings out.
import type { Claim } from '../lib/contract';
import { splitSentences } from '../lib/engine/sentences';

export interface PassageClaim {
  claim: Claim;
  passage: string;
}

export interface Style {
  mark(text: string): string;
  strong(text: string): string;
  dim(text: string): string;
}

export const PLAIN: Style = {
  mark: (text) => `⟦${text}⟧`,
  strong: (text) => text,
  dim: (text) => text,
};

export const ANSI: Style = {
  mark: (text) => `\x1b[1;4;33m${text}\x1b[0m`,
  strong: (text) => `\x1b[1m${text}\x1b[0m`,
  dim: (text) => `\x1b[2m${text}\x1b[0m`,
};

const MAX_CONTEXT = 160; // characters of sentence shown on each side of a claim

/** The sentence around a claim, with the claim marked; long sentences are cut around it. */
export function markedSentence(passage: string, claim: Claim, style: Style): string {
  const sentence =
    splitSentences(passage).find((span) => span.start <= claim.start && claim.start < span.end) ??
    { start: claim.start, end: claim.end };
  const from = Math.min(sentence.start, claim.start);
  const to = Math.max(sentence.end, claim.end);
  let before = passage.slice(from, claim.start);
  let after = passage.slice(claim.end, to);
  if (before.length > MAX_CONTEXT) before = '…' + before.slice(-MAX_CONTEXT).replace(/^\S*\s/, '');
  if (after.length > MAX_CONTEXT) after = after.slice(0, MAX_CONTEXT).replace(/\s\S*$/, '') + '…';
  return oneLine(before) + style.mark(oneLine(passage.slice(claim.start, claim.end))) + oneLine(after);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function formatClaim(item: PassageClaim, index: number, style: Style): string {
  const { claim } = item;
  const lines = [
    `  ${index + 1}. ${style.strong(claim.number.raw)} · ${claim.metricName} (${claim.metric}) · says: ${claim.predicate} · confidence ${claim.confidence.toFixed(2)}`,
    `     ${markedSentence(item.passage, claim, style)}`,
  ];
  if (claim.conflation) {
    lines.push(`     Conflation: the sentence says "${claim.conflation.says}"; the metric counts ${lowerFirst(claim.conflation.counts)}`);
  }
  if (claim.caveats[0]) lines.push(`     Caveat: ${claim.caveats[0]}`);
  return lines.join('\n');
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

export function formatDocument(
  doc: { file: string; title: string | null },
  claims: readonly PassageClaim[],
  style: Style,
): string {
  const count = claims.length === 1 ? '1 claim' : `${claims.length} claims`;
  const heading = doc.title ? `${style.strong(doc.title)} ${style.dim(`(${doc.file})`)}` : style.strong(doc.file);
  const head = `${heading} — ${claims.length === 0 ? style.dim('no claims') : count}`;
  return [head, ...claims.map((item, i) => formatClaim(item, i, style))].join('\n');
}

export function formatSummary(stats: { documents: number; claims: number; withClaims: number; errors: number }): string {
  const parts = [
    `${stats.documents} document${stats.documents === 1 ? '' : 's'}`,
    `${stats.claims} claim${stats.claims === 1 ? '' : 's'} (in ${stats.withClaims} document${stats.withClaims === 1 ? '' : 's'})`,
  ];
  if (stats.errors) parts.push(`${stats.errors} not scanned`);
  return parts.join(', ');
}
