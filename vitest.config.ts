import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The second reporter closes the run with one line naming the tests skipped for want of
    // outside data (../shared) or Firefox, and what was missing.
    reporters: ['default', './tests/skip-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          // The scanner's tests start Node processes: slow when other work shares the two cores.
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
          // A change crosses pages, the background engine and a repaint: on a loaded machine that
          // takes seconds, not the default one (a poll that succeeds returns at once).
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
