// The shipped pattern rules (checked at build and test time, rules/checks.ts).
import data from './patterns.json';
import { checkedRuleFile } from './load';
import type { PatternSet } from './schema';

export const PATTERNS: PatternSet = checkedRuleFile(data);
