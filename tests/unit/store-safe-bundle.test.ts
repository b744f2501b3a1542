// The build-time edits to bundled libraries (build/store-safe-bundle.ts), on
// the installed zod and Preact themselves.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rewriteModule } from '../../build/store-safe-bundle';

const require = createRequire(import.meta.url);
const ZOD_UTIL = join(dirname(require.resolve('zod/package.json')), 'v4/core/util.js');
const PREACT = join(dirname(require.resolve('preact/package.json')), 'dist/preact.mjs');

describe('store-safe bundle rewrites', () => {
  test('zod’s eval probe becomes “no eval”, and nothing else in the module changes', () => {
    const code = readFileSync(ZOD_UTIL, 'utf8');
    expect(code).toContain('new F("")');
    const out = rewriteModule(code, ZOD_UTIL)!;
    expect(out).not.toContain('new F("")');
    const probe = out.slice(out.indexOf('export const allowsEval'), out.indexOf('export function isPlainObject'));
    expect(probe).not.toMatch(/= Function;|new F\(/);
    expect(probe).toMatch(/return false;\s*\}\);\s*$/);
    // Only the probe's lines went away.
    expect(code.split('\n').length - out.split('\n').length).toBeGreaterThan(0);
    expect(code.split('\n').length - out.split('\n').length).toBeLessThan(10);
  });

  test('Preact’s raw-HTML assignment throws instead; its only innerHTML assignment is gone', () => {
    const code = readFileSync(PREACT, 'utf8');
    expect(code.match(/\.innerHTML=/g)).toHaveLength(1);
    const out = rewriteModule(code, PREACT)!;
    expect(out).not.toMatch(/\.innerHTML=/);
    expect(out).toContain('throw Error("Metric Lens renders no raw HTML")');
    expect(out.length - code.length).toBeLessThan(80);
  });

  test('other modules are left alone; a library whose text moved fails the build', () => {
    expect(rewriteModule('export const x = 1;', '/p/node_modules/zod/v4/core/schemas.js')).toBeNull();
    expect(rewriteModule('export const x = 1;', '/p/lib/engine/index.ts')).toBeNull();
    expect(() => rewriteModule('export const allowsEval = () => true;', ZOD_UTIL)).toThrow(/expected code/);
    expect(() => rewriteModule('el.innerHTML = html;', PREACT)).toThrow(/expected code/);
  });
});
