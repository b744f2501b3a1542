// The labelled data as units of one page each (a sentence, or a passage with
// every claim labelled), their folds (by a hash of the URL: one page never sits
// on both sides of a split) and, for fitting, every candidate number with its
// label.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { MetricId, PredicateId } from '../lib/contract';
import { MetricId as MetricIdSchema, PredicateId as PredicateIdSchema } from '../lib/contract';
import type { Candidate } from '../lib/engine/candidates';
import { documentCandidates } from '../lib/engine/document';
import { blocksOfText } from '../lib/engine/reading';
import type { FittedFile } from '../rules/model-schema';
import { htmlToPassages } from '../lib/html/passages';
import { LabelledLine } from './eval-score';

export const LabelledPassage = z.object({
  id: z.string(),
  url: z.string(),
  text: z.string(),
  claims: z.array(
    z.object({ value: z.string(), occurrence: z.number().int().positive(), predicate: PredicateIdSchema, metric: MetricIdSchema, note: z.string().optional() }),
  ),
});
export type LabelledPassage = z.infer<typeof LabelledPassage>;

export interface Label {
  start: number;
  end: number;
  metric: MetricId;
  predicate: PredicateId;
}

export interface Unit {
  id: string;
  kind: 'sentence' | 'passage';
  url: string;
  fold: number;
  text: string;
  /** Sentences: whether the line holds a claim; its main claim is labels[0] (others may be unlabelled). */
  isClaim: boolean;
  labels: Label[];
  /** The file it came from. */
  source: string;
  /** A news page known to hold no claim (scored apart: its claims are all false). */
  claimFree?: boolean;
}

export const FOLDS = 5;

/** The fold of a page: the first four bytes of the URL's SHA-256, modulo the fold count. */
export function foldOf(url: string, folds = FOLDS): number {
  return createHash('sha256').update(url).digest().readUInt32BE(0) % folds;
}

/** Start offsets of every match of `value` in `text`, overlapping ones included. */
function occurrences(text: string, value: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) out.push(at);
  return out;
}

export interface LoadedFile {
  file: FittedFile;
  units: Unit[];
}

/** Reads a labelled file: sentences (`is_claim`) or passages (`claims`), told apart line by line. */
export function loadLabelled(path: string): LoadedFile {
  const raw = readFileSync(path);
  const units: Unit[] = [];
  raw.toString('utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const json = JSON.parse(line) as Record<string, unknown>;
    const where = `${path}:${i + 1}`;
    if (Array.isArray(json.claims)) {
      const p = LabelledPassage.parse(json);
      const labels = p.claims.map((c) => {
        const at = occurrences(p.text, c.value)[c.occurrence - 1];
        if (at === undefined) throw new Error(`${where}: "${c.value}" has no occurrence ${c.occurrence}`);
        return { start: at, end: at + c.value.length, metric: c.metric, predicate: c.predicate };
      });
      units.push({ id: p.id, kind: 'passage', url: p.url, fold: foldOf(p.url), text: p.text, isClaim: labels.length > 0, labels, source: basename(path) });
      return;
    }
    const s = LabelledLine.parse(json);
    const url = s.url ?? s.id;
    const labels: Label[] = [];
    if (s.is_claim && s.value) {
      const at = s.text.indexOf(s.value);
      const metric = MetricIdSchema.safeParse(s.metric);
      const predicate = PredicateIdSchema.safeParse(s.predicate);
      if (at < 0 || !metric.success || !predicate.success) throw new Error(`${where}: value, metric or predicate does not fit the contract`);
      labels.push({ start: at, end: at + s.value.length, metric: metric.data, predicate: predicate.data });
    }
    units.push({ id: s.id, kind: 'sentence', url, fold: foldOf(url), text: s.text, isClaim: s.is_claim, labels, source: basename(path) });
  });
  return {
    file: { path: basename(path), sha256: createHash('sha256').update(raw).digest('hex'), records: units.length },
    units,
  };
}

/**
 * Real news pages known to hold no claim (shared/fixtures/pages): every number on them is a
 * labelled non-claim. One unit a page, its visible blocks one a line, as the scanner reads them.
 */
export function loadClaimFreePages(dir: string): LoadedFile {
  const files = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  const hash = createHash('sha256');
  const units: Unit[] = files.map((f) => {
    const raw = readFileSync(join(dir, f));
    hash.update(f).update('\0').update(createHash('sha256').update(raw).digest());
    const { passages } = htmlToPassages(raw.toString('utf8'));
    const url = `fixture:${f}`;
    return { id: f, kind: 'passage', url, fold: foldOf(url), text: passages.join('\n'), isClaim: false, labels: [], source: basename(dir), claimFree: true };
  });
  return { file: { path: 'fixtures/pages', sha256: hash.digest('hex'), records: units.length }, units };
}

export interface LabelledCandidate {
  unit: number;
  candidate: Candidate;
  /** Offsets into the unit's text. */
  start: number;
  end: number;
  /** 1 a claim, 0 not, null unknown (another number of a sentence whose main claim is elsewhere). */
  claim: 0 | 1 | null;
  /** The label it overlaps (metric and predicate), where it is a claim. */
  label: number | null;
}

/** Every candidate of every unit, read exactly as findClaims reads the text, with its label. */
export function labelCandidates(units: readonly Unit[]): LabelledCandidate[] {
  const out: LabelledCandidate[] = [];
  units.forEach((u, ui) => {
    const { doc, starts } = blocksOfText(u.text);
    for (const c of documentCandidates(doc)) {
      const start = c.start + starts[c.block]!;
      const end = c.end + starts[c.block]!;
      const label = u.labels.findIndex((l) => l.start < end && start < l.end);
      let claim: 0 | 1 | null;
      if (label >= 0) claim = 1;
      else if (u.kind === 'sentence' && u.isClaim) claim = null;
      else claim = 0;
      out.push({ unit: ui, candidate: c, start, end, claim, label: label >= 0 ? label : null });
    }
  });
  return out;
}
