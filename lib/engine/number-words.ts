// Spelled-out compound numbers ("twenty-five thousand", "two hundred and
// fifty"). They are rare in news text, so compromise's number parser is asked
// only for them, never for digits.
import nlp from 'compromise';

const cache = new Map<string, number | null>();

export function parseNumberWords(words: string): number | null {
  const key = words.trim().toLowerCase();
  if (!/^[a-z -]+$/.test(key) || key.length > 80) return null;
  if (cache.has(key)) return cache.get(key)!;
  const found: unknown = nlp(key).numbers().get();
  const parsed = Array.isArray(found) ? found[0] : found;
  const value = typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : null;
  if (cache.size > 1_000) cache.clear();
  cache.set(key, value);
  return value;
}
