// `npm start` on a fresh clone: installs the locked dependencies when they are
// missing or older than package-lock.json, then hands over to cli/start.ts.
// Plain JavaScript with no dependencies, since it runs before they exist.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log('Installing dependencies (npm ci)…');
  const status = run(npm, ['ci', '--no-audit', '--no-fund']);
  if (status !== 0) process.exit(status);
}

process.exit(run(process.execPath, ['--import', 'tsx', join(root, 'cli/start.ts'), ...process.argv.slice(2)]));
