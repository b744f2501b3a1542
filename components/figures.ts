// Numbers, periods and marks in words for the popup: pure helpers, no DOM.
import type { Claim, ClaimPeriod, Unit } from '../lib/contract';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2018-10-01" → "1 Oct 2018". */
export function dayLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A period's dates in words: "1 Oct 2018 – 30 Sep 2019", "since 1 Jan 2014". */
export function datesLabel(from: string, to: string | null): string {
  if (to === null) return `since ${dayLabel(from)}`;
  return from === to ? dayLabel(from) : `${dayLabel(from)} – ${dayLabel(to)}`;
}

export function periodLine(period: ClaimPeriod): string {
  return `${period.raw} (${datesLabel(period.from, period.to)})`;
}

/** A short axis label for a period: "FY19", "2019", "Mar ’21"; the table and the summary give it in full. */
export function shortPeriod(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const yy = (y: number) => String(y % 100).padStart(2, '0');
  if (fm === 10 && fd === 1 && tm === 9 && td === 30 && ty === fy + 1) return `FY${yy(ty)}`;
  if (fm === 1 && fd === 1 && tm === 12 && td === 31 && ty === fy) return String(fy);
  if (fy === ty && fm === tm) return `${MONTHS[fm - 1]} ’${yy(fy)}`;
  // Whole calendar years ("10–20"), else the month counting ends (a cumulative total to September 2025: "Sep ’25").
  if (fm === 1 && fd === 1 && tm === 12 && td === 31) return `${yy(fy)}–${yy(ty)}`;
  return `${MONTHS[tm - 1]} ’${yy(ty)}`;
}

/** Compact values for chart labels: "69k", "1.7M", "38%", "$13B". */
export function compact(value: number, unit: Unit): string {
  if (unit === 'percent') return `${round(value)}%`;
  if (unit === 'ratio') return `${round(value * 100)}%`;
  const abs = Math.abs(value);
  const body =
    abs >= 1e9 ? `${round(value / 1e9)}B` : abs >= 1e6 ? `${round(value / 1e6)}M` : abs >= 1e4 ? `${Math.round(value / 1e3)}k` : abs >= 1e3 ? `${round(value / 1e3)}k` : String(round(value));
  return unit === 'usd' ? `$${body}` : body;
}

function round(v: number): string {
  return String(Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 10) / 10);
}

/** Full values for the table and summaries: "68,541", "38%", "$7,000". */
export function full(value: number, unit: Unit): string {
  if (unit === 'percent') return `${value}%`;
  if (unit === 'ratio') return `${Math.round(value * 1000) / 10}%`;
  const text = value.toLocaleString('en-US');
  return unit === 'usd' ? `$${text}` : text;
}

/** A claim's own value to mark on a chart: its value, else the middle of its range. */
export function claimValue(claim: Claim): number | null {
  const { value, low, high } = claim.number;
  if (value !== null) return value;
  if (low !== null && high !== null) return (low + high) / 2;
  return low ?? high;
}

export const UNIT_WORDS: Record<Unit, string> = {
  count: 'a count',
  percent: 'a percentage',
  ratio: 'a share',
  usd: 'a dollar amount',
  other: 'this unit',
};

/** A piece of the quoted sentence, marked or not. */
export interface Piece {
  text: string;
  marked: boolean;
}

/** The sentence cut at the marked spans (offsets into it); overlapping spans merge. */
export function markPieces(sentence: string, spans: readonly { start: number; end: number }[]): Piece[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(sentence.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const pieces: Piece[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) pieces.push({ text: sentence.slice(at, s.start), marked: false });
    pieces.push({ text: sentence.slice(s.start, s.end), marked: true });
    at = s.end;
  }
  if (at < sentence.length) pieces.push({ text: sentence.slice(at), marked: false });
  return pieces;
}
