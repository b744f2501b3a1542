// The shipped pattern rules, validated once at load. A broken file is a build
// error caught by the rules lint test, never a silent half-working engine.
import data from './patterns.json';
import { parseRuleFile } from './load';
import { PatternSet } from './schema';

export const PATTERNS: PatternSet = parseRuleFile(PatternSet, data, 'rules/patterns.json');
