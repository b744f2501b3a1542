// Engine throughput in Node, beside the floor measured in the same run: the
// engine's own sentence splitter plus the prefilter regexes, nothing else.
import { findClaims } from '../../lib/engine/index';
import { QUANTITY_HINT, TOPIC_HINT } from '../../lib/engine/prefilter';
import { splitSentences } from '../../lib/engine/sentences';
import { median, timeRuns } from './stats';
import { utf8Bytes } from './corpus';

export interface Throughput {
  label: string;
  mb: number;
  passages: number;
  runs: number;
  medianMs: number;
  mbPerSecond: number;
  claims?: number;
}

/** Sentence split plus the two prefilter regexes, per passage: the least any engine must do. */
export function floorPass(passages: readonly string[]): number {
  let candidates = 0;
  for (const passage of passages) {
    for (const span of splitSentences(passage)) {
      const sentence = passage.slice(span.start, span.end);
      if (QUANTITY_HINT.test(sentence) && TOPIC_HINT.test(sentence)) candidates++;
    }
  }
  return candidates;
}

export function enginePass(passages: readonly string[]): number {
  let claims = 0;
  for (const passage of passages) claims += findClaims(passage, { sensitivity: 'balanced' }).length;
  return claims;
}

function measure(label: string, passages: readonly string[], pass: (p: readonly string[]) => number, minRuns: number, minMs: number): Throughput {
  let count = 0;
  const times = timeRuns(() => (count = pass(passages)), minRuns, minMs, 20);
  const mb = utf8Bytes(passages) / 1e6;
  const medianMs = median(times);
  return { label, mb, passages: passages.length, runs: times.length, medianMs, mbPerSecond: mb / (medianMs / 1000), claims: count };
}

export function measureFloor(label: string, passages: readonly string[]): Throughput {
  const result = measure(label, passages, floorPass, 5, 1000);
  return { ...result, claims: undefined };
}

export function measureEngine(label: string, passages: readonly string[], minMs = 3000): Throughput {
  return measure(label, passages, enginePass, 1, minMs);
}

/** First calls pay for lazy loading and compilation: pay them before timing. */
export function warmUp(passages: readonly string[]): number {
  const t0 = performance.now();
  enginePass(passages.slice(0, 200));
  return performance.now() - t0;
}
