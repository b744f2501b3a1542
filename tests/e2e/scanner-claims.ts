// The scanner's claims for an HTML page (cli/document-scan.ts): what the
// content script must paint, in any browser, for the same page.
import { documentClaims } from '../../cli/document-scan';
import type { Claim, Sensitivity } from '../../lib/contract';
import { findClaimsInDocument } from '../../lib/engine/document';
import { htmlToDocument } from '../../lib/html/passages';

export function scannerClaims(html: string, sensitivity: Sensitivity = 'balanced'): Claim[] {
  return documentClaims({ file: 'page.html', ...htmlToDocument(html) }, { findClaimsInDocument, sensitivity });
}
