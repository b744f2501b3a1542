// The scanner's document mode: the engine gets each HTML file as the content
// script sends a page (its window of blocks, title and date); --date
// overrides the date the page names; claims come back at passage offsets.
import { expect, test } from 'vitest';
import { parseScanArgs, UsageError } from '../../cli/args';
import { documentClaims } from '../../cli/document-scan';
import type { ScannedDocument } from '../../cli/documents';
import type { Claim, DocumentInput } from '../../lib/contract';
import { htmlToDocument } from '../../lib/html/passages';

const HTML = `<!doctype html><html><head><title>Arrivals</title>
<meta property="article:published_time" content="2026-03-04T08:00:00Z"></head><body>
<h1>At the border</h1><p>Weather on Monday was mild.</p><p>The agency releases its counts monthly.</p>
<p>Border agents encountered 152,057 unaccompanied children in fiscal 2022.</p><p>After it, a closing line.</p></body></html>`;

const doc: ScannedDocument = { file: 'a.html', ...htmlToDocument(HTML) };

function recording() {
  const seen: DocumentInput[] = [];
  const find = (input: DocumentInput) => {
    seen.push(input);
    // One claim on the word "152,057" wherever a block holds it.
    return input.blocks.map((b) => {
      const at = b.text.indexOf('152,057');
      return at < 0 ? [] : [{ text: '152,057', start: at, end: at + 7 } as Claim];
    });
  };
  return { seen, find };
}

test('the engine gets the window, title and page date; claims come back on their passage', () => {
  const { seen, find } = recording();
  const claims = documentClaims(doc, { findClaimsInDocument: find, sensitivity: 'balanced' });
  expect(seen).toHaveLength(1);
  expect(seen[0]).toEqual({
    title: 'Arrivals',
    date: '2026-03-04',
    blocks: [
      { text: 'At the border', kind: 'heading', level: 1 },
      { text: 'Weather on Monday was mild.', kind: 'paragraph' },
      { text: 'The agency releases its counts monthly.', kind: 'paragraph' },
      { text: 'Border agents encountered 152,057 unaccompanied children in fiscal 2022.', kind: 'paragraph' },
    ],
  });
  expect(claims).toHaveLength(1);
  expect(claims[0]!.passage).toBe(3);
  expect(claims[0]!.passageText.slice(claims[0]!.start, claims[0]!.end)).toBe('152,057');
});

test('--date overrides the page date; a bad date is a usage error', () => {
  const { seen, find } = recording();
  documentClaims(doc, { findClaimsInDocument: find, sensitivity: 'balanced', date: '2025-12-31' });
  expect(seen[0]!.date).toBe('2025-12-31');
  expect(parseScanArgs(['--date', '2025-12-31', 'a.html']).date).toBe('2025-12-31');
  expect(parseScanArgs(['--date=2024-02-29', 'a.html']).date).toBe('2024-02-29');
  for (const bad of [['--date', '2025-02-30', 'a.html'], ['--date', 'yesterday', 'a.html'], ['--date'], ['--jsonl', '--date', '2025-01-01']]) {
    expect(() => parseScanArgs(bad)).toThrow(UsageError);
  }
});
