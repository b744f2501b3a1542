// Fails the build when a shipped rule file is defective (rules/checks.ts): the
// extension reads its rule files without validating them, so this is where a
// broken file must stop. Build tooling only: never bundled.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { checkShippedRuleFiles, SHIPPED_RULE_FILES } from '../rules/checks';

/** Reads a rule file under `root` as JSON. */
export const ruleFileReader = (root: string) => (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

/** `read` takes a path relative to the project's root (tests pass broken files through it). */
export function checkRuleFiles(read: (path: string) => unknown): Plugin {
  return {
    name: 'metric-lens:rule-files',
    buildStart() {
      for (const file of SHIPPED_RULE_FILES) this.addWatchFile(file.path);
      checkShippedRuleFiles(read);
    },
  };
}
