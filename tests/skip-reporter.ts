// One closing line that says which tests were skipped because something from
// outside the clone is absent (the shared data, Firefox), and what was missing:
// the notes left by tests/shared-data.ts. Runs beside vitest's own reporter.
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { SKIP_MARK } from './shared-data';

export default class SkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    // What is missing → the test files that wanted it.
    const wanted = new Map<string, Set<string>>();
    let skipped = 0;
    for (const module of testModules) {
      for (const testCase of module.children.allTests('skipped')) {
        const result = testCase.result();
        const note = result.state === 'skipped' ? result.note : undefined;
        if (!note?.startsWith(SKIP_MARK)) continue;
        skipped++;
        const file = relative(process.cwd(), module.moduleId);
        for (const what of note.slice(SKIP_MARK.length).split(', ')) {
          wanted.set(what, (wanted.get(what) ?? new Set()).add(file));
        }
      }
    }
    if (skipped === 0) return;
    const parts = [...wanted].map(([what, files]) => `${what} (${[...files].join(', ')})`);
    process.stdout.write(
      `\n Skipped ${skipped} test group${skipped === 1 ? '' : 's'} for want of ${parts.join('; ')}; see README, Tests.\n`,
    );
  }
}
