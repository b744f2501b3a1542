// Splits text into sentences, keeping UTF-16 offsets into the original text.
// Abbreviations ("U.S.", "Sen.", "Oct.") and decimals do not end a sentence.

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  [
    'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'etc', 'vs', 'v', 'no', 'nos', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep',
    'gov', 'gen', 'lt', 'col', 'sgt', 'st', 'jr', 'sr', 'prof', 'inc', 'corp', 'co', 'ltd', 'dept', 'est',
    'approx', 'fig', 'figs', 'p', 'pp', 'vol', 'ed', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
    'sep', 'sept', 'oct', 'nov', 'dec', 'a.m', 'p.m', 'al', 'pres', 'sec', 'atty', 'rev', 'ft', 'mt',
  ],
);

const TERMINATOR = /[.!?…]+["'”’)\]]*(?=\s+|$)|\n\s*\n|\n(?=\s*[-•*–—]\s)/g;

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  // The word right before the full stop, e.g. "U.S" or "Sen".
  let i = dotIndex;
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1]!)) i--;
  const word = text.slice(i, dotIndex).toLowerCase();
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Single initials ("J. D. Vance") and dotted acronyms ("D.C").
  return /^[a-z]$/.test(word) || /^(?:[a-z]\.)+[a-z]$/.test(word);
}

// Abbreviations that can also close a sentence ("…born in the U.S. The report…").
const CAN_END = /(?:^|[^a-z])(?:u\.s|u\.k|u\.n|etc|a\.m|p\.m)$/i;
const SENTENCE_STARTERS =
  /^(?:The|A|An|In|It|Its|This|That|These|Those|He|She|They|We|I|But|And|Yet|So|However|According|Officials|There|Of|On|At|As|For|Since|From|By|When|While|After|Before|Many|Most|Some|Now|Today|Last|Under)\b/;

function startsNewSentence(text: string, dotIndex: number, end: number): boolean {
  if (!CAN_END.test(text.slice(Math.max(0, dotIndex - 4), dotIndex))) return false;
  const next = text.slice(end).match(/^\s+(\S+)/);
  return !next || SENTENCE_STARTERS.test(next[1]!);
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(text); m; m = TERMINATOR.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0] === '.' && endsWithAbbreviation(text, m.index) && !startsNewSentence(text, m.index, end)) {
      continue;
    }
    pushTrimmed(text, start, end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

/**
 * Prose sentences are short; a "sentence" longer than this is a table, a list
 * or data run together. It is cut at white space, so that the work per sentence
 * stays bounded whatever a page holds.
 */
export const MAX_SENTENCE = 1_000;

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (end - start > MAX_SENTENCE) {
    let cut = text.lastIndexOf(' ', start + MAX_SENTENCE);
    if (cut <= start + MAX_SENTENCE / 2) cut = start + MAX_SENTENCE;
    out.push({ start, end: cut });
    start = cut;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) out.push({ start, end });
}
