// The check of every shipped rule file, run where the extension is built (a
// Vite plugin, build/rule-files.ts) and by the rules test: its schema, the
// file's own cross-checks, and that parsing gives the file back unchanged, so
// the runtime may read it as it is (rules/load.ts, checkedRuleFile).
// Build and test tooling: the extension never imports this module.
import { isDeepStrictEqual } from 'node:util';
import { COMPARISON_PATH, ComparisonPolicy } from './comparison';
import { METRICS_PATH, parseMetricBase } from './index';
import { parseRuleFile } from './load';
import { ModelFile } from './model-schema';
import { PRESENTATION_PATH, Presentation } from './presentation';
import { PatternSet } from './schema';
import { SERIES_PATH, SeriesBase } from './series';

interface RuleFileCheck {
  /** The file, relative to the project's root. */
  path: string;
  /** Parses the file's data; throws, naming the path, on any defect. */
  parse(data: unknown, path: string): unknown;
}

/** Every rule file the extension bundles. */
export const SHIPPED_RULE_FILES: readonly RuleFileCheck[] = [
  { path: METRICS_PATH, parse: (data, path) => parseMetricBase(data, path) },
  { path: 'rules/patterns.json', parse: (data, path) => parseRuleFile(PatternSet, data, path) },
  { path: 'rules/model.json', parse: (data, path) => parseRuleFile(ModelFile, data, path) },
  { path: SERIES_PATH, parse: (data, path) => parseRuleFile(SeriesBase, data, path) },
  { path: COMPARISON_PATH, parse: (data, path) => parseRuleFile(ComparisonPolicy, data, path) },
  { path: PRESENTATION_PATH, parse: (data, path) => parseRuleFile(Presentation, data, path) },
];

/** Checks one file's data; throws naming the file and what is wrong with it. */
export function checkRuleFile(check: RuleFileCheck, data: unknown): void {
  const parsed = check.parse(data, check.path);
  // A key the schema does not know would be stripped by the parse but kept by the runtime, which reads the file as it is.
  if (!isDeepStrictEqual(parsed, data)) throw new Error(`${check.path} holds fields its schema does not define`);
}

/** Checks every shipped file, read by `read` (its path relative to the root); throws with all defects found. */
export function checkShippedRuleFiles(read: (path: string) => unknown): void {
  const problems: string[] = [];
  for (const check of SHIPPED_RULE_FILES) {
    try {
      checkRuleFile(check, read(check.path));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n\n'));
}
