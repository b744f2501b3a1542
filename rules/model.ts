// The fitted model, validated once at load: a broken file is a build error.
import data from './model.json';
import { parseRuleFile } from './load';
import { ModelFile } from './model-schema';

export const MODEL: ModelFile = parseRuleFile(ModelFile, data, 'rules/model.json');
