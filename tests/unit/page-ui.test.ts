import { describe, expect, test } from 'vitest';
import { placeClear } from '../../components/position';
import { asClause, keyLine, safeHref } from '../../components/claim-words';
import { readAnalyzeReply, readPageSettings, readPopupRequest } from '../../entrypoints/content/inbox';
import type { Claim } from '../../lib/contract';

const claim: Claim = {
  text: '85,000 migrant children',
  start: 18,
  end: 41,
  number: { raw: '85,000', value: 85000, low: 85000, high: 85000, unit: 'count' },
  predicate: 'missing',
  metric: 'orr_lost_contact',
  confidence: 0.9,
  conflation: { says: 'missing', counts: 'Follow-up calls to sponsors that went unanswered' },
  caveats: ['An unanswered call does not mean a missing child.'],
  source: { publisher: 'HHS', title: 'Report', period: 'FY2021-2023', value: '85,000', url: 'https://example.org/r' },
  metricName: 'ORR follow-up calls not answered',
  rules: ['predicate.missing'],
  sensitivity: 'balanced',
};

describe('placeClear, for a popup of ordinary size', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 300, height: 200 };
  const at = (p: ReturnType<typeof placeClear>) => ({ top: p.top, left: p.left });
  test('goes on the preferred side when it fits', () => {
    expect(at(placeClear({ top: 400, left: 100, width: 80, height: 20 }, size, viewport, 'below'))).toEqual({ top: 428, left: 100 });
    expect(at(placeClear({ top: 400, left: 100, width: 80, height: 20 }, size, viewport, 'above'))).toEqual({ top: 192, left: 100 });
  });
  test('flips when the preferred side has no room, and stays inside the viewport', () => {
    expect(at(placeClear({ top: 700, left: 900, width: 80, height: 20 }, size, viewport, 'below'))).toEqual({ top: 492, left: 692 });
    expect(at(placeClear({ top: 50, left: -40, width: 80, height: 20 }, size, viewport, 'above'))).toEqual({ top: 78, left: 8 });
    // Anchor scrolled far off: the popup goes with its claim, below it, never over it.
    const off = placeClear({ top: -900, left: 10, width: 80, height: 20 }, size, viewport, 'below');
    expect(off.top).toBe(-900 + 20 + 8);
  });
});

describe('claim words', () => {
  test('the key line states the conflation, else the top caveat', () => {
    expect(keyLine(claim)).toBe('Says children are missing; counts follow-up calls to sponsors that went unanswered');
    expect(keyLine({ ...claim, conflation: null })).toBe(claim.caveats[0]);
    expect(keyLine({ ...claim, conflation: null, caveats: [] }, 'Tooltip line')).toBe('Tooltip line');
    expect(asClause('HHS calls')).toBe('HHS calls.');
  });
  test('only http(s) links become links', () => {
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});

describe('content-script message checks', () => {
  test('popup requests', () => {
    expect(readPopupRequest({ type: 'list-claims' })).toEqual({ type: 'list-claims' });
    expect(readPopupRequest({ type: 'focus-claim', index: 2 })).toEqual({ type: 'focus-claim', index: 2 });
    expect(readPopupRequest({ type: 'focus-claim', index: -1 })).toBeNull();
    expect(readPopupRequest({ type: 'focus-claim', index: '2' })).toBeNull();
    expect(readPopupRequest('list-claims')).toBeNull();
  });
  test('analyze replies keep valid claims and drop malformed ones', () => {
    const reply = readAnalyzeReply({
      results: [{ id: '0', claims: [claim, { ...claim, caveats: 'x' }, { ...claim, start: -1 }, null] }, { id: 1, claims: [] }],
      metrics: { orr_lost_contact: { shortName: 's', name: 'n', counts: 'c', notCounts: 'nc', tooltip: 't' }, bad: { name: 1 } },
    });
    expect(reply?.results).toEqual([{ id: '0', claims: [claim] }]);
    expect(Object.keys(reply?.metrics ?? {})).toEqual(['orr_lost_contact']);
    expect(readAnalyzeReply({ results: 'no' })).toBeNull();
    expect(readAnalyzeReply(undefined)).toBeNull();
  });
  test('page settings', () => {
    expect(readPageSettings({ active: true, highlightStyle: 'underline', analysisKey: 'k' })).toEqual({
      active: true,
      highlightStyle: 'underline',
      screenReaderMarks: false,
      analysisKey: 'k',
    });
    expect(readPageSettings({ active: true, highlightStyle: 'contrast', screenReaderMarks: true, analysisKey: 'k' })).toEqual({
      active: true,
      highlightStyle: 'contrast',
      screenReaderMarks: true,
      analysisKey: 'k',
    });
    expect(readPageSettings({ active: true, highlightStyle: 'blink', screenReaderMarks: 'yes', analysisKey: 'k' })).toMatchObject({
      highlightStyle: 'color',
      screenReaderMarks: false,
    });
    expect(readPageSettings({ active: 'yes', analysisKey: 'k' })).toBeNull();
  });
});
