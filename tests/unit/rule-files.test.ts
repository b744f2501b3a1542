// The shipped rule files are read by the extension without validation
// (rules/load.ts): their check runs here and in the build (build/rule-files.ts).
// Broken copies of the files show that each kind of defect stops both.
import { describe, expect, test } from 'vitest';
import type { Plugin } from 'vite';
import { checkRuleFiles, ruleFileReader } from '../../build/rule-files';
import { checkRuleFile, checkShippedRuleFiles, SHIPPED_RULE_FILES } from '../../rules/checks';
import { METRICS } from '../../rules/index';
import { MODEL } from '../../rules/model';
import { PATTERNS } from '../../rules/patterns';

const shipped = ruleFileReader(new URL('../..', import.meta.url).pathname);
type Json = Record<string, unknown>;

/** The shipped files, with `path` replaced by what `change` makes of a copy of it. */
function withChange(path: string, change: (copy: Json) => void): (p: string) => unknown {
  return (p) => {
    const data = structuredClone(shipped(p)) as Json;
    if (p === path) change(data);
    return data;
  };
}

/** Runs the build plugin's check as a build would start it. */
function buildStart(read: (p: string) => unknown): void {
  const plugin = checkRuleFiles(read) as Plugin & { buildStart: (this: unknown) => void };
  plugin.buildStart.call({ addWatchFile: () => {} });
}

describe('shipped rule files', () => {
  test('every file the extension bundles passes its check', () => {
    expect(SHIPPED_RULE_FILES.map((f) => f.path).sort()).toEqual(
      ['rules/comparison.json', 'rules/metrics.json', 'rules/model.json', 'rules/patterns.json', 'rules/presentation.json', 'rules/series.json'],
    );
    expect(() => checkShippedRuleFiles(shipped)).not.toThrow();
    expect(() => buildStart(shipped)).not.toThrow();
  });

  test('the runtime reads the same data the check parsed', () => {
    expect(PATTERNS).toEqual(shipped('rules/patterns.json'));
    expect(METRICS).toEqual(shipped('rules/metrics.json'));
    expect(MODEL.claim).toEqual((shipped('rules/model.json') as Json).claim);
  });
});

describe('a defective rule file fails the check and the build', () => {
  const cases: Array<[string, string, (copy: Json) => void, RegExp]> = [
    ['a field of the wrong type', 'rules/presentation.json', (d) => (d.uncertainBelow = 'half'), /rules\/presentation\.json is invalid[\s\S]*uncertainBelow/],
    ['a missing field', 'rules/patterns.json', (d) => delete d.topics, /rules\/patterns\.json is invalid/],
    ['a field the schema does not define', 'rules/comparison.json', (d) => (d.extra = true), /rules\/comparison\.json holds fields its schema does not define/],
    ['a metric left out', 'rules/metrics.json', (d) => (d.metrics as unknown[]).pop(), /rules\/metrics\.json: no entry for metric/],
    ['a series pointing at an unknown noun kind', 'rules/series.json', (d) => ((d.moneyNouns as string[])[0] = 'no-such-kind'), /rules\/series\.json is invalid[\s\S]*no counted noun kind/],
  ];
  for (const [what, path, change, message] of cases) {
    test(what, () => {
      const read = withChange(path, change);
      expect(() => checkShippedRuleFiles(read)).toThrow(message);
      expect(() => buildStart(read)).toThrow(message);
    });
  }

  test('one file checked on its own names that file', () => {
    const model = SHIPPED_RULE_FILES.find((f) => f.path === 'rules/model.json')!;
    expect(() => checkRuleFile(model, { version: 1 })).toThrow(/^rules\/model\.json is invalid/);
  });
});
