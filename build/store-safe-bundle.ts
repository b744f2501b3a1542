// Two build-time edits to bundled libraries, so that the store packages hold
// no code a reviewer must take on trust (Mozilla's linter flags both):
// - zod's probe `new Function("")`, which asks whether validators may be
//   compiled: the answer is always no here (`jitless`, lib/zod-config.ts, and
//   the extension pages' CSP forbid eval), so the probe becomes that answer.
// - Preact's `dangerouslySetInnerHTML` path, the bundle's only innerHTML
//   assignment: no component of ours passes raw HTML (tests/e2e/built-files
//   checks the sources), so the path throws instead of parsing HTML.
// Each edit must find its text: a library update that moves it fails the build
// rather than shipping the original silently. Build tooling only: never bundled.
import type { Plugin } from 'vite';

interface Rewrite {
  /** Which module (its resolved path). */
  file: RegExp;
  find: RegExp;
  replace: string;
}

export const REWRITES: Rewrite[] = [
  {
    file: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
    find: /try\s*\{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch\s*\(_\)\s*\{\s*return false;\s*\}/,
    replace: 'return false;',
  },
  {
    file: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    find: /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/,
    replace: '(function(){throw Error("Metric Lens renders no raw HTML")})()',
  },
];

/** Applies the rewrite whose file matches `id`; throws if its text is not found. */
export function rewriteModule(code: string, id: string): string | null {
  const rewrite = REWRITES.find((r) => r.file.test(id));
  if (!rewrite) return null;
  if (!rewrite.find.test(code)) throw new Error(`store-safe-bundle: the expected code is not in ${id} (library updated?)`);
  return code.replace(rewrite.find, rewrite.replace);
}

export function storeSafeBundle(): Plugin {
  return {
    name: 'metric-lens:store-safe-bundle',
    enforce: 'pre',
    transform(code, id) {
      const rewritten = rewriteModule(code, id.split('?')[0]!);
      return rewritten === null ? null : { code: rewritten, map: null };
    },
  };
}
