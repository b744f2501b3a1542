// Finds and parses quantities in a sentence: digits ("85,000", "85K", "1.2
// million"), money ("$20,000 per person", "$13 billion a year"), percentages and
// ranges ("75 to 80 percent"), ratios ("one in three", "a third"), number words,
// vague amounts ("tens of thousands") and bounds ("more than", "nearly", "up
// to"). Each quantity also says what it is not a claim about: a year, a date,
// an age, a phone number, a duration…
import type { Quantity, Unit } from '../contract';
import { parseNumberWords } from './number-words';

export type NonClaimKind =
  | 'year'
  | 'date'
  | 'age'
  | 'phone'
  | 'ordinal'
  | 'citation'
  | 'duration'
  | 'measure'
  | 'time'
  | 'legal'
  | 'page'
  /** A digit in a name: "COVID-19", "Form I-914", "Operation Lost Boys 2", "Tier 2", "FOX 5". */
  | 'name'
  /** A footnote mark glued to a word or its punctuation: "victims.12". */
  | 'footnote'
  /** The base of a rate or ratio: "per 100,000 people", "one child in ten". */
  | 'denominator'
  /** The unit figures are rounded to: "to the nearest 1,000". */
  | 'rounding'
  /** Photo and slide numbering: "Photo 3 of 12", "12 photos". */
  | 'media';

export interface FoundQuantity extends Quantity {
  start: number;
  end: number;
  /** Set where the number is not a count of anything (a year, a date, an age…). */
  nonClaim: NonClaimKind | null;
  /** "per person", "a year", "each": a rate suffix that was included in raw. */
  rate: string | null;
  /** Only an order of magnitude ("thousands of children"). */
  vague: boolean;
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, a: 1, an: 1, dozen: 12,
};
const SCALES: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, mn: 1e6, b: 1e9, bn: 1e9,
};
const FRACTIONS: Record<string, number> = {
  half: 1 / 2, third: 1 / 3, thirds: 1 / 3, quarter: 1 / 4, quarters: 1 / 4, fifth: 1 / 5, fifths: 1 / 5,
  sixth: 1 / 6, sixths: 1 / 6, eighth: 1 / 8, eighths: 1 / 8, tenth: 1 / 10, tenths: 1 / 10,
};
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 99],
  scores: [40, 199],
  hundreds: [100, 999],
  thousands: [1_000, 9_999],
  'tens of thousands': [10_000, 99_999],
  'hundreds of thousands': [100_000, 999_999],
  millions: [1_000_000, 999_999_999],
  'tens of millions': [10_000_000, 99_999_999],
  'hundreds of millions': [100_000_000, 999_999_999],
  billions: [1e9, 999e9],
};

// ---- building blocks (sources, combined below) ----
const WORD_NUMBER =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const SCALE = '(?:\\s?(?:thousand|million|billion|trillion)|(?:k|K|m|M|mn|bn|b|B)(?![A-Za-z]))';
const NUM = `(?:${DIGITS}${SCALE}?|${WORD_NUMBER}(?:\\s(?:hundred|thousand|million|billion))+(?:\\s(?:and\\s)?${WORD_NUMBER})?)`;
const MONEY = `(?:(?:US|U\\.S\\.\\s?)?\\$\\s?${DIGITS}${SCALE}?)`;
const PERCENT_WORD = '(?:\\s?%|\\s?percentage\\spoints?\\b|\\s?percent\\b|\\s?per\\s?cent\\b)';
const RANGE_SEP = '\\s?(?:-|–|—|to)\\s?';
const NOT_YEAR = '(?!(?:1[89]|20)\\d\\d\\b)';

/** Nouns that a ratio may name between its two numbers ("one child in ten"). */
const RATIO_NOUN =
  '(?:child|children|kid|kids|minor|minors|girl|girls|boy|boys|teen|teens|youth|youths|victim|victims|survivor|survivors|migrant|migrants|person|people|adult|adults|case|cases)';
const RATIO_LINK = '(?:in|out\\sof|of(?=\\severy))(?:\\severy)?';
const FACTOR_WORD = '(?:two|three|four|five|six|seven|eight|nine|ten|twenty|a\\shundred)';

const PATTERNS: { kind: string; source: string }[] = [
  // "millions of dollars", "a billion-dollar industry": money known only by its order of magnitude.
  { kind: 'vague-money', source: '\\b(?:(?:(?:tens|hundreds)\\sof\\s)?(?:thousands|millions|billions)\\sof\\s(?:us\\s|u\\.s\\.\\s)?dollars|(?:a\\s)?(?:multi-?)?(?:million|billion)[- ]dollar)\\b' },
  // "and" joins a range only after "between": "$4,000 and $9,000" are two amounts, "between $4,000 and $9,000" one range.
  { kind: 'money-range', source: `between\\s${MONEY}(?:${RANGE_SEP}|\\sand\\s)(?:\\$\\s?)?${DIGITS}${SCALE}?|${MONEY}${RANGE_SEP}(?:\\$\\s?)?${DIGITS}${SCALE}?` },
  { kind: 'money', source: MONEY },
  { kind: 'percent-range', source: `between\\s${DIGITS}(?:\\s?%)?(?:${RANGE_SEP}|\\sand\\s)${DIGITS}${PERCENT_WORD}|${DIGITS}(?:\\s?%)?${RANGE_SEP}${DIGITS}${PERCENT_WORD}` },
  { kind: 'percent', source: `${DIGITS}${PERCENT_WORD}` },
  // "Sixty percent", "twenty-five per cent": a percentage written in words.
  { kind: 'percent', source: `\\b${WORD_NUMBER}(?:\\s(?:percent|per\\scent)\\b)` },
  // "one in three", "2 out of every 3", "three out of 1,000"; never "31,000 in 2012".
  // "one child in ten", "two victims out of every five": the noun between is part of the ratio.
  { kind: 'ratio', source: `\\b(?:(?:\\d{1,3}(?![\\d,])|${WORD_NUMBER}|an?)\\s${RATIO_LINK}|(?:one|an?|1)\\s${RATIO_NOUN}\\s${RATIO_LINK}|(?:\\d{1,3}(?![\\d,])|${WORD_NUMBER})\\s${RATIO_NOUN}\\s(?:in|out\\sof|of)\\severy)\\s(?!one\\b)(?:(?!(?:1[89]|20)\\d\\d\\b)${DIGITS}|${WORD_NUMBER}|ten|hundred|thousand)\\b` },
  { kind: 'half-scale', source: '\\b(?:half\\sa|a\\squarter(?:\\sof\\sa)?|a)\\s(?:million|billion)\\b' },
  { kind: 'dozen', source: '\\b(?:half\\sa|a)\\sdozen\\b' },
  // A bare "quarter" or "third" is usually a period or an ordinal ("over the quarter"): a fraction needs its count.
  { kind: 'fraction', source: `\\b(?:(?:one|two|three|four|five|a)[- ](?:half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)|half)\\b` },
  { kind: 'vague', source: '\\b(?:(?:tens|hundreds)\\sof\\s(?:thousands|millions)|dozens|scores(?=\\sof\\s(?!the\\b|their\\b|its\\b|these\\b|those\\b))|hundreds|thousands|millions|billions)\\b' },
  { kind: 'several', source: `\\b(?:several|a\\sfew|many)\\s(?:dozen|hundred|thousand|million)\\b` },
  // Comparatives and rates of change: "doubled", "fivefold", "five times as many", "twice as many".
  { kind: 'multiple', source: `\\b(?:doubled|tripled|quadrupled|doubling|tripling|twice\\sas\\s(?:many|much|likely|high|large|great|common)|${FACTOR_WORD}fold|\\d+(?:\\.\\d+)?-fold|(?:${FACTOR_WORD}|\\d+(?:\\.\\d+)?)\\stimes\\s(?:as\\s(?:many|much|high|large|likely)|more|higher|greater|larger|the\\s(?:number|rate|level|total))|(?:${FACTOR_WORD}|\\d+(?:\\.\\d+)?)-fold)\\b` },
  // A year never opens a range: "2012 to 48,000" is a year, then a count.
  { kind: 'count-range', source: `between\\s${NOT_YEAR}${NUM}\\s(?:and|to)\\s${NUM}|${NOT_YEAR}${NUM}(?:${RANGE_SEP}|\\s-)${NUM}` },
  { kind: 'count', source: `${NUM}(?:\\s\\(\\d[\\d,]*\\))?` },
  // "one" alone is left out: "one of the", "one child" are almost never claims.
  { kind: 'count', source: `\\b(?!one\\b)${WORD_NUMBER}\\b(?:\\s\\(\\d[\\d,]*\\))?` },
];

/**
 * Where a quantity may start: at a digit or "$", or where no letter or digit stands before (a word's
 * start). Every pattern starts at one of these; tested first, the rest of a word costs one look back.
 */
const STARTS = '(?:(?<![A-Za-z0-9])|(?=[\\d$]))';
// Plain capture groups, one per pattern: a named group would cost a groups object per match.
const MASTER = new RegExp(
  `${STARTS}(?:${PATTERNS.map((p) => `(${p.source})`).join('|')})`,
  'gi',
);
const RANGE_KINDS = new Set(['money-range', 'percent-range', 'count-range']);
/** The same patterns with the ranges left out (each keeps its group, never matching): for a change's two levels. */
const NO_RANGE = new RegExp(
  `${STARTS}(?:${PATTERNS.map((p) => `(${RANGE_KINDS.has(p.kind) ? `(?!)(?:${p.source})` : p.source})`).join('|')})`,
  'gi',
);
/** The capture group that holds each pattern: after its own group, a pattern's inner groups count too. */
const GROUP_OF: number[] = [];
{
  let group = 1;
  for (const p of PATTERNS) {
    GROUP_OF.push(group);
    group += new RegExp(`(${p.source})|`).exec('')!.length - 1;
  }
}

/**
 * "rose from $4,000 to $9,000", "grew from 31,000 to 48,000": after a change verb, "from X to Y"
 * is a change between two levels, not a range; each number is a level of its own (Y the later).
 */
const CHANGE_FROM =
  /\b(?:rose|risen|rising|grew|grown|growing|fell|fallen|falling|climbed|climbing|increased|increasing|jumped|doubled|tripled|dropped|declined|decreased|surged|soared|swelled|went\s+(?:up|down)|shot\s+up|ballooned|spiked|plunged|plummeted)\b[^.;:\d$]{0,40}?\bfrom\s+$/i;
/** Whether the range matched at `at` is "from X to Y" after a change verb. */
function isChangeFromTo(sentence: string, at: number, raw: string): boolean {
  return !/^between\b/i.test(raw) && /\sto\s/i.test(raw) && CHANGE_FROM.test(sentence.slice(Math.max(0, at - 60), at));
}

// Bounds written before the number.
const LOWER_BOUND = /(?:just over|just above|just more than|more than|over|at least|upwards of|in excess of|exceeding|exceeded|well over|slightly more than|greater than|surpassing|above|no fewer than|no less than|a record|at minimum)\s+$/i;
const UPPER_BOUND = /(?:nearly|almost|up to|as many as|as much as|fewer than|less than|under|close to|just under|no more than|roughly up to|at most|just shy of|shy of|short of)\s+$/i;
const APPROX = /(?:about|around|approximately|roughly|some|an estimated|estimated|approx\.|circa|an average of|on average)\s+$/i;
const PLUS_SUFFIX = /^(?:\+|-plus|\s(?:or more|plus)\b)/i;
const RATE_SUFFIX = /^(?:\s(?:per|a|an|each|every)\s(?:year|month|week|day|person|migrant|child|head|trip|crossing|family|annually)\b|\s(?:each|apiece|annually)\b)/i;

const MONTHS =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const BEFORE_DATE = new RegExp(`\\b${MONTHS}\\s+$`, 'i');
const AFTER_DATE = new RegExp(`^\\s+${MONTHS}\\b`, 'i');
const DURATION_AFTER =
  /^(?:-|\s)(?:years?|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|decades?|nights?)\b(?!\s(?:old|of age))/i;
const AGE_AFTER = /^(?:-|\s)(?:years?|months?|weeks?|days?)(?:-|\s)olds?\b|^-?\s?(?:to|and|or)\s\d{1,2}[-\s]years?[-\s]olds?\b|^\s(?:age|year-old)\s(?:groups?|brackets?|ranges?|cohorts?|bands?)\b|^(?:-|\s)year(?:s)?\s+of\s+age\b|^\s?-?\s?and\s?-?\s?(?:older|younger|under)\b/i;
const AGE_BEFORE = /(?:\baged?|\bages|\bage of|\bunder the age of|\bover(?: the)? age(?: of)?|\bolder than|\byounger than|\bbetween the ages of)\s+$/i;
/** "children under 14", "under-18s": an age only where the number can be one ("just under 5,000" is a bound). */
const UNDER_AGE_BEFORE = /(?<!\b(?:just|slightly|well|far|barely|a little)\s)\bunder(?: the)?(?: age)?(?: of)?(?:\s+|-)$/i;
const MAX_AGE = 21;
/** "The average age of victims is 15", "the median age at entry was 16": the number is the age. */
const AVERAGE_AGE_BEFORE = /\b(?:average|median|mean|typical) age\b[^.;:]{0,60}?\b(?:is|was|are|were|of|at|around|about|between)\s+$/i;
/** "are between 12 and 17," "were 15 to 17.": two small numbers with nothing counted after them are ages. */
const AGE_RANGE_AFTER = /^\s*(?:[,.;:)]|$|\s(?:according|officials?|said|says|years?)\b)/i;
// "Rubye Ramos, 23," "the driver, 34,": a person and then a number between commas is an age.
const NAME_AGE = /(?:\b[A-Z][a-z]+|\b(?:driver|man|woman|suspect|mother|father|smuggler|defendant|victim|officer|agent|girl|boy|teenager|migrant|son|daughter|wife|husband))\s*,\s$/;
/** "text 233733", "call 1-888-…": a number to dial or text is not a count. */
/** "BeFree (233733)": a short code in brackets after a texting or hotline word. */
const SHORT_CODE_BEFORE = /\b(?:befree|text(?:line)?|sms|hotline|tip ?line|helpline|call)\b[^.]{0,20}\($/i;
/** North American toll-free prefixes (800, 833, 844, 855, 866, 877, 888) followed by more digits or letters. */
const TOLL_FREE = /^1-8(?:00|33|44|55|66|77|88)-[\dA-Z]/;
const TOLL_FREE_BEFORE = /\b1-8(?:00|33|44|55|66|77|88)-(?:\d+-)?$/;
/** "call law enforcement at 911": the emergency number, after a word for calling. */
const EMERGENCY_BEFORE = /\b(?:call(?:ing)?|dial(?:ing)?|phone|text(?:ing)?|contact)\b[^.]{0,30}$/i;
const DIAL_BEFORE = /\b(?:text(?:ing)?|call(?:ing)?|dial(?:ing)?|phone|sms|txt|fax)(?:\s+(?:us|it|them|the hotline|the tip line))?\s+(?:at\s+|on\s+|to\s+)?$/i;
const MEASURE_AFTER =
  /^[-\s]?(?:miles?|mi|km|kilometers?|kilometres?|feet|foot|ft|meters?|metres?|inches|pounds?|lbs?|kilograms?|kilos?|kgs?|grams?|tons?|tonnes?|ounces?|oz|degrees?|acres?|square|gallons?|liters?|litres?|mph|gb|mb|kb|fps|hz|mm|cm|°)\b/i;
const PAGE_BEFORE = /(?:\bpages?|\bp\.|\bpp\.|\bchapter|\bfigure|\bfigures|\btable|\bpart|\barticle|\bno\.|\bnumber|\bamendment|\bform|\bexhibit|\bappendix|\bannex|\bfootnote|\bnote|\bvol\.|\bvolume)\s*$/i;
const PAGE_AFTER = /^[-\s]?pages?\b/i;
/** Statutes and bills: "Section 1232", "8 U.S.C. 1101", "§ 7102", "Title 42", "Pub. L. 106-386", "H.R. 2", "101(a)". */
const LEGAL_BEFORE =
  /(?:\bsections?|\bsec\.|\bsubsection|\btitle|\bpublic law|\bpub\.\s?l\.|\bp\.\s?l\.|\bh\.\s?r\.|(?<![.\w])s\.|\bh\.\s?b\.|(?<![.\w])s\.\s?b\.|\bbill|\busc|\bu\.\s?s\.\s?c\.?|\bc\.?f\.?r\.?|\bstat\.|\bina|\btvpa|\btvpra|\bparagraph|\bclause|§+|\)\()\s*$/i;
const LEGAL_AFTER = /^(?:\s?(?:usc|u\.\s?s\.\s?c\.?|c\.?f\.?r\.?|stat\.)(?![a-z])|\((?:[a-z]|[ivx]+|\d{1,2})\))/i;
/** Bills by their chamber's letters: "SB 4", "HB 1", "HR 2". */
const BILL_BEFORE = /\b(?:SB|HB|AB|HR|SF|HF|LD)\s?$/;
/** "in their 30s": a decade of life; "the '90s": a decade. */
const DECADE_AGE_BEFORE = /\b(?:their|his|her|in (?:the|their) (?:early|mid|late))\s*$/i;
/** Programmes, tiers, targets, conventions and broadcasters named with a number: "Operation Lost Boys 2", "Tier 2", "Target 8.7", "Convention 182", "FOX 5". */
const NAME_BEFORE =
  /(?:\bOperation(?:\s[A-Z][\w'’-]*){0,4}|\boperation(?:\s[A-Z][\w'’-]*){1,4}|\b(?:tier|phase|target|goal|sdg|convention|resolution|proposition|prop\.|level|stage|category|district|region|precinct|highway|interstate|season|episode|channel))\s$/i;
const BROADCASTER_BEFORE = /\b(?:[KW][A-Z]{2,3}|ABC|NBC|CBS|FOX|Fox|CW|PIX|News|Channel)\s$/;
/** The base of a rate: "3 victims per 100,000 people", "for every 1,000 children". */
const DENOMINATOR_BEFORE = /\b(?:per|for every|out of every|in every)\s$/i;
const ROUNDING_BEFORE = /\b(?:nearest|increments of|multiples of|in units of|rounded(?: up| down)? to(?: the)?)\s+$/i;
const MEDIA_BEFORE = /\b(?:photos?|images?|pictures?|slides?|videos?|gallery|slideshow)\s+(?:(?:no\.\s?)?|\d+\s?(?:of|\/)\s?)$/i;
/** Numbering of a sequence: "Update 12:", "Part 2 of 5", "Episode 3 —". */
const SEQUENCE_BEFORE = /\b(?:update|part|chapter|episode|season|volume|step|round)\s+$/i;
const SEQUENCE_AFTER = /^(?::|\)|\s+of\s+\d|\s[—–-]\s)/;
const MEDIA_AFTER = /^\s(?:photos|images|pictures|slides|videos|comments|shares|likes)\b/i;
/** A digit glued to a word's end or to its punctuation is a footnote mark: "victims.12", "labor,3". */
const FOOTNOTE_BEFORE = /[A-Za-z)\]][.,;:!?"”’]$|[.,;:!?]["”’]$/;
const ORDINAL_AFTER = /^(?:st|nd|rd|th)\b/i;
const TIME_AFTER = /^(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b))/i;
const FY_BEFORE = /\b(?:fy|fiscal year|fiscal|calendar year|cy|fys)\s?$/i;

function scaleOf(text: string): number {
  const m = text.match(/(thousand|million|billion|trillion|mn|bn|[kmb])$/i);
  return m ? SCALES[m[1]!.toLowerCase()]! : 1;
}

/** "85,000" → 85000; "1.2 million" → 1200000; "85K" → 85000; "twenty-five thousand" → 25000. */
export function parseNumber(text: string): number | null {
  const n = parseFinite(text);
  // "1" followed by 400 zeros is text, not a number anyone can compare.
  return n !== null && Number.isFinite(n) ? n : null;
}

function parseFinite(text: string): number | null {
  const t = text.trim().replace(/^(?:US|U\.S\.\s?)?\$\s?/i, '');
  const digits = t.match(/^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(.*)$/);
  if (digits) {
    const base = Number(digits[1]!.replace(/,/g, ''));
    const rest = digits[2]!.trim();
    return rest ? base * scaleOf(rest) : base;
  }
  const lower = t.toLowerCase();
  if (lower in SMALL) return SMALL[lower]!;
  return parseNumberWords(lower);
}

function numbersIn(text: string): number[] {
  const re = new RegExp(`(?:\\$\\s?)?(?:${NUM})`, 'gi');
  const out: number[] = [];
  for (const m of text.matchAll(re)) {
    const n = parseNumber(m[0]);
    if (n !== null) out.push(n);
  }
  return out;
}

function isYear(raw: string): boolean {
  return /^(?:1[89]\d\d|20\d\d)$/.test(raw.trim());
}

/** "the 2015 cases", "in 2019 children made up…": a year that says which cases or when, not how many. */
const YEAR_MODIFIER_BEFORE = /\b(?:the|its|their|his|her|this|that|last|those|these|in|since|during|until|through)\s$/i;

function classify(sentence: string, start: number, end: number, raw: string, kind: string): NonClaimKind | null {
  const before = sentence.slice(Math.max(0, start - 40), start);
  const after = sentence.slice(end, end + 40);
  if (before.endsWith('[') && after.startsWith(']')) return 'citation';
  const around = sentence.slice(Math.max(0, start - 8), end + 10);
  if (/\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|\b\d-\d{3}-\d{3}-\d{4}\b/.test(around) || /^\d{3}-\d{4}$/.test(raw)) {
    return 'phone';
  }
  // Toll-free numbers in any grouping ("1-888-3737-888", "1-800-THE-LOST"), and their later groups.
  if (TOLL_FREE.test(sentence.slice(start, end + 2)) || TOLL_FREE_BEFORE.test(before)) return 'phone';
  if (raw === '911' && EMERGENCY_BEFORE.test(before)) return 'phone';
  if (kind === 'count' || kind === 'count-range' || kind === 'half-scale') {
    if (/^\d{1,3}$/.test(raw) && FOOTNOTE_BEFORE.test(before)) return 'footnote';
    // "COVID-19", "Form I-914", "T-1 visas", "H-2A": a letter and a hyphen before the digits.
    if (/[A-Za-z]-$/.test(before) && !UNDER_AGE_BEFORE.test(before)) return 'name';
    if (NAME_BEFORE.test(before) || (BROADCASTER_BEFORE.test(before) && /^\d{1,2}$/.test(raw))) return 'name';
    if (LEGAL_BEFORE.test(before) || LEGAL_AFTER.test(after) || BILL_BEFORE.test(before)) return 'legal';
    if (/#\s?$/.test(before)) return 'ordinal';
    if (SEQUENCE_BEFORE.test(before) && SEQUENCE_AFTER.test(after)) return 'ordinal';
    if (/^'?s\b/.test(after)) return DECADE_AGE_BEFORE.test(before) || UNDER_AGE_BEFORE.test(before) ? 'age' : 'year';
    // "5G", "3D", "F-16s": digits glued to a letter are part of a name.
    if (/^[A-Za-z]/.test(after) && !ORDINAL_AFTER.test(after)) return 'name';
    if (MEDIA_BEFORE.test(before) || MEDIA_AFTER.test(after)) return 'media';
    if (DENOMINATOR_BEFORE.test(before)) return 'denominator';
    if (ROUNDING_BEFORE.test(before)) return 'rounding';
    if (/\b(?:1[89]|20)\d\d-$/.test(before)) return 'date';
    if (/\d:$/.test(before)) return 'time';
    if (DIAL_BEFORE.test(before) || SHORT_CODE_BEFORE.test(before)) return 'phone';
    // "were trafficked (3).": a bracketed small number after a word is a note or list mark.
    if (/^\d{1,2}$/.test(raw) && /[A-Za-z.,;:]\s?\($/.test(before) && /^\)/.test(after)) return 'citation';
    if (ORDINAL_AFTER.test(after)) return 'ordinal';
    if (TIME_AFTER.test(after)) return 'time';
    if (FY_BEFORE.test(before) || /^FY/i.test(raw)) return 'year';
    if (AGE_AFTER.test(after) || AGE_BEFORE.test(before) || (NAME_AGE.test(before) && /^,/.test(after) && Number(raw) < 110)) return 'age';
    if (UNDER_AGE_BEFORE.test(before) && /^\d{1,2}$/.test(raw) && Number(raw) <= MAX_AGE) return 'age';
    if (/^\d{1,2}$/.test(raw) && Number(raw) <= MAX_AGE && AVERAGE_AGE_BEFORE.test(sentence.slice(Math.max(0, start - 100), start))) return 'age';
    if (kind === 'count-range' && AGE_RANGE_AFTER.test(after)) {
      const ends = raw.replace(/^between\s/i, '').split(/\s*(?:-|–|—|to|and)\s*/).filter(Boolean);
      if (ends.length === 2 && ends.every((e) => /^\d{1,2}$/.test(e) && Number(e) <= MAX_AGE)) return 'age';
    }
    if (BEFORE_DATE.test(before) || AFTER_DATE.test(after)) return 'date';
    if (DURATION_AFTER.test(after)) return 'duration';
    if (MEASURE_AFTER.test(after)) return 'measure';
    // "that number 100,000": a page or table is never numbered in thousands.
    if ((PAGE_BEFORE.test(before) && !/\d,\d{3}/.test(raw)) || PAGE_AFTER.test(after)) return 'page';
    const parts = raw.split(/\s*(?:-|–|—|to|and)\s*/).filter(Boolean);
    if (parts.length > 0 && parts.every((p) => isYear(p.replace(/^between\s/i, '')))) {
      // "2,019 children" has a comma; a bare four-digit number right before a count noun is a count,
      // unless an article makes it a modifier ("of the 2015 cases", "its 2019 arrivals").
      if (!/^\s(?:children|minors|kids|migrants|people|victims|cases|unaccompanied)\b/i.test(after) || YEAR_MODIFIER_BEFORE.test(before)) return 'year';
    }
    if (/^'\d\d$/.test(raw) || /^\d{1,2}\/\d{1,2}/.test(sentence.slice(start, end + 6))) return 'date';
  }
  // "under the age of 18 in 17 cities": an age, then a count, never a ratio.
  if (kind === 'ratio' && (AGE_BEFORE.test(before) || UNDER_AGE_BEFORE.test(before))) return 'age';
  if (kind === 'money' || kind === 'money-range') {
    if (/^\s?(?:per hour|an hour|\/hour|\/hr)\b/i.test(after)) return 'measure';
  }
  return null;
}

/** Extends the span over a bound written before it ("more than"), returning the bound's kind. */
function boundBefore(sentence: string, start: number): { start: number; kind: 'low' | 'high' | 'approx' | null } {
  const before = sentence.slice(Math.max(0, start - 30), start);
  for (const [re, kind] of [[LOWER_BOUND, 'low'], [UPPER_BOUND, 'high'], [APPROX, 'approx']] as const) {
    const m = before.match(re);
    if (m) return { start: start - m[0].length, kind };
  }
  return { start, kind: null };
}

function unitFor(kind: string): Unit {
  if (kind.startsWith('money') || kind === 'vague-money') return 'usd';
  if (kind.startsWith('percent')) return 'percent';
  if (kind === 'ratio' || kind === 'fraction') return 'ratio';
  if (kind === 'multiple') return 'other';
  return 'count';
}

function ratioValue(raw: string): number | null {
  const lower = raw.toLowerCase();
  const ratio = lower.match(/^(.+?)\s(?:in|out of|of(?= every))(?:\severy)?\s(.+)$/);
  if (ratio) {
    // "one child in ten": the noun between the numbers is not part of either.
    const a = parseNumber(ratio[1]!.replace(/\s\S+$/, (w) => (parseNumber(ratio[1]!) === null ? '' : w)));
    const b = parseNumber(ratio[2]!);
    return a !== null && b ? a / b : null;
  }
  const frac = lower.match(/^(?:(one|two|three|four|five|a)[- ])?(half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)$/);
  if (frac) {
    const k = frac[1] ? (SMALL[frac[1]] ?? 1) : 1;
    return k * FRACTIONS[frac[2]!]!;
  }
  return null;
}

const DOLLARS_AFTER = /^\s(?:US\s|U\.S\.\s)?dollars\b/i;
/** The few characters after a match, where a written-out unit would stand. */
const tailAfter = (sentence: string, m: RegExpExecArray) => sentence.slice(m.index + m[0].length, m.index + m[0].length + 16);

export function findQuantities(sentence: string): FoundQuantity[] {
  const out: FoundQuantity[] = [];
  MASTER.lastIndex = 0;
  for (let m = MASTER.exec(sentence); m; m = MASTER.exec(sentence)) {
    let index = 0;
    while (m[GROUP_OF[index]!] === undefined) index++;
    if (RANGE_KINDS.has(PATTERNS[index]!.kind) && isChangeFromTo(sentence, m.index, m[0])) {
      // The first level alone; the next match starts after it and finds the second.
      NO_RANGE.lastIndex = m.index;
      const first = NO_RANGE.exec(sentence);
      if (first && first.index === m.index) {
        m = first;
        index = 0;
        while (m[GROUP_OF[index]!] === undefined) index++;
        MASTER.lastIndex = m.index + m[0].length;
      }
    }
    // "640 dollars", "between 2500 and 3500 dollars": money written after the number is money
    // ("in 2019 dollars" names a year's prices).
    const dollars = /^(?:count|count-range)$/.test(PATTERNS[index]!.kind) && !isYear(m[0]) ? DOLLARS_AFTER.exec(tailAfter(sentence, m)) : null;
    const kind = dollars ? (PATTERNS[index]!.kind === 'count' ? 'money' : 'money-range') : PATTERNS[index]!.kind;
    let raw = m[0];
    let start = m.index;
    let end = start + raw.length;
    // A word boundary on the left for digits ("FY2019" is a year, "A1" is nothing).
    if (start > 0 && /[A-Za-z]/.test(sentence[start - 1]!) && /^\d/.test(raw)) {
      if (/FY$/i.test(sentence.slice(Math.max(0, start - 2), start))) {
        out.push(blank(sentence, start - 2, end, 'year'));
      }
      continue;
    }
    if (kind === 'count' && /^(?:a|an)$/i.test(raw)) continue;
    const nonClaim = classify(sentence, start, end, raw, kind);

    let value: number | null = null;
    let low: number | null = null;
    let high: number | null = null;
    let vague = false;
    const lower = raw.toLowerCase().replace(/\s+/g, ' ');
    if (kind === 'vague' || kind === 'several') {
      vague = true;
      const span = VAGUE[lower] ?? (kind === 'several' ? severalRange(lower) : null);
      if (span) [low, high] = span;
    } else if (kind === 'vague-money') {
      vague = true;
      // "a billion-dollar industry": the article is not part of the amount.
      if (/^a\s/.test(lower)) {
        start += 2;
        raw = raw.slice(2);
      }
      [low, high] = vagueMoneyRange(lower);
    } else if (kind === 'dozen') {
      value = lower.startsWith('half') ? 6 : 12;
      low = high = value;
    } else if (kind === 'half-scale') {
      const lower = raw.toLowerCase();
      const scale = lower.endsWith('billion') ? 1e9 : 1e6;
      value = (lower.startsWith('half') ? 0.5 : lower.startsWith('a quarter') ? 0.25 : 1) * scale;
      low = high = value;
    } else if (kind === 'multiple') {
      value = factorOf(lower);
      low = high = value;
    } else if (kind === 'ratio' || kind === 'fraction') {
      value = ratioValue(lower);
      low = high = value;
    } else if (kind.endsWith('range')) {
      const nums = numbersIn(raw.replace(/^between\s/i, ''));
      // "244k -325k": the scale on the second number applies to the first where the first has none.
      if (nums.length >= 2) {
        let [a, b] = [nums[0]!, nums[nums.length - 1]!];
        if (a < b / 500 && scaleOf(raw) > 1) a *= scaleOf(raw);
        [low, high] = a <= b ? [a, b] : [b, a];
        value = (low + high) / 2;
      }
    } else {
      const parenthesised = raw.match(/^(.*?)\s\((\d[\d,]*)\)$/);
      value = parseNumber(parenthesised ? parenthesised[2]! : raw);
      low = high = value;
    }

    // Bounds: "more than 32,000" → low only; "nearly 1,500" → high only.
    const bound = boundBefore(sentence, start);
    if (bound.kind && !kind.endsWith('range') && !vague) {
      start = bound.start;
      if (bound.kind === 'low') high = null;
      if (bound.kind === 'high') low = null;
    } else if (bound.kind && (vague || kind.endsWith('range'))) {
      start = bound.start;
    }
    const tail = sentence.slice(end);
    const plus = tail.match(PLUS_SUFFIX);
    if (plus && value !== null) {
      end += plus[0].length;
      high = null;
    }
    if (dollars) end += dollars[0].length;
    let rate: string | null = null;
    const rateMatch = sentence.slice(end).match(RATE_SUFFIX);
    if (rateMatch && (kind.startsWith('money') || /^\s(?:per|a|an|every)\s(?:year|month|week|day)/i.test(rateMatch[0]))) {
      rate = rateMatch[0].trim();
      end += rateMatch[0].length;
    }
    raw = sentence.slice(start, end);
    out.push({
      start,
      end,
      raw,
      value: vague ? null : value,
      low,
      high,
      unit: unitFor(kind),
      nonClaim,
      rate,
      vague,
    });
  }
  return out;
}

function severalRange(lower: string): [number, number] | null {
  const scale = lower.match(/(dozen|hundred|thousand|million)$/);
  if (!scale) return null;
  const s = { dozen: 12, hundred: 100, thousand: 1_000, million: 1_000_000 }[scale[1] as 'dozen' | 'hundred' | 'thousand' | 'million'];
  return [2 * s, 9 * s];
}

/** "millions of dollars" reads as "millions"; "a billion-dollar industry" → 1e9 to 999e9. */
function vagueMoneyRange(lower: string): [number, number] | [null, null] {
  const amount = lower.replace(/\s+of\s+(?:us\s|u\.s\.\s)?dollars$/, '');
  if (amount in VAGUE) return VAGUE[amount]!;
  return /billion/.test(amount) ? VAGUE.billions! : VAGUE.millions!;
}

const FACTORS: Record<string, number> = { doubled: 2, doubling: 2, twice: 2, tripled: 3, tripling: 3, quadrupled: 4 };

/** The factor of a comparative: "doubled" → 2, "fivefold" → 5, "2.5 times more" → 2.5. */
function factorOf(lower: string): number | null {
  const word = lower.split(/[\s-]/)[0]!;
  if (word in FACTORS) return FACTORS[word]!;
  const fold = lower.match(/^(.+?)-?fold$/);
  const head = fold ? fold[1]! : word === 'a' ? 'a hundred' : word;
  return parseNumber(head) ?? parseNumberWords(head);
}

function blank(sentence: string, start: number, end: number, nonClaim: NonClaimKind): FoundQuantity {
  return { start, end, raw: sentence.slice(start, end), value: null, low: null, high: null, unit: 'other', nonClaim, rate: null, vague: false };
}
