// Rule files are checked against their schemas where they are built and
// tested (rules/checks.ts: the build fails and so does the rules test), not
// each time the background starts: zod over the model and the knowledge base
// was most of the engine's start-up. The runtime reads them as checked data.
import { z } from 'zod';

/** Validates `data` against `schema`; throws with the file's path and every field at fault. */
export function parseRuleFile<T>(schema: z.ZodType<T>, data: unknown, path: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`${path} is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * A shipped rule file as its schema's type, unparsed. Sound because the check
 * of every shipped file (rules/checks.ts) also requires that parsing it gives
 * back the file unchanged: nothing stripped, nothing defaulted.
 */
export function checkedRuleFile<T>(data: unknown): T {
  return data as T;
}
