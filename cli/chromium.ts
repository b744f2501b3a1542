// Finding a Chromium-family browser that can load an unpacked extension from
// the command line (used by `npm start`, the benchmark and the browser tests).
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const NO_CHROMIUM_HELP = [
  'No Chromium found. Metric Lens needs a Chromium-family browser that accepts --load-extension:',
  '  Debian or Ubuntu:  sudo apt-get install chromium',
  '  Fedora:            sudo dnf install chromium',
  '  macOS:             brew install --cask chromium',
  'or point CHROMIUM_PATH at a Chromium or Chrome for Testing binary:',
  '  CHROMIUM_PATH=/path/to/chromium npm start',
  '(Branded Google Chrome 137 and later ignores --load-extension; load .output/chrome-mv3 by hand there, see the README.)',
].join('\n');

/** The path of an installed Chromium or Chrome; CHROMIUM_PATH wins. Throws with install instructions. */
export function findChromium(): string {
  const found = [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error(NO_CHROMIUM_HELP);
  return found;
}
