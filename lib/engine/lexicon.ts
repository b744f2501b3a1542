// Finds rule terms in text by words, not regexes: the text is split into word
// tokens once, and every term of every rule is looked up from an index keyed
// by its first word. Rule data never becomes a regex, so no rule (shipped or
// imported) can be a catastrophic pattern, and the cost per sentence does not
// grow with the number of terms.

export interface Hit {
  start: number;
  end: number;
}

export interface Token extends Hit {
  /** Lowercased, with typographic apostrophes made plain. */
  text: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*\.?/gu;
/** Words of a term may stand apart by spaces or hyphens ("follow-up" = "follow up"), nothing else. */
const JOINER = /[\s\-‐‑–]+/y;
/** Is text[from, to) one or more joiners? Read in place (sticky), without a slice per word pair. */
function joined(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  JOINER.lastIndex = from;
  // The run stops at the next word's first letter, so it reaches `to` only if all of it joins.
  return JOINER.test(text) && JOINER.lastIndex === to;
}

/**
 * The last texts' tokens: a sentence is read by the rule scan, the word features,
 * the caveats and the comparison in turn. Shared arrays, so frozen.
 */
const recentTokens = new Map<string, Token[]>();
const RECENT_TEXTS = 256;

export function tokenize(text: string): Token[] {
  let tokens = recentTokens.get(text);
  if (tokens === undefined) {
    tokens = Object.freeze(tokensOf(text)) as Token[];
    if (recentTokens.size >= RECENT_TEXTS) recentTokens.clear();
    recentTokens.set(text, tokens);
  }
  return tokens;
}

function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let word = m[0];
    // Abbreviations keep their final dot ("U.S."), so that "U.S. custody" reads as adjacent
    // words; a sentence's full stop does not belong to its last word.
    if (word.endsWith('.') && !word.slice(0, -1).includes('.')) word = word.slice(0, -1);
    const lower = (word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase();
    const text = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    out.push({ start: m.index, end: m.index + word.length, text });
  }
  return out;
}

interface Word {
  text: string;
  prefix: boolean;
}

interface Entry<K> {
  words: Word[];
  key: K;
}

function parseTerm(term: string): Word[] {
  return term
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => {
      const prefix = w.endsWith('*');
      const text = (prefix ? w.slice(0, -1) : w).replace(/\.$/, '');
      return { text, prefix };
    })
    .filter((w) => w.text.length > 0);
}

export class Lexicon<K> {
  private readonly exact = new Map<string, Entry<K>[]>();
  private readonly wild: Entry<K>[] = [];

  constructor(groups: readonly { key: K; terms: readonly string[] }[]) {
    for (const { key, terms } of groups) {
      for (const term of new Set(terms)) {
        const words = parseTerm(term);
        if (!words.length) continue;
        const entry = { words, key };
        if (words[0]!.prefix) this.wild.push(entry);
        else {
          const list = this.exact.get(words[0]!.text) ?? [];
          list.push(entry);
          this.exact.set(words[0]!.text, list);
        }
      }
    }
  }

  /** The entries that may start at a token of this text: exact first word, then prefixes. Memoized by word. */
  private readonly startsWith = new Map<string, readonly Entry<K>[]>();
  private entriesFor(word: string): readonly Entry<K>[] {
    let list = this.startsWith.get(word);
    if (list === undefined) {
      const exact = this.exact.get(word) ?? [];
      const wild = this.wild.length ? this.wild.filter((e) => word.startsWith(e.words[0]!.text)) : [];
      list = exact.length && wild.length ? [...exact, ...wild] : exact.length ? exact : wild;
      // Words seen are bounded by the language, but a page of random tokens is not.
      if (this.startsWith.size > 50_000) this.startsWith.clear();
      this.startsWith.set(word, list);
    }
    return list;
  }

  /** Every key's hits in `text`, longest term first at each place, not overlapping within one key. */
  match(text: string, tokens: readonly Token[]): Map<K, Hit[]> {
    const found = new Map<K, Hit[]>();
    const lastEnd = new Map<K, number>();
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i]!;
      const entries = this.entriesFor(first.text);
      if (!entries.length) continue;
      // Most words start one term: no table of the best end per key for those.
      if (entries.length === 1) {
        const entry = entries[0]!;
        const end = this.matchAt(entry.words, tokens, i, text);
        if (end > -1) this.add(found, lastEnd, entry.key, first.start, end);
        continue;
      }
      const best = new Map<K, number>();
      for (const entry of entries) {
        const end = this.matchAt(entry.words, tokens, i, text);
        if (end > (best.get(entry.key) ?? -1)) best.set(entry.key, end);
      }
      for (const [key, end] of best) this.add(found, lastEnd, key, first.start, end);
    }
    return found;
  }

  /** A key's hit from `start` to `end`, unless it overlaps the key's last hit. */
  private add(found: Map<K, Hit[]>, lastEnd: Map<K, number>, key: K, start: number, end: number): void {
    if (start < (lastEnd.get(key) ?? -1)) return;
    lastEnd.set(key, end);
    const list = found.get(key);
    if (list) list.push({ start, end });
    else found.set(key, [{ start, end }]);
  }

  /** End offset of `words` matched from token i, or -1. The first word is known to match (entriesFor). */
  private matchAt(words: readonly Word[], tokens: readonly Token[], i: number, text: string): number {
    for (let w = 1; w < words.length; w++) {
      const token = tokens[i + w];
      const word = words[w]!;
      if (!token) return -1;
      if (word.prefix ? !token.text.startsWith(word.text) : token.text !== word.text) return -1;
      if (!joined(text, tokens[i + w - 1]!.end, token.start)) return -1;
    }
    return tokens[i + words.length - 1]!.end;
  }
}

/** Distance in characters between a hit and a span (0 where they touch or overlap). */
export function distance(hit: Hit, span: Hit): number {
  if (hit.end <= span.start) return span.start - hit.end;
  if (hit.start >= span.end) return hit.start - span.end;
  return 0;
}

const CLAUSE = /[;:]|\s[—–-]\s|—/;

/** Whether a clause boundary (";", ":", a dash) stands between a hit and a span. */
export function acrossClause(text: string, hit: Hit, span: Hit): boolean {
  const [a, b] = hit.end <= span.start ? [hit.end, span.start] : [span.end, hit.start];
  return b > a && CLAUSE.test(text.slice(a, b));
}
