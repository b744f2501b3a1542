// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test } from 'vitest';
import { metricLine } from '../../components/claim-words';
import { compact, markPieces, shortPeriod } from '../../components/figures';
import { CaveatsSection, ConflationLine, FigureSection, UncertainSection, WhySection } from '../../components/popup-sections';
import type { Claim, Comparison } from '../../lib/contract';
import type { MetricSummary, PresentationHints, SeriesPoint } from '../../lib/messages';

const SENTENCE = 'Officials <b>said</b> the agency lost track of 85,000 migrant children in FY2021.';
const at = SENTENCE.indexOf('85,000');
const OFFSET = 100; // the sentence starts 100 characters into its passage

const comparison: Comparison = {
  figureId: 'calls-fy2021',
  measure: 'calls',
  label: 'Released children the office could not reach by phone',
  value: '84,000',
  number: 84_000,
  unit: 'count',
  period: 'FY2021',
  periodFrom: '2020-10-01',
  periodTo: '2021-09-30',
  publisher: 'Office',
  title: 'Report',
  url: 'https://example.org/report',
  samePeriod: true,
  periodMatch: 'same',
  statement: 'Official figure for the same period (FY2021).',
};

const claim: Claim = {
  text: '85,000 migrant children',
  start: OFFSET + at,
  end: OFFSET + at + 23,
  number: { raw: '85,000', value: 85_000, low: null, high: null, unit: 'count' },
  predicate: 'missing',
  metric: 'orr_lost_contact',
  confidence: 0.9,
  conflation: { says: 'missing', counts: 'Follow-up calls that went unanswered.', words: 'lost track of' },
  caveats: ['First caveat.', 'Second caveat.', 'Third caveat.', 'Fourth caveat.'],
  source: null,
  metricName: 'ORR follow-up calls not answered',
  rules: ['predicate.missing', 'metric.orr'],
  sensitivity: 'balanced',
  sentence: { text: SENTENCE, start: OFFSET },
  reasons: [
    { phrase: 'lost track of', start: OFFSET + SENTENCE.indexOf('lost track of'), end: OFFSET + SENTENCE.indexOf('lost track of') + 13, feature: 'cue.lost-track', weight: 1.4 },
    { phrase: '<b>said</b>', start: OFFSET + 10, end: OFFSET + 21, feature: 'cue.said', weight: 0.2 },
    { phrase: 'FY2021', start: OFFSET + SENTENCE.indexOf('FY2021'), end: OFFSET + SENTENCE.indexOf('FY2021') + 6, feature: 'cue.fy', weight: -0.3 },
  ],
  period: { raw: 'FY2021', start: OFFSET + SENTENCE.indexOf('FY2021'), end: OFFSET + SENTENCE.indexOf('FY2021') + 6, kind: 'fiscal_year', from: '2020-10-01', to: '2021-09-30' },
  comparison,
};

const summary = (shortName: string, counts: string): MetricSummary => ({ shortName, name: shortName, counts, notCounts: 'x', tooltip: 'x' });
const HINTS: PresentationHints = { uncertainBelow: 0.6, alternativesShown: 3, caveatsShown: 2 };
const others = { cbp_uac_encounters: summary('CBP encounters', 'Border encounters of children.') };

let root: HTMLElement;
function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('uncertainty', () => {
  const unsure: Claim = {
    ...claim,
    alternatives: [
      { metric: 'orr_lost_contact', probability: 0.55 },
      { metric: 'cbp_uac_encounters', probability: 0.3 },
      { metric: 'other', probability: 0.15 },
    ],
  };

  test('below the level, the likely datasets with their probabilities and what each would count', () => {
    const el = mount(<UncertainSection claim={unsure} metric={summary('ORR calls', 'Unanswered calls.')} ctx={{ others, hints: HINTS }} />);
    expect(el.querySelector('.probably')?.textContent).toBe('Metric Lens is not sure. Probably ORR calls (55%), possibly CBP encounters (30%).');
    const items = [...el.querySelectorAll('.likely li')].map((li) => li.textContent);
    expect(items).toEqual(['ORR calls (55%): the number would count unanswered calls.', 'CBP encounters (30%): the number would count border encounters of children.']);
    expect(metricLine(unsure, 'ORR calls', { others, hints: HINTS })).toBe('Probably ORR calls (55%), possibly CBP encounters (30%)');
  });

  test('above the level, or without the levels, nothing is said', () => {
    const sure: Claim = { ...unsure, alternatives: [{ metric: 'orr_lost_contact', probability: 0.8 }] };
    expect(mount(<UncertainSection claim={sure} ctx={{ others, hints: HINTS }} />).querySelector('.uncertain')).toBeNull();
    expect(metricLine(sure, 'ORR calls', { others, hints: HINTS })).toBe('ORR calls');
    expect(metricLine(unsure, 'ORR calls', { others })).toBe('ORR calls');
  });

  test('without a distribution, a low confidence still says "probably"', () => {
    const low: Claim = { ...claim, confidence: 0.5 };
    expect(metricLine(low, 'ORR calls', { hints: HINTS })).toBe('Probably ORR calls (50%)');
  });
});

describe('why this metric', () => {
  test('the deciding phrases are marked in the sentence, which stays text', () => {
    const el = mount(<WhySection claim={claim} />);
    const marks = [...el.querySelectorAll('.why-sentence mark')].map((m) => m.textContent);
    expect(marks).toEqual(['<b>said</b>', 'lost track of']);
    expect(el.querySelector('.why-sentence')?.textContent).toBe(SENTENCE);
    expect(el.querySelector('.why-sentence b')).toBeNull();
    expect(el.querySelector('.why-words')?.textContent).toContain('Against it: “FY2021”.');
    // Rule ids stay out of the plain section.
    expect(el.textContent).not.toContain('cue.lost-track');
  });

  test('without reasons, the number and the words that say what happened are marked', () => {
    const el = mount(<WhySection claim={{ ...claim, reasons: undefined }} />);
    expect([...el.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['lost track of', '85,000 migrant children']);
  });
});

describe('caveats and conflation', () => {
  test('two caveats shown, the rest behind a real button that says whether it is open', () => {
    const el = mount(<CaveatsSection caveats={claim.caveats} shown={2} />);
    const button = el.querySelector('button.more') as HTMLButtonElement;
    const more = el.querySelector('#ml-more-caveats') as HTMLElement;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe('ml-more-caveats');
    expect(more.hidden).toBe(true);
    expect([...more.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Third caveat.', 'Fourth caveat.']);
    act(() => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(more.hidden).toBe(false);
    expect(mount(<CaveatsSection caveats={claim.caveats.slice(0, 2)} shown={2} />).querySelector('button')).toBeNull();
  });

  test('the conflation speaks of this sentence’s words', () => {
    const el = mount(<ConflationLine conflation={claim.conflation!} />);
    expect(el.textContent).toBe('Not the same thing. This sentence says “lost track of”; the figure counts follow-up calls that went unanswered.');
  });
});

describe('the official figure and its series', () => {
  const points: SeriesPoint[] = [2019, 2020, 2021, 2022].map((y, i) => ({
    figureId: `calls-fy${y}`,
    period: `FY${y}`,
    from: `${y - 1}-10-01`,
    to: `${y}-09-30`,
    number: [30_000, 52_000, 84_000, 61_000][i]!,
    value: ['30,000', '52,000', '84,000', '61,000'][i]!,
    unit: 'count',
  }));

  test('the figure, its label and period statement, and a chart with the claim marked and a table behind a button', () => {
    const el = mount(<FigureSection claim={claim} metric={{ ...summary('ORR calls', 'x'), series: { calls: points } }} />);
    expect(el.querySelector('.figure-label')?.textContent).toBe(comparison.label);
    expect(el.querySelector('.figure-match')?.textContent).toBe(comparison.statement);
    const svg = el.querySelector('svg[role="img"]')!;
    const label = svg.getAttribute('aria-label')!;
    for (const p of points) expect(label).toContain(`${p.period}: ${p.value}`);
    expect(label).toContain('The claim’s 85,000 is drawn as a dashed line.');
    expect(el.querySelectorAll('.chart-bar')).toHaveLength(4);
    expect(el.querySelectorAll('.chart-bar.focus')).toHaveLength(1);
    expect(el.querySelector('.chart-bar.focus .chart-period')?.textContent).toBe('FY21');
    expect(el.querySelector('.chart-claim')).not.toBeNull();
    const table = el.querySelector('table') as HTMLElement;
    const toggle = el.querySelector('figcaption button') as HTMLButtonElement;
    expect(table.hidden).toBe(true);
    act(() => toggle.click());
    expect(table.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect([...table.querySelectorAll('tbody tr')].map((r) => r.textContent)).toEqual(points.map((p) => `${p.period}${p.value}`));
  });

  test('a long series labels the compared figure, the first and the last; the table has all', () => {
    const many: SeriesPoint[] = Array.from({ length: 12 }, (_, i) => ({
      figureId: `fy${2011 + i}`, period: `FY${2011 + i}`, from: `${2010 + i}-10-01`, to: `${2011 + i}-09-30`, number: 1000 * (i + 1), value: `${i + 1},000`, unit: 'count',
    }));
    const el = mount(<FigureSection claim={{ ...claim, comparison: { ...comparison, figureId: 'fy2016', measure: 'calls' } }} metric={{ ...summary('ORR calls', 'x'), series: { calls: many } }} />);
    expect([...el.querySelectorAll('.chart-period')].map((t) => t.textContent)).toEqual(['FY11', 'FY16', 'FY22']);
    expect([...el.querySelectorAll('.chart-value')].map((t) => t.textContent)).toEqual(['6k']);
    expect(el.querySelectorAll('.chart-bar')).toHaveLength(12);
    expect(el.querySelectorAll('tbody tr')).toHaveLength(12);
  });

  test('no figure in the claim’s unit: said plainly, nothing else shown', () => {
    const share: Claim = { ...claim, number: { raw: '40%', value: 40, low: null, high: null, unit: 'percent' }, comparison: null };
    const el = mount(<FigureSection claim={share} />);
    expect(el.querySelector('.figure-none')?.textContent).toContain('a percentage');
    expect(el.querySelector('svg')).toBeNull();
  });

  test('where the engine says why no figure is shown, its reason is shown instead of the unit line', () => {
    const reason = 'This number is a change between two times, not a level.';
    const el = mount(<FigureSection claim={{ ...claim, comparison: null, noFigure: reason }} />);
    expect(el.querySelector('.figure-none')?.textContent).toBe(reason);
  });

  test('a figure not checked on its publisher’s page carries its note under the source, and only then', () => {
    const note = 'Not checked on the publisher’s page; the value is as a newspaper reports it.';
    const noted = mount(<FigureSection claim={{ ...claim, comparison: { ...claim.comparison!, sourceNote: note } }} />);
    expect(noted.querySelector('.source-check')?.textContent).toBe(note);
    const plain = mount(<FigureSection claim={claim} />);
    expect(plain.querySelector('.source-check')).toBeNull();
  });

  test('labels and marks in words', () => {
    expect(shortPeriod('2018-10-01', '2019-09-30')).toBe('FY19');
    expect(shortPeriod('2021-03-01', '2021-03-31')).toBe('Mar ’21');
    expect(shortPeriod('2022-01-01', '2022-12-31')).toBe('2022');
    expect(shortPeriod('2010-01-01', '2020-12-31')).toBe('10–20');
    expect(shortPeriod('2025-01-20', '2025-09-18')).toBe('Sep ’25');
    expect(compact(1_734_686, 'count')).toBe('1.7M');
    expect(compact(68_541, 'count')).toBe('69k');
    expect(compact(0.33, 'ratio')).toBe('33%');
    expect(compact(13e9, 'usd')).toBe('$13B');
    expect(markPieces('abcdef', [{ start: 3, end: 5 }, { start: 1, end: 4 }])).toEqual([
      { text: 'a', marked: false },
      { text: 'bcde', marked: true },
      { text: 'f', marked: false },
    ]);
  });
});
