// The product's promise on ordinary news: the real pages of shared/fixtures/pages hold no
// child-trafficking claim, and the shipped model must find none there at strict or balanced,
// read as the scanner and the content script read a page (its blocks, windowed, as one document).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { documentClaims } from '../../cli/document-scan';
import { findClaimsInDocument } from '../../lib/engine/document';
import { htmlToDocument } from '../../lib/html/passages';
import { describeWithShared, sharedFile } from '../shared-data';

describeWithShared('claim-free fixture pages', ['fixtures/pages/'], () => {
  const dir = sharedFile('fixtures/pages');
  const files = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  const docs = files.map((file) => ({ file, ...htmlToDocument(readFileSync(join(dir, file), 'utf8')) }));

  for (const sensitivity of ['strict', 'balanced'] as const) {
    test(`no claim on ${files.length} real pages at ${sensitivity}`, () => {
      expect(files.length).toBeGreaterThan(50);
      const found = docs.flatMap((doc) =>
        documentClaims(doc, { findClaimsInDocument, sensitivity }).map((c) => `${doc.file}: “${c.text}” (${c.metric})`),
      );
      expect(found).toEqual([]);
    });
  }

  test('the same reading finds the claims of the demo article', () => {
    // Guards the check above against a reading that returns nothing at all.
    const demo = readFileSync(join(import.meta.dirname, '../../demo/article.html'), 'utf8');
    const claims = documentClaims({ file: 'article.html', ...htmlToDocument(demo) }, { findClaimsInDocument, sensitivity: 'balanced' });
    expect(claims.length).toBeGreaterThan(5);
    expect(docs.reduce((n, d) => n + d.blocks.length, 0)).toBeGreaterThan(1000);
  });
});
