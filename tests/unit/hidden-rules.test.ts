import { expect, test } from 'vitest';
import { htmlToPassages } from '../../lib/html/passages';

test('text hidden by a simple stylesheet rule is not read; rules under @media are left alone', () => {
  const html = `<html><head><style>
    /* a comment { display: none } */
    .sr-note, #gone { display: none }
    p.faded { visibility: hidden !important; }
    .kept { color: red }
    @media print { .print-hidden { display: none } }
  </style></head><body>
    <p>Visible one.</p>
    <p class="sr-note x">Hidden by class.</p>
    <div id="gone">Hidden by id.</div>
    <p class="faded">Hidden by tag and class.</p>
    <p class="kept">Kept.</p>
    <p class="print-hidden">Shown on screen.</p>
  </body></html>`;
  expect(htmlToPassages(html).passages).toEqual(['Visible one.', 'Kept.', 'Shown on screen.']);
});
