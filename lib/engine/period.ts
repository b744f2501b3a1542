// The period a claim names: fiscal years ("FY2019", "fiscal 2021", "FY2019-FY2021"),
// calendar years ("in 2019"), months ("March 2021", "in October"), ranges
// ("between 2014 and 2018", "since 2014") and relative periods ("last year",
// "so far this year") resolved against the page's date. Pure and regex-light:
// the background runs it for every claim.
import type { ClaimPeriod, PeriodKind } from '../contract';

/** An ISO date, YYYY-MM-DD. */
type Iso = string;

/** One date expression before ranges are joined. */
interface Atom {
  start: number;
  end: number;
  kind: PeriodKind;
  from: Iso;
  to: Iso | null;
  /** For a year or month atom: its year and month (1-12), for joining ranges. */
  year?: number;
  month?: number;
  fiscal?: boolean;
  /** Whether the atom stands on its own (a bare year needs a preposition or a range partner). */
  standalone: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthStart = (y: number, m: number) => iso(y, m, 1);
const monthEnd = (y: number, m: number) => iso(y, m, lastDay(y, m));

/** The U.S. federal fiscal year: FY2019 runs from 1 October 2018 to 30 September 2019. */
export function fiscalYear(year: number): { from: Iso; to: Iso } {
  return { from: iso(year - 1, 10, 1), to: iso(year, 9, 30) };
}

/** The fiscal year a date falls in. */
export function fiscalYearOf(date: Iso): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 10 ? y + 1 : y;
}

function twoOrFourDigits(text: string): number {
  const n = Number(text);
  return text.length === 2 ? (n >= 70 ? 1900 + n : 2000 + n) : n;
}

function addDays(date: Iso, days: number): Iso {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addMonths(date: Iso, months: number): Iso {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return iso(ny, nm, Math.min(d, lastDay(ny, nm)));
}

// "FYs 2019 to 2023" is a plural of FY, as "fiscal years" is of "fiscal year".
const FISCAL = /\b(?:FYs?|[Ff]iscal(?:\s+[Yy]ears?)?)\s?['’]?(\d{4}|\d{2})(?!\d|,\d)/g;
const CALENDAR = /\b[Cc]alendar(?:\s+[Yy]ears?)?\s+(\d{4})\b/g;
// Month names are matched with their capital letter, so "may" and "march" as words are not months.
const MONTH =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)(?![a-z])(?:\s+(?:of\s+)?((?:19|20)\d\d)(?!\d|,\d))?/g;
const YEAR = /(?<![\d$€£,.])((?:19[89]|20[0-4])\d)(?![\d%]|[,.]\d|-\d\d-|\s?(?:percent|per cent))/g;
const FISCAL_AFTER = /\b((?:19|20)\d\d)\s+fiscal\s+year\b/gi;
const DAY_AFTER = /^\s?(?:[1-9]|[12]\d|3[01])(?!\d)/;
const FULL_MONTH = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
const RELATIVE =
  /\b(so far this|earlier this|this|last|past|previous|the past|the last|the previous)\s+(fiscal\s+year|year|month|(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(years|months))\b/gi;

const SMALL_NUMBERS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12,
};

/** Words right before a bare year that make it a period ("in 2019", "during 2022", "since 2014"). */
const YEAR_LEAD = /(?:\b(?:in|during|for|of|since|from|between|through|throughout|by|until|early|late|mid|end of|start of|beginning of)\s*-?|^\s*)$/i;

/**
 * A year as an adjective of what was counted ("of the 2015 cases", "their 2019 total"): a period
 * too. News style writes a count of two thousand with its comma, a year without one. A year before
 * a report's name is the year it came out, which need not be the year it counts, so it is left out.
 */
const YEAR_DETERMINER = /\b(?:the|its|their|those|these)\s+$/i;
const YEAR_ADJECTIVE_OF = /^\s+(?!(?:report|study|survey|edition|review|law|act|bill|budget|election|campaign|book|paper|analysis|audit|memo|letter|rule|policy|order|version|update)s?\b)[a-z][a-z-]*/;

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * The last texts' atoms, by page date: a claim's sentence is read for its period, for a
 * period it names without a year, and again by the comparison. Shared arrays, never changed.
 */
const recentAtoms = new Map<Iso | undefined, Map<string, readonly Atom[]>>();
let recentCount = 0;
const RECENT_TEXTS = 64;

function collectAtoms(text: string, pageDate: Iso | undefined): readonly Atom[] {
  let byText = recentAtoms.get(pageDate);
  let atoms = byText?.get(text);
  if (atoms === undefined) {
    atoms = readAtoms(text, pageDate);
    if (recentCount >= RECENT_TEXTS) {
      recentAtoms.clear();
      recentCount = 0;
      byText = undefined;
    }
    if (!byText) recentAtoms.set(pageDate, (byText = new Map()));
    byText.set(text, atoms);
    recentCount++;
  }
  return atoms;
}

function readAtoms(text: string, pageDate: Iso | undefined): Atom[] {
  const atoms: Atom[] = [];
  for (const m of text.matchAll(FISCAL)) {
    const year = twoOrFourDigits(m[1]!);
    atoms.push({ start: m.index, end: m.index + m[0].length, kind: 'fiscal_year', ...fiscalYear(year), year, fiscal: true, standalone: true });
  }
  for (const m of text.matchAll(FISCAL_AFTER)) {
    const year = Number(m[1]);
    atoms.push({ start: m.index, end: m.index + m[0].length, kind: 'fiscal_year', ...fiscalYear(year), year, fiscal: true, standalone: true });
  }
  for (const m of text.matchAll(CALENDAR)) {
    const year = Number(m[1]);
    atoms.push({ start: m.index, end: m.index + m[0].length, kind: 'calendar_year', from: iso(year, 1, 1), to: iso(year, 12, 31), year, standalone: true });
  }
  for (const m of text.matchAll(MONTH)) {
    const month = monthIndex(m[1]!);
    if (m[2]) {
      const year = Number(m[2]);
      atoms.push({ start: m.index, end: m.index + m[0].length, kind: 'month', from: monthStart(year, month), to: monthEnd(year, month), year, month, standalone: true });
      continue;
    }
    // A month with no year: full names, after a preposition or before a range partner; a short
    // name only as a day's date ("released Jan. 28"), where it cannot be a word of the sentence.
    if (!FULL_MONTH.test(m[1]!) && !DAY_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
    const lead = /\b(?:in|during|since|from|through|until|between|of|last|this|early|late|mid)\s*-?\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index));
    atoms.push({ start: m.index, end: m.index + m[0].length, kind: 'month', from: '', to: '', month, standalone: lead });
  }
  for (const m of text.matchAll(YEAR)) {
    const year = Number(m[1]);
    const before = text.slice(Math.max(0, m.index - 14), m.index);
    const end = m.index + m[0].length;
    const adjective = YEAR_DETERMINER.test(before) && YEAR_ADJECTIVE_OF.test(text.slice(end, end + 24));
    atoms.push({ start: m.index, end, kind: 'calendar_year', from: iso(year, 1, 1), to: iso(year, 12, 31), year, standalone: adjective || YEAR_LEAD.test(before) });
  }
  if (pageDate) for (const m of text.matchAll(RELATIVE)) atoms.push(...relative(m, pageDate));
  // The earliest, then the longest, wins where two overlap ("FY2019" holds the year "2019").
  atoms.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Atom[] = [];
  for (const a of atoms) if (!kept.length || a.start >= kept[kept.length - 1]!.end) kept.push(a);
  return kept;
}

function relative(m: RegExpMatchArray, pageDate: Iso): Atom[] {
  const which = m[1]!.toLowerCase();
  const unit = m[2]!.toLowerCase().replace(/\s+/g, ' ');
  const [y, mo] = pageDate.split('-').map(Number) as [number, number];
  const at = { start: m.index!, end: m.index! + m[0].length, kind: 'relative' as const, standalone: true };
  const current = which.endsWith('this');
  if (m[3]) {
    // "the past two years", "the last 12 months": a window ending on the page date.
    const n = SMALL_NUMBERS[m[3].toLowerCase()] ?? Number(m[3]);
    if (!(n > 0 && n <= 50) || which === 'previous') return [];
    const months = m[4]!.toLowerCase() === 'years' ? n * 12 : n;
    return [{ ...at, from: addDays(addMonths(pageDate, -months), 1), to: pageDate }];
  }
  if (unit === 'year') {
    if (current) return [{ ...at, from: iso(y, 1, 1), to: pageDate }];
    if (which.includes('past') || which === 'the last') return [{ ...at, from: addDays(addMonths(pageDate, -12), 1), to: pageDate }];
    return [{ ...at, from: iso(y - 1, 1, 1), to: iso(y - 1, 12, 31), year: y - 1 }];
  }
  if (unit === 'month') {
    if (current) return [{ ...at, from: monthStart(y, mo), to: pageDate }];
    const prev = addMonths(monthStart(y, mo), -1);
    const [py, pm] = prev.split('-').map(Number) as [number, number];
    return [{ ...at, from: prev, to: monthEnd(py, pm) }];
  }
  // Fiscal years.
  const fy = fiscalYearOf(pageDate);
  if (current) return [{ ...at, from: fiscalYear(fy).from, to: pageDate }];
  return [{ ...at, ...fiscalYear(fy - 1), year: fy - 1, fiscal: true }];
}

/** Right after a year, words that make what follows a count since it: "began in 2003 and has since". */
const HAS_SINCE = /^[^.;]{0,40}?\b(?:has|have|had)\s+since\b/i;

const RANGE_JOIN = /^\s*(?:-|–|—|to|through|thru|until|till|and)\s*$/i;

/** All the periods named in `text`, in order, with offsets into it. */
export function findPeriods(text: string, pageDate?: string): ClaimPeriod[] {
  const atoms = collectAtoms(text, pageDate);
  const out: ClaimPeriod[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const b = atoms[i + 1];
    const lead = text.slice(Math.max(0, a.start - 9), a.start);
    const joiner = b ? text.slice(a.end, b.start) : '';
    const between = /\bbetween\s+$/i.test(lead);
    if (b && a.kind !== 'relative' && b.kind !== 'relative' && RANGE_JOIN.test(joiner) && (between || !/\band\b/i.test(joiner))) {
      const range = joinRange(a, b);
      if (range) {
        const start = between || /\bfrom\s+$/i.test(lead) ? a.start - (lead.length - lead.search(/\b(?:between|from)\s+$/i)) : a.start;
        out.push({ raw: text.slice(start, b.end), start, end: b.end, kind: 'range', from: range.from, to: range.to });
        i++;
        continue;
      }
    }
    if (!a.standalone) continue;
    const resolved = resolveMonth(a, pageDate);
    if (!resolved) continue;
    // "which began in 2003 and has since helped...": what was done since that year, not in it.
    if (/\bsince\s+$/i.test(lead) || (a.kind === 'calendar_year' && HAS_SINCE.test(text.slice(a.end, a.end + 60)))) {
      const since = lead.search(/\bsince\s+$/i);
      const start = since < 0 ? a.start : a.start - (lead.length - since);
      out.push({ raw: text.slice(start, a.end), start, end: a.end, kind: 'range', from: resolved.from, to: pageDate ?? null });
      continue;
    }
    out.push({ raw: text.slice(a.start, a.end), start: a.start, end: a.end, kind: a.kind, from: resolved.from, to: resolved.to });
  }
  return out;
}

/** A month named without its year ("in October"): the latest one that began by the page date. */
function resolveMonth(a: Atom, pageDate: Iso | undefined): { from: Iso; to: Iso | null } | null {
  if (a.kind !== 'month' || a.from) return { from: a.from, to: a.to };
  if (!pageDate || !a.month) return null;
  const [y, m] = pageDate.split('-').map(Number) as [number, number];
  const year = a.month <= m ? y : y - 1;
  return { from: monthStart(year, a.month), to: monthEnd(year, a.month) };
}

function joinRange(a: Atom, b: Atom): { from: Iso; to: Iso } | null {
  // "FY2019-2021", "fiscal years 2019 through 2023": the second year is fiscal too.
  if (a.fiscal && b.kind === 'calendar_year' && b.year) return { from: a.from, to: fiscalYear(b.year).to };
  if (a.kind === 'fiscal_year' && b.kind === 'fiscal_year') return { from: a.from, to: b.to! };
  // "January to May 2021": the first month takes the second's year (the year before, if it comes later in the year).
  if (a.kind === 'month' && !a.from && b.kind === 'month' && b.year && a.month && b.month) {
    const year = a.month <= b.month ? b.year : b.year - 1;
    return { from: monthStart(year, a.month), to: b.to! };
  }
  if (!a.from || !b.to || !b.from) return null;
  if (b.to < a.from) return null;
  return { from: a.from, to: b.to };
}

/** How far before a sentence a period still applies to it: within its passage, and not pages back. */
const LOOK_BACK = 1500;
/** Between blocks of a document (see document.ts): a period does not carry across. */
const BLOCK_BREAK = '\n\n';

/**
 * The period a number names: the one nearest to it in its sentence, else the
 * last one named before the sentence in its passage. `number` is the span of the
 * number itself (in `text`), which is never its own period ("2019 children").
 */
export function periodOf(
  text: string,
  sentence: { start: number; end: number },
  number: { start: number; end: number },
  pageDate?: string,
): ClaimPeriod | null {
  const ownText = text.slice(sentence.start, sentence.end);
  // The sentence's own periods, in its own coordinates until one is chosen.
  const own = { start: number.start - sentence.start, end: number.end - sentence.start };
  const inSentence = findPeriods(ownText, pageDate).filter(
    (p) =>
      (p.end <= own.start || p.start >= own.end) &&
      // "$11,500, up from $9,000 in 2020": the year is the earlier number's, not this one's.
      !datesOtherNumber(ownText, p.start, own.end) &&
      !isComparisonBase(ownText, p),
  );
  if (inSentence.length) {
    const listed = respectivePeriod(ownText, own);
    if (listed) return shift(listed, sentence.start);
    const gap = (p: ClaimPeriod) => (p.end <= own.start ? own.start - p.end : p.start - own.end);
    return shift(inSentence.reduce((best, p) => (gap(p) < gap(best) ? p : best)), sentence.start);
  }
  // A sentence that names its own period ("in May", "starting this March") is about that period even
  // where it cannot be dated; an earlier sentence's year is not its period.
  if (namesUnreadPeriod(ownText, pageDate)) return null;
  let from = Math.max(0, sentence.start - LOOK_BACK);
  const block = text.lastIndexOf(BLOCK_BREAK, sentence.start);
  if (block >= from) from = block + BLOCK_BREAK.length;
  if (from >= sentence.start) return null;
  const earlier = text.slice(from, sentence.start);
  // "… in 2022 over that in 2019": the base of a comparison is no later sentence's period.
  const before = findPeriods(earlier, pageDate).filter((p) => !isComparisonBase(earlier, p));
  const last = before[before.length - 1];
  return last ? shift(last, from) : null;
}

/** A number right before a period, joined by a preposition: "$9,000 in 2020", "41,000 during FY2019". */
const NUMBER_DATED = /(\d(?:[\d,.]*\d)?(?:\s?(?:thousand|million|billion|trillion|percent|per cent|%))?)\s+(?:in|during|for|by|as of)\s+(?:the\s+)?$/i;

/**
 * Whether the period at `at` (in `sentence`) dates another number than the one ending at
 * `ownEnd`: a year written right after a number is that number's ("up from $9,000 in 2020").
 */
function datesOtherNumber(sentence: string, at: number, ownEnd: number): boolean {
  const m = NUMBER_DATED.exec(sentence.slice(Math.max(0, at - 40), at));
  if (!m) return false;
  const numberEnd = Math.max(0, at - 40) + m.index + m[1]!.length;
  return numberEnd !== ownEnd && !(numberEnd > ownEnd - m[1]!.length && numberEnd < ownEnd);
}

/**
 * Words that make the period after them the base a change is measured from: "up $2,000 from
 * 2019", "compared with 2019", "over that in 2019"; "data from 2019" is the data's own year.
 */
const BASE_LEAD =
  /(?:\b(?:up|down|rise|rose|risen|increased?|increases|grew|grown|jumped|fell|fallen|dropped|declined?|climbed|surged?)\b[^.;:]{0,40}\bfrom|\bcompared\s+(?:to|with)(?:\s+(?:pre-pandemic\s+)?levels\s+in)?|\bover\s+(?:that|those|the\s+levels?)\s+(?:in|of)|\bthan\s+in|\bversus|\bvs\.?)\s+$/i;

/** Whether a single period is the base of a comparison ("from" in a range is the range's own). */
function isComparisonBase(text: string, p: ClaimPeriod): boolean {
  return p.kind !== 'range' && BASE_LEAD.test(text.slice(Math.max(0, p.start - 80), p.start));
}

/** Relative periods, read whether or not a page date could resolve them. */
const RELATIVE_WORDS = new RegExp(RELATIVE.source, 'i');
/** "A six-month period", "a three-month span": a period of its own, with no dates. */
const SPAN_WORDS = /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)[-\s](month|week|day|year)\s+(?:period|span|stretch|window)\b/i;

/** "As of Sunday", "on Tuesday": one day of a week the text does not date. */
const WEEKDAY = /\b(?:on|as of|since|by|until|through|last|this|early|late)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/**
 * The period the text names but does not date, by length: "short" for a month without its year
 * ("in May", "on March 28") or a span of months, weeks or days; "long" for a span of years or a
 * relative period without the page's date; null where it names none or dates what it names.
 */
export function unreadPeriod(text: string, pageDate?: string): 'short' | 'long' | null {
  if (findPeriods(text, pageDate).length) return null;
  const span = SPAN_WORDS.exec(text);
  if (span) return span[1]!.toLowerCase() === 'year' ? 'long' : 'short';
  if (WEEKDAY.test(text)) return 'short';
  if (collectAtoms(text, pageDate).some((a) => a.kind === 'month' && !a.from)) return 'short';
  return !pageDate && RELATIVE_WORDS.test(text) ? 'long' : null;
}

/** Whether the text names a period it does not date (see unreadPeriod). */
export function namesUnreadPeriod(text: string, pageDate?: string): boolean {
  return unreadPeriod(text, pageDate) !== null;
}

function shift(p: ClaimPeriod, by: number): ClaimPeriod {
  return { ...p, start: p.start + by, end: p.end + by };
}

/** Whether two periods share at least one day (an open end runs on forever). */
export function overlaps(a: { from: string; to: string | null }, b: { from: string; to: string | null }): boolean {
  return a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');
}

/** Between the items of a list: "2016 and 2019", "59,000, 61,000 and 69,000". */
const LIST_JOIN = /^\s*(?:,|,?\s*and|,?\s*or)\s*$/i;
/** A number as a list item: "59,000", "$1.2 million", "40 percent". */
const LIST_NUMBER = /\$?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s*(?:thousand|million|billion|percent|per cent|%))?/gi;

/**
 * "In fiscal years 2016 and 2019, 59,000 and 69,000 children were referred, respectively": the
 * number's place in its list is the period's place in the list of years. Null where the sentence
 * says no "respectively", or the lists differ in length.
 */
function respectivePeriod(sentence: string, number: { start: number; end: number }): ClaimPeriod | null {
  if (!/\brespectively\b/i.test(sentence)) return null;
  const atoms = readAtoms(sentence, undefined).filter((a) => a.year !== undefined && (a.kind === 'fiscal_year' || a.kind === 'calendar_year'));
  let years: Atom[] = [];
  for (let i = 0; i < atoms.length && years.length < 2; i++) {
    years = [atoms[i]!];
    while (i + 1 < atoms.length && LIST_JOIN.test(sentence.slice(atoms[i]!.end, atoms[i + 1]!.start))) years.push(atoms[++i]!);
  }
  if (years.length < 2) return null;
  const inYears = (m: { index: number }) => years.some((y) => m.index >= y.start && m.index < y.end);
  const numbers = [...sentence.matchAll(LIST_NUMBER)].filter((m) => !inYears(m)).map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const at = numbers.findIndex((n) => n.start < number.end && number.start < n.end);
  if (at < 0) return null;
  let first = at;
  while (first > 0 && LIST_JOIN.test(sentence.slice(numbers[first - 1]!.end, numbers[first]!.start))) first--;
  let last = at;
  while (last + 1 < numbers.length && LIST_JOIN.test(sentence.slice(numbers[last]!.end, numbers[last + 1]!.start))) last++;
  if (last - first + 1 !== years.length) return null;
  // "Fiscal years 2016 and 2019": the later years of the list are fiscal too.
  const fiscal = years[0]!.fiscal === true;
  const y = years[at - first]!;
  const range = fiscal ? fiscalYear(y.year!) : { from: iso(y.year!, 1, 1), to: iso(y.year!, 12, 31) };
  return { raw: sentence.slice(y.start, y.end), start: y.start, end: y.end, kind: fiscal ? 'fiscal_year' : 'calendar_year', ...range };
}
