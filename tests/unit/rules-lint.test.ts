// Lint for the metric knowledge base (rules/metrics.json). The lint is a pure
// function over unknown data, run on the shipped file and on broken copies, so
// every rule is shown to catch what it is meant to catch.
import { describe, expect, test } from 'vitest';
import { METRIC_IDS, PREDICATE_IDS, type MetricId } from '../../lib/contract';
import { FAMILY_OF, METRICS, metricById, parseMetricBase, seriesOf } from '../../rules/index';
import shipped from '../../rules/metrics.json';
import { MetricBase, type Family } from '../../rules/schema';

/** Families as the brief assigns them to contract metrics. */
const EXPECTED_FAMILY: Record<MetricId, Family> = {
  cbp_uac_encounters: 'border',
  cbp_total_encounters: 'border',
  orr_referrals_releases: 'custody',
  orr_lost_contact: 'custody',
  oig_ice_monitoring: 'custody',
  children_located: 'custody',
  law_enforcement_cases: 'enforcement',
  victim_identifications: 'enforcement',
  hotline_reports: 'enforcement',
  global_estimates: 'estimates',
  detected_victim_shares: 'estimates',
  survey_estimates: 'estimates',
  smuggling_fees: 'money',
  smuggling_revenue: 'money',
  fraudulent_family_units: 'other',
  labor_violations: 'other',
  unsourced: 'other',
  other: 'other',
};

const MARKUP = /[<>]|&(?:[a-z]+|#\d+|#x[\da-f]+);/i;
/** Sentence ends inside a text, ignoring the abbreviation "U.S.". */
const INNER_SENTENCE_END = /[.!?]\s+[A-Z]/;

function textFields(value: unknown, path: string, out: Array<[string, string]>): void {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => textFields(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) textFields(v, path ? `${path}.${k}` : k, out);
  }
}

/** Every problem found in metric data, as readable messages; [] means clean. */
function lintMetricBase(data: unknown): string[] {
  const parsed = MetricBase.safeParse(data);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => `schema: ${i.path.join('.')}: ${i.message}`);
  }
  const problems: string[] = [];
  const { metrics } = parsed.data;

  const ids = metrics.map((m) => m.id);
  if (ids.join(',') !== METRIC_IDS.join(',')) {
    const missing = METRIC_IDS.filter((id) => !ids.includes(id));
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    problems.push(
      `order: metrics must be one per MetricId in contract order; missing [${missing.join(', ')}], repeated [${repeated.join(', ')}]`,
    );
  }

  const figureIds = new Set<string>();
  for (const m of metrics) {
    const where = `metric ${m.id}`;
    if (m.family !== EXPECTED_FAMILY[m.id]) {
      problems.push(`family: ${where} is "${m.family}", expected "${EXPECTED_FAMILY[m.id]}"`);
    }
    if (!m.counts.endsWith('.') || INNER_SENTENCE_END.test(m.counts.replaceAll('U.S.', 'US'))) {
      problems.push(`counts: ${where} must be one sentence ending with a full stop`);
    }
    if (/[\n.]$/.test(m.tooltip) || m.tooltip.includes('\n') || m.tooltip.length > 100) {
      problems.push(`tooltip: ${where} must be one short line without a final full stop`);
    }
    // A caveat ruled out only beside some series' figures is still a general one.
    const always = m.caveats.filter((c) => !c.when || Object.keys(c.when).every((k) => k === 'unlessMeasures'));
    if (always.length < 2 || always.length > 5 || m.caveats.some((c) => !c.text.endsWith('.'))) {
      problems.push(`caveats: ${where} needs 2 to 5 that always apply, each ending with a full stop`);
    }
    const preds = m.faithfulPredicates;
    if (preds.length === 0 || new Set(preds).size !== preds.length) {
      problems.push(`predicates: ${where} needs faithful predicates without repeats`);
    }
    for (const p of preds) {
      if (!(PREDICATE_IDS as readonly string[]).includes(p)) problems.push(`predicates: ${where} has unknown "${p}"`);
    }

    for (const f of m.figures) {
      const fig = `figure ${f.id}`;
      if (figureIds.has(f.id)) problems.push(`figure ids: ${fig} is used more than once`);
      figureIds.add(f.id);
      let protocol = '';
      try {
        protocol = new URL(f.url).protocol;
      } catch {
        // the schema already rejects unparsable URLs; keep protocol empty
      }
      if (protocol !== 'https:') problems.push(`url: ${fig} must use https (${f.url})`);
      if (!f.date) problems.push(`date: ${fig} has no date`);
      if (f.unit === 'percent' && f.number !== null && (f.number < 0 || f.number > 100)) {
        problems.push(`number: ${fig} is a percentage outside 0-100`);
      }
      if (f.unit === 'ratio' && f.number !== null && (f.number < 0 || f.number > 1)) {
        problems.push(`number: ${fig} is a ratio outside 0-1`);
      }
    }
  }

  const texts: Array<[string, string]> = [];
  textFields(data, '', texts);
  for (const [path, text] of texts) {
    if (MARKUP.test(text)) problems.push(`markup: ${path} contains HTML-like markup`);
  }
  return problems;
}

type Draft = { metrics: Array<Record<string, unknown> & { figures: Array<Record<string, unknown>> }> };
const copy = (): Draft => structuredClone(shipped) as unknown as Draft;
const metricAt = (d: Draft, id: MetricId) => d.metrics.find((m) => m.id === id)!;
const figureAt = (d: Draft, id: string) => d.metrics.flatMap((m) => m.figures).find((f) => f.id === id)!;

describe('rules/metrics.json', () => {
  test('passes the lint with no problems', () => {
    expect(lintMetricBase(shipped)).toEqual([]);
  });

  test('has one entry per contract metric, in contract order, each with a source for every figure', () => {
    expect(METRICS.metrics.map((m) => m.id)).toEqual([...METRIC_IDS]);
    const withFigures = METRICS.metrics.filter((m) => m.figures.length > 0).map((m) => m.id);
    // Only the catch-all for unsourced figures has nothing official to compare with.
    expect(METRIC_IDS.filter((id) => !withFigures.includes(id))).toEqual(['unsourced']);
  });

  test('faithful predicates keep the contract distinctions that conflations rely on', () => {
    expect(metricById('orr_lost_contact').faithfulPredicates).not.toContain('missing');
    expect(metricById('oig_ice_monitoring').faithfulPredicates).not.toContain('missing');
    expect(metricById('children_located').faithfulPredicates).not.toContain('trafficked');
    expect(metricById('cbp_uac_encounters').faithfulPredicates).not.toContain('trafficked');
    expect(metricById('smuggling_revenue').faithfulPredicates).not.toContain('trafficked');
    expect(metricById('global_estimates').faithfulPredicates).toContain('trafficked');
    expect(metricById('hotline_reports').faithfulPredicates).toEqual(['reports', 'other']);
  });
});

describe('rules/index.ts', () => {
  test('metricById and FAMILY_OF cover every metric', () => {
    for (const id of METRIC_IDS) {
      expect(metricById(id).id).toBe(id);
      expect(FAMILY_OF[id]).toBe(EXPECTED_FAMILY[id]);
    }
    expect(() => metricById('nope' as MetricId)).toThrow(/rules\/metrics\.json has no entry for metric "nope"/);
  });

  test('parseMetricBase names the path and the field when data is invalid', () => {
    const broken = copy();
    metricAt(broken, 'orr_lost_contact').tooltip = '';
    expect(() => parseMetricBase(broken)).toThrow(/rules\/metrics\.json is invalid[\s\S]*tooltip/);
    expect(() => parseMetricBase({ version: 1, metrics: [] }, 'pack.json')).toThrow(/pack\.json: no entry for metric/);
    const doubled = copy();
    doubled.metrics.push(structuredClone(doubled.metrics[0]!));
    expect(() => parseMetricBase(doubled)).toThrow(/repeats metric "cbp_uac_encounters"/);
  });
});

describe('lintMetricBase catches each kind of defect', () => {
  const lintOf = (mutate: (d: Draft) => void): string[] => {
    const d = copy();
    mutate(d);
    return lintMetricBase(d);
  };

  test('schema violations', () => {
    expect(lintOf((d) => (metricAt(d, 'other').family = 'weather'))).toEqual([
      expect.stringMatching(/^schema: metrics\.17\.family/),
    ]);
    expect(lintOf((d) => (metricAt(d, 'labor_violations').figures[0]!.date = 'October 2023'))[0]).toMatch(/^schema: .*date/);
  });

  test('missing, repeated or reordered metrics', () => {
    expect(lintOf((d) => d.metrics.reverse())).toContainEqual(expect.stringMatching(/^order:/));
    expect(lintOf((d) => d.metrics.pop())).toContainEqual(expect.stringMatching(/missing \[other\]/));
    expect(lintOf((d) => (d.metrics[1]!.id = 'cbp_uac_encounters'))).toContainEqual(
      expect.stringMatching(/repeated \[cbp_uac_encounters\]/),
    );
  });

  test('a metric in the wrong family', () => {
    expect(lintOf((d) => (metricAt(d, 'smuggling_fees').family = 'border'))).toEqual([
      'family: metric smuggling_fees is "border", expected "money"',
    ]);
  });

  test('figure ids reused across metrics', () => {
    const problems = lintOf((d) => (metricAt(d, 'smuggling_revenue').figures[0]!.id = 'ap-2014-fee'));
    expect(problems).toEqual(['figure ids: figure ap-2014-fee is used more than once']);
  });

  test('a figure without https', () => {
    const problems = lintOf((d) => (figureAt(d, 'nhth-2007-2018-cases').url = 'http://example.org/report'));
    expect(problems).toEqual([expect.stringMatching(/^url: figure nhth-2007-2018-cases must use https/)]);
  });

  test('empty, repeated or unknown faithful predicates', () => {
    expect(lintOf((d) => (metricAt(d, 'orr_lost_contact').faithfulPredicates = []))).toEqual([
      'predicates: metric orr_lost_contact needs faithful predicates without repeats',
    ]);
    expect(lintOf((d) => (metricAt(d, 'orr_lost_contact').faithfulPredicates = ['other', 'other']))).toEqual([
      'predicates: metric orr_lost_contact needs faithful predicates without repeats',
    ]);
    expect(lintOf((d) => (metricAt(d, 'orr_lost_contact').faithfulPredicates = ['kidnapped']))[0]).toMatch(
      /^schema: .*faithfulPredicates/,
    );
  });

  test('HTML-like markup in any text field', () => {
    expect(lintOf((d) => (metricAt(d, 'unsourced').tooltip = 'No <b>public</b> dataset'))).toEqual([
      'markup: metrics[16].tooltip contains HTML-like markup',
    ]);
    expect(lintOf((d) => (metricAt(d, 'other').figures[0]!.label = 'Minors &amp; adults'))).toEqual([
      'markup: metrics[17].figures[0].label contains HTML-like markup',
    ]);
  });

  test('text shape: one-sentence counts, one-line tooltip, 2 to 5 caveats that always apply', () => {
    expect(lintOf((d) => (metricAt(d, 'other').counts = 'A figure. Another sentence.'))).toEqual([
      'counts: metric other must be one sentence ending with a full stop',
    ]);
    expect(lintOf((d) => (metricAt(d, 'other').tooltip = 'Ends with a stop.'))).toEqual([
      'tooltip: metric other must be one short line without a final full stop',
    ]);
    expect(lintOf((d) => (metricAt(d, 'other').caveats = [{ id: 'other.only', text: 'Only one.' }]))).toEqual([
      'caveats: metric other needs 2 to 5 that always apply, each ending with a full stop',
    ]);
    const conditional = { id: 'other.x', text: 'Applies to money only.', when: { units: ['usd'] } };
    expect(lintOf((d) => (metricAt(d, 'other').caveats = [{ id: 'other.only', text: 'Only one.' }, conditional]))).toEqual([
      'caveats: metric other needs 2 to 5 that always apply, each ending with a full stop',
    ]);
    expect(lintOf((d) => ((metricAt(d, 'other').caveats as Array<{ text: string }>)[0]!.text = 'No full stop'))).toEqual([
      'caveats: metric other needs 2 to 5 that always apply, each ending with a full stop',
    ]);
  });

  test('numbers that do not fit their unit', () => {
    expect(lintOf((d) => (figureAt(d, 'glotip-2018-children').number = 130))).toEqual([
      'number: figure glotip-2018-children is a percentage outside 0-100',
    ]);
    expect(lintOf((d) => (figureAt(d, 'ncmec-2022-runaways').number = 6))).toEqual([
      'number: figure ncmec-2022-runaways is a ratio outside 0-1',
    ]);
  });
});

describe('seriesOf', () => {
  test("returns one measure's figures ordered by the start of their period", () => {
    const series = seriesOf('cbp_uac_encounters', 'usbp-uac-swb');
    expect(series.length).toBeGreaterThanOrEqual(3);
    expect(series.every((f) => f.measure === 'usbp-uac-swb')).toBe(true);
    const starts = series.map((f) => f.periodStart);
    expect(starts).toEqual([...starts].sort());
    // Figures of another measure in the same metric stay out.
    expect(series.map((f) => f.id)).not.toContain('cbp-uac-fy2022-all');
  });

  test('an unknown measure has no series', () => {
    expect(seriesOf('cbp_uac_encounters', 'no-such-measure')).toEqual([]);
  });
});
