// The shipped pattern rules, validated once at load. A broken file is a build
// error caught by the rules lint test, never a silent half-working engine.
import data from './patterns.json';
import { PatternSet } from './schema';

function load(): PatternSet {
  const parsed = PatternSet.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`rules/patterns.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export const PATTERNS: PatternSet = load();
