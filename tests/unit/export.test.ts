import { describe, expect, test } from 'vitest';
import { Claim } from '../../lib/contract';
import {
  CSV_COLUMNS,
  claimsToCsv,
  claimsToJson,
  csvField,
  exportFileName,
  neutralizeCell,
  type ClaimsExport,
} from '../../lib/export';

const claim = (over: Partial<Claim> = {}): Claim =>
  Claim.parse({
    text: '85,000 migrant children',
    start: 10,
    end: 33,
    number: { raw: '85,000', value: 85000, low: 85000, high: 85000, unit: 'count' },
    predicate: 'missing',
    metric: 'orr_lost_contact',
    confidence: 0.9,
    conflation: { says: 'missing', counts: 'Follow-up calls to sponsors that went unanswered, "not" children.' },
    caveats: ['A call not answered, not a missing child.', 'Calls are voluntary.'],
    source: { publisher: 'HHS OIG', title: 'Report, 2024', period: 'FY2019–FY2023', value: '85,000', url: 'https://oig.hhs.gov/x' },
    metricName: 'ORR follow-up calls, unanswered',
    rules: ['cue.orr', 'anchor.85k'],
    sensitivity: 'balanced',
    ...over,
  });

/** A strict RFC 4180 reader, to check that the writer's output reads back as written. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

const data = (claims: Claim[]): ClaimsExport => ({
  url: 'https://news.example.com/a?b=1',
  exportedAt: '2025-06-01T10:20:30.456Z',
  claims,
});

describe('neutralising spreadsheet formulas', () => {
  test.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['85,000 children', '85,000 children'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(neutralizeCell(input)).toBe(output);
  });

  test('fields are quoted when they hold commas, quotes, line breaks or edge spaces; numbers stay numbers', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0.75)).toBe('0.75');
    expect(csvField(NaN)).toBe('');
    expect(csvField(null)).toBe('');
  });
});

describe('CSV export', () => {
  test('a header and one row per claim, read back field for field', () => {
    const hostile = claim({ text: '=cmd|" /C calc"!A0, 300,000 children\r\ntrafficked', start: 40, end: 90 });
    const csv = claimsToCsv(data([claim(), hostile]));
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);

    const first = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(first).toMatchObject({
      page_url: 'https://news.example.com/a?b=1',
      exported_at: '2025-06-01T10:20:30.456Z',
      index: '1',
      text: '85,000 migrant children',
      start: '10',
      number_value: '85000',
      metric: 'orr_lost_contact',
      conflation_counts: 'Follow-up calls to sponsors that went unanswered, "not" children.',
      caveats: 'A call not answered, not a missing child. | Calls are voluntary.',
      source_url: 'https://oig.hhs.gov/x',
      rules: 'cue.orr anchor.85k',
    });
    const second = rows[2]!;
    expect(second[CSV_COLUMNS.indexOf('text')]).toBe(`'=cmd|" /C calc"!A0, 300,000 children\r\ntrafficked`);
  });

  test('no cell of the file starts a formula', () => {
    const evil = claim({
      text: '@evil',
      metricName: '+danger',
      caveats: ['-x'],
      rules: ['=y'],
      conflation: null,
      source: { publisher: '=p', title: '\tt', period: '@q', value: '-1', url: '+u' },
    });
    const rows = readCsv(claimsToCsv({ ...data([evil]), url: '=http://x' }));
    for (const cell of rows[1]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test('no claims: the header only', () => {
    expect(claimsToCsv(data([]))).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('JSON export', () => {
  test('holds the page URL, the time and the Claim objects unchanged', () => {
    const claims = [claim(), claim({ metric: 'smuggling_fees', conflation: null, source: null })];
    const parsed = JSON.parse(claimsToJson(data(claims)));
    expect(parsed.url).toBe('https://news.example.com/a?b=1');
    expect(parsed.exportedAt).toBe('2025-06-01T10:20:30.456Z');
    expect(parsed.count).toBe(2);
    expect(parsed.claims.map((c: unknown) => Claim.parse(c))).toEqual(claims);
  });
});

test('file names are safe and say where and when', () => {
  expect(exportFileName('https://News.Example.com/x', '2025-06-01T10:20:30.456Z', 'csv')).toBe(
    'metric-lens-news.example.com-2025-06-01T10-20-30.csv',
  );
  expect(exportFileName('not a url', '2025-06-01T10:20:30Z', 'json')).toBe('metric-lens-page-2025-06-01T10-20-30.json');
  expect(exportFileName('http://[::1]:8080/', '2025-06-01T10:20:30Z', 'json')).toBe('metric-lens-_1_-2025-06-01T10-20-30.json');
});
