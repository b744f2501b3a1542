// The benchmark texts, read once: the visible text of the fixture pages as
// passages (through the same HTML → passages path as the scanner), and a
// claim-dense text made of the labelled dev set's sentences.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToPassages } from '../../lib/html/passages';
import { mayHoldClaim } from '../../lib/engine/prefilter';

export interface FixturePage {
  name: string;
  passages: string[];
  bytes: number;
  /** Passages that pass the prefilter (a quantity and a topic word). */
  candidates: number;
}

export function utf8Bytes(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
}

export function readFixturePages(dir: string, only?: ReadonlySet<string>): FixturePage[] {
  return readdirSync(dir)
    .filter((name) => /\.html?$/i.test(name) && (!only || only.has(name)))
    .sort()
    .map((name) => {
      const { passages } = htmlToPassages(readFileSync(join(dir, name), 'utf8'));
      return { name, passages, bytes: utf8Bytes(passages), candidates: passages.filter(mayHoldClaim).length };
    });
}

/** The dev set's texts, one passage each, repeated until they reach `targetBytes`. */
export function claimDensePassages(devSetPath: string, targetBytes: number): string[] {
  const texts = readFileSync(devSetPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const out: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    for (const text of texts) {
      out.push(text);
      bytes += Buffer.byteLength(text, 'utf8');
      if (bytes >= targetBytes) break;
    }
  }
  return out;
}
