// The fitted model, validated once at load: a broken file is a build error.
import data from './model.json';
import { ModelFile } from './model-schema';

function load(): ModelFile {
  const parsed = ModelFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`rules/model.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export const MODEL: ModelFile = load();
