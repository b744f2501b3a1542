// Builds the extension once before the browser tests, for Chromium and for
// Firefox, so they always test the current code.
import { execFileSync } from 'node:child_process';
import { ROOT } from './browser';

export default function setup(): void {
  if (process.env.METRIC_LENS_SKIP_BUILD) return;
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'inherit' });
}
