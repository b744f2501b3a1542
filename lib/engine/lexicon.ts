// Compiles rule terms into regexes and finds them in text. Terms are plain
// words (see rules/schema.ts Term); every character is escaped here, so a rule
// can never be a catastrophic regex.
import type { Term } from '../../rules/schema';

export interface Hit {
  start: number;
  end: number;
}

function termSource(term: Term): string {
  return term
    .split(' ')
    .map((word) => {
      const wildcard = word.endsWith('*');
      const body = (wildcard ? word.slice(0, -1) : word)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/['’]/g, "['’]")
        .replace(/-/g, '[-\\s]?');
      return wildcard ? `${body}[\\w'’-]*` : body;
    })
    .join('[\\s-]+');
}

/** One case-insensitive regex for a list of terms, longest first so that "lost track of" beats "lost". */
export function compileTerms(terms: readonly Term[]): RegExp {
  const sources = [...new Set(terms)].sort((a, b) => b.length - a.length).map(termSource);
  return new RegExp(`(?<![\\w$])(?:${sources.join('|')})(?![\\w])`, 'giu');
}

export function findHits(re: RegExp, text: string): Hit[] {
  const hits: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    hits.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return hits;
}

/** Distance in characters between a hit and a span (0 where they touch or overlap). */
export function distance(hit: Hit, span: Hit): number {
  if (hit.end <= span.start) return span.start - hit.end;
  if (hit.start >= span.end) return hit.start - span.end;
  return 0;
}
