// The one place that finds the outside data some tests use: the labelled sets
// and the real news pages kept beside the clone in ../shared (eval/*.jsonl,
// fixtures/pages/), or wherever METRIC_LENS_SHARED points. Without them those
// tests are skipped, each with a note the skip reporter (tests/skip-reporter.ts)
// gathers into one line at the end of the run. With REQUIRE_SHARED=1 (CI) a
// missing file fails the run instead: there, every test must run.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED_DIR = process.env.METRIC_LENS_SHARED
  ? resolve(process.env.METRIC_LENS_SHARED)
  : resolve(ROOT, '../shared');

/** The shared data folder, or null when there is none beside the clone. */
export const SHARED: string | null = existsSync(SHARED_DIR) ? SHARED_DIR : null;

/** The path of a file or folder in the shared data (whether or not it is there). */
export function sharedFile(rel: string): string {
  return resolve(SHARED_DIR, rel);
}

/** The entries of `needs` (paths relative to the shared folder) that are not there. */
export function missingShared(needs: readonly string[]): string[] {
  return needs.filter((rel) => !existsSync(sharedFile(rel)));
}

/** Starts every skip note of ours, so the reporter tells them from other skips. */
export const SKIP_MARK = 'unavailable: ';

/** How a missing thing is named in the notes: its path as seen from the clone. */
const shownShared = (rel: string) => relative(ROOT, sharedFile(rel));

/**
 * `describe(name, fn)` when nothing in `missing` is missing; otherwise one
 * skipped test in its place, whose note names what is missing (`fn` never
 * runs, so it may read the files at collection time). When the environment
 * variable `requiredBy` is set to 1, a missing thing is an error instead.
 */
export function describeWhenAvailable(
  name: string,
  missing: readonly string[],
  fn: () => void,
  requiredBy?: string,
): void {
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  const list = missing.join(', ');
  if (requiredBy && process.env[requiredBy] === '1') {
    throw new Error(`${requiredBy}=1, but “${name}” needs what is not here: ${list}`);
  }
  describe(name, () => {
    test(`skipped: needs ${list}`, (ctx) => ctx.skip(`${SKIP_MARK}${list}`));
  });
}

/**
 * `describe(name, fn)` when every file in `needs` (relative to the shared
 * folder, e.g. 'eval/dev.jsonl', 'fixtures/pages/') is there; otherwise one
 * skipped test naming the missing ones (or, with REQUIRE_SHARED=1, an error).
 */
export function describeWithShared(name: string, needs: readonly string[], fn: () => void): void {
  describeWhenAvailable(name, missingShared(needs).map(shownShared), fn, 'REQUIRE_SHARED');
}
