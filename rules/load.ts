// Every shipped rule file is validated once, when its module loads: a file that
// fails its schema is a build defect, so it throws with the file's path and
// every field at fault rather than leaving a half-working engine.
import { z } from 'zod';

export function parseRuleFile<T>(schema: z.ZodType<T>, data: unknown, path: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`${path} is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}
