// Built sizes of the extension's scripts (raw and gzip -9), read from the
// Chrome build; the content scripts named in the manifest are the ones every
// page loads.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BuiltFile {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Loaded into every matching page by the manifest. */
  contentScript: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function builtSizes(buildDir: string): BuiltFile[] {
  if (!existsSync(join(buildDir, 'manifest.json'))) return [];
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  const always = new Set((manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]));
  return walk(buildDir)
    .filter((path) => /\.(?:js|css|json)$/.test(path))
    .map((path) => {
      const data = readFileSync(path);
      const file = relative(buildDir, path);
      return { file, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length, contentScript: always.has(file) };
    })
    .sort((a, b) => Number(b.contentScript) - Number(a.contentScript) || b.bytes - a.bytes);
}
