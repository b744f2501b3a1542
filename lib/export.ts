// The claims on a page as JSON or CSV files, for the toolbar popup's export.
// Pure: data in, text out. Page text ends up in spreadsheets, so every text
// cell that a spreadsheet would read as a formula is neutralised.
import type { Claim } from './contract';

export interface ClaimsExport {
  /** The page the claims were found on. */
  url: string;
  /** ISO time of the export. */
  exportedAt: string;
  claims: Claim[];
}

export function claimsToJson(data: ClaimsExport): string {
  const { url, exportedAt, claims } = data;
  return `${JSON.stringify({ url, exportedAt, count: claims.length, claims }, null, 2)}\n`;
}

/** Characters that make Excel, LibreOffice or Sheets start a formula (or hide one after a tab or CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a quote so that a spreadsheet shows the cell as text instead of evaluating it. */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): numbers as they are, text neutralised and quoted when needed. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralizeCell(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  'page_url',
  'exported_at',
  'index',
  'text',
  'start',
  'end',
  'number_raw',
  'number_value',
  'number_low',
  'number_high',
  'unit',
  'predicate',
  'metric',
  'metric_name',
  'confidence',
  'conflation_says',
  'conflation_counts',
  'caveats',
  'source_publisher',
  'source_title',
  'source_period',
  'source_value',
  'source_url',
  'sensitivity',
  'rules',
] as const;

function row(data: ClaimsExport, claim: Claim, index: number): (string | number | null)[] {
  return [
    data.url,
    data.exportedAt,
    index + 1,
    claim.text,
    claim.start,
    claim.end,
    claim.number.raw,
    claim.number.value,
    claim.number.low,
    claim.number.high,
    claim.number.unit,
    claim.predicate,
    claim.metric,
    claim.metricName,
    claim.confidence,
    claim.conflation?.says ?? null,
    claim.conflation?.counts ?? null,
    claim.caveats.join(' | '),
    claim.source?.publisher ?? null,
    claim.source?.title ?? null,
    claim.source?.period ?? null,
    claim.source?.value ?? null,
    claim.source?.url ?? null,
    claim.sensitivity,
    claim.rules.join(' '),
  ];
}

/** A CSV file with a header line and one line per claim, CRLF line ends. */
export function claimsToCsv(data: ClaimsExport): string {
  const lines = [CSV_COLUMNS.join(',')];
  data.claims.forEach((claim, i) => lines.push(row(data, claim, i).map(csvField).join(',')));
  return `${lines.join('\r\n')}\r\n`;
}

/** "metric-lens-news.example.com-2025-06-01T10-20-30.csv": safe on every file system. */
export function exportFileName(url: string, exportedAt: string, extension: 'json' | 'csv'): string {
  let host = 'page';
  try {
    host = new URL(url).hostname || 'page';
  } catch {
    // not a URL: keep "page"
  }
  const safeHost = host.replace(/[^a-z0-9.-]+/gi, '_').slice(0, 80);
  const stamp = exportedAt.replace(/(?:\.\d+)?Z$/, '').replace(/[^0-9T]+/g, '-');
  return `metric-lens-${safeHost}-${stamp}.${extension}`;
}
