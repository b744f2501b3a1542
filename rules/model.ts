// The fitted model (checked at build and test time, rules/checks.ts).
import data from './model.json';
import { checkedRuleFile } from './load';
import type { ModelFile } from './model-schema';

export const MODEL: ModelFile = checkedRuleFile(data);
