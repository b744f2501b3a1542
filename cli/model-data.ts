// Where the labelled data sits and how the fitted model file is written.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadClaimFreePages, loadLabelled, type LoadedFile } from './eval-data';

export const REPO = resolve(import.meta.dirname, '..');
/** The labelled development data, beside the project (override with EVAL_DIR). */
export const EVAL_DIR = process.env.EVAL_DIR ?? resolve(REPO, '../shared/eval');
export const EVAL_FILES = ['dev.jsonl', 'dev2.jsonl', 'docs-dev.jsonl'];
/** Real news pages with no claim, read as labelled non-claims (override with FIXTURES_DIR). */
export const FIXTURES_DIR = process.env.FIXTURES_DIR ?? resolve(REPO, '../shared/fixtures/pages');
export const MODEL_PATH = resolve(REPO, 'rules/model.json');
export const PATTERNS_PATH = resolve(REPO, 'rules/patterns.json');

export function evalDataPresent(dir = EVAL_DIR): boolean {
  return EVAL_FILES.every((f) => existsSync(resolve(dir, f))) && existsSync(FIXTURES_DIR);
}

/** Everything the model is fitted and scored on: the labelled files and the claim-free pages. */
export function loadTrainingData(dir = EVAL_DIR): LoadedFile[] {
  return [...EVAL_FILES.map((f) => loadLabelled(resolve(dir, f))), loadClaimFreePages(FIXTURES_DIR)];
}

export const CLAIM_FREE_SOURCE = 'pages';

export function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * The model as JSON with one weight row a line: readable diffs, stable bytes
 * (keys in the order they were built, which is sorted).
 */
export function serialiseModel(model: Record<string, unknown>): string {
  const lines: string[] = ['{'];
  const entries = Object.entries(model);
  entries.forEach(([key, value], i) => {
    const comma = i + 1 < entries.length ? ',' : '';
    if (key === 'claim' && value && typeof value === 'object') {
      lines.push(`  "claim": {`);
      const rows = Object.entries(value as Record<string, number>);
      rows.forEach(([f, w], j) => lines.push(`    ${JSON.stringify(f)}: ${JSON.stringify(w)}${j + 1 < rows.length ? ',' : ''}`));
      lines.push(`  }${comma}`);
    } else if ((key === 'metric' || key === 'predicate') && value && typeof value === 'object') {
      const { classes, weights } = value as { classes: string[]; weights: Record<string, number[]> };
      lines.push(`  ${JSON.stringify(key)}: {`, `    "classes": ${JSON.stringify(classes)},`, `    "weights": {`);
      const rows = Object.entries(weights);
      rows.forEach(([f, w], j) => lines.push(`      ${JSON.stringify(f)}: ${JSON.stringify(w)}${j + 1 < rows.length ? ',' : ''}`));
      lines.push(`    }`, `  }${comma}`);
    } else {
      const text = JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
      lines.push(`  ${JSON.stringify(key)}: ${text}${comma}`);
    }
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}
