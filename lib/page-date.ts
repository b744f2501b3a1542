// A page's own publication date from the strings pages carry it in
// (<meta content>, <time datetime>, JSON-LD datePublished): ISO dates and
// date-times, with or without a time zone, and RFC 2822 dates. Pure, shared by
// the content script (lib/dom/page-date.ts) and the scanner.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const DIGITS_DAY = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "Tue, 01 Dec 2026 10:00:00 GMT", "1 December 2026", "December 1, 2026". */
const DAY_MONTH_YEAR = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})\b/i;
const MONTH_DAY_YEAR = /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/i;

function day(year: number, month: number, date: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || date < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (date > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * The calendar day (YYYY-MM-DD) a date string names, as written: the day of
 * the place of publication, so a time zone offset does not move it.
 */
export function dayOf(candidate: string | null | undefined): string | null {
  const text = (candidate ?? '').trim();
  if (!text) return null;
  const iso = ISO_DAY.exec(text) ?? DIGITS_DAY.exec(text);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return day(Number(dmy[3]), monthOf(dmy[2]!), Number(dmy[1]));
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) return day(Number(mdy[3]), monthOf(mdy[1]!), Number(mdy[2]));
  return null;
}

/** `datePublished` anywhere in parsed JSON-LD (an object, an array, an @graph), first found. */
export function jsonLdDatePublished(data: unknown, depth = 0): string | null {
  if (depth > 6 || typeof data !== 'object' || data === null) return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = jsonLdDatePublished(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = data as Record<string, unknown>;
  const own = record.datePublished;
  const value = Array.isArray(own) ? own[0] : own;
  if (typeof value === 'string' && dayOf(value)) return dayOf(value);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
    const found = jsonLdDatePublished(record[key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** A news address's date path: "/2018/05/21/", "/2001/sep/11/", "/2025/08/" (a month alone: its first day). */
const URL_DATE = /\/((?:19|20)\d\d)\/(0?[1-9]|1[0-2]|[a-z]{3})\/(?:(0?[1-9]|[12]\d|3[01])(?=[/_-]|\.html?|$))?/i;

/**
 * The day a page's address dates it by, as news sites write it into the path, or null. Read where the
 * page's own metadata names no date: an address's year and month are the publisher's own filing.
 */
export function dayFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = URL_DATE.exec(path);
  if (!m) return null;
  const month = /^\d+$/.test(m[2]!) ? Number(m[2]) : monthOf(m[2]!);
  return month > 0 ? day(Number(m[1]), month, m[3] ? Number(m[3]) : 1) : null;
}
