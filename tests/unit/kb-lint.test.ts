// Lint for the sourcing of the knowledge base: where figures come from, how their
// periods and series fit together, and whether caveats that state facts say where
// the facts come from. Like rules-lint, it is a pure function over unknown data,
// run on the shipped files and on broken copies.
import { describe, expect, test } from 'vitest';
import { HOSTS, hostEntryOf, parseHostList } from '../../rules/hosts';
import { seriesOf } from '../../rules/index';
import shippedHosts from '../../rules/hosts.json';
import shipped from '../../rules/metrics.json';
import { MetricBase, type HostList } from '../../rules/schema';

/** A publisher field that names who relayed the figure: "CBP (reported by NewsNation)". */
const NAMES_REPORTER = /\b(?:reported|quoted|cited|carried|reprinted|hosted|obtained|described|relayed|archived) by\b/i;
/** Words that bound a value from above ("nearly 130,000" is at most 130,000), from below, or loosely. */
const AT_MOST = /\b(?:nearly|almost|just under|under|less than|up to)\b/i;
const AT_LEAST = /\b(?:more than|over|at least)\b/i;
const ABOUT = /\b(?:about|around|roughly|some|approximately)\b/i;
/** How far "about" reaches, and how far "nearly" or "more than" may be from the stated number. */
const LOOSE = 0.05;
const ONE_SIDED = 0.1;

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** The numbers written in a value text: "$2 billion to $6 billion" → [2e9, 6e9]. */
export function numbersInValue(value: string): number[] {
  const out: number[] = [];
  for (const m of value.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion)?/gi)) {
    const n = Number(m[1]!.replaceAll(',', ''));
    out.push(n * (m[2] ? SCALE[m[2].toLowerCase()]! : 1));
  }
  return out;
}

/** A caveat states a fact when it has a number or a name (a capitalised word inside a sentence). */
function statesFact(text: string): boolean {
  if (/\d/.test(text)) return true;
  const words = text.split(/\s+/);
  return words.some((w, i) => i > 0 && /^[("'‘]?[A-Z]/.test(w) && !/[.!?]$/.test(words[i - 1]!));
}

/** The interval of numbers a stated value allows: "nearly 130,000" → [117,000, 130,000]. */
export function rangeOf(value: string, number: number): [number, number] {
  const ns = numbersInValue(value);
  if (ns.length === 2) return [ns[0]!, ns[1]!];
  if (AT_MOST.test(value)) return [number * (1 - ONE_SIDED), number];
  if (AT_LEAST.test(value)) return [number, number * (1 + ONE_SIDED)];
  if (ABOUT.test(value)) return [number * (1 - LOOSE), number * (1 + LOOSE)];
  return [number, number];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Every sourcing problem in metric data, as readable messages; [] means clean. */
function lintKnowledgeBase(data: unknown, hosts: HostList): string[] {
  const parsed = MetricBase.safeParse(data);
  if (!parsed.success) return parsed.error.issues.map((i) => `schema: ${i.path.join('.')}: ${i.message}`);
  const problems: string[] = [];
  const kindOf = new Map(hosts.hosts.map((h) => [h.host, h.kind]));
  const measureOwner = new Map<string, string>();
  const caveatIds = new Set<string>();

  for (const m of parsed.data.metrics) {
    for (const c of m.caveats) {
      if (caveatIds.has(c.id)) problems.push(`caveat ids: ${c.id} is used more than once`);
      caveatIds.add(c.id);
      if (statesFact(c.text) && !c.source) problems.push(`caveat source: ${c.id} states a fact but names no source`);
      if (c.source && !kindOf.has(hostOf(c.source.url))) {
        problems.push(`host: caveat ${c.id} cites ${hostOf(c.source.url)}, which is not on the allowlist`);
      }
      const w = c.when;
      if (w?.periodFrom && w.periodTo && w.periodFrom > w.periodTo) problems.push(`caveat period: ${c.id} ends before it starts`);
    }

    const lastOfMeasure = new Map<string, { start: string; end: string; id: string }>();
    for (const f of m.figures) {
      const fig = `figure ${f.id}`;
      for (const field of ['period', 'value', 'publisher', 'title', 'date', 'url'] as const) {
        if (!f[field].trim()) problems.push(`required: ${fig} has an empty ${field}`);
      }
      if (f.periodStart > f.periodEnd) problems.push(`period: ${fig} ends (${f.periodEnd}) before it starts (${f.periodStart})`);

      const kind = kindOf.get(hostOf(f.url));
      if (!kind) problems.push(`host: ${fig} cites ${hostOf(f.url)}, which is not on the allowlist`);
      else if (kind === 'archive') problems.push(`host: ${fig} cites an archive as its url; put the publisher's url first and the archive in "archive"`);
      else if ((kind === 'secondary' || kind === 'mirror') && !NAMES_REPORTER.test(f.publisher)) {
        problems.push(`publisher: ${fig} is cited from a ${kind} site (${hostOf(f.url)}) but its publisher does not say who reported it`);
      }
      if (f.sourceNote && kind === 'publisher') {
        problems.push(`source note: ${fig} cites the publisher's own page, so it needs no note on how it was checked`);
      }
      if (f.archive && kindOf.get(hostOf(f.archive)) !== 'archive') {
        problems.push(`host: ${fig} has an archive url on ${hostOf(f.archive)}, which is not a listed archive`);
      }

      if (f.number !== null && f.unit !== 'ratio') {
        const ns = numbersInValue(f.value);
        const fits = ns.length === 1 ? f.number === ns[0] : ns.length === 2 ? f.number >= ns[0]! && f.number <= ns[1]! : true;
        if (!fits) problems.push(`number: ${fig} has number ${f.number}, which does not match its value "${f.value}"`);
      }

      const owner = measureOwner.get(f.measure);
      if (owner && owner !== m.id) problems.push(`measure: ${f.measure} appears in both ${owner} and ${m.id}`);
      measureOwner.set(f.measure, m.id);

      const prev = lastOfMeasure.get(f.measure);
      if (prev) {
        const disjoint = f.periodStart > prev.end;
        // Running totals from one start date ("located since 20 January") share their start.
        const runningTotal = f.periodStart === prev.start && f.periodEnd > prev.end;
        if (f.periodStart < prev.start) problems.push(`series order: ${fig} starts before ${prev.id} in measure ${f.measure}`);
        else if (!disjoint && !runningTotal) problems.push(`series overlap: ${fig} overlaps ${prev.id} in measure ${f.measure}`);
      }
      lastOfMeasure.set(f.measure, { start: f.periodStart, end: f.periodEnd, id: f.id });
    }
  }

  // Contradictions: one measure and one period must not carry two different numbers.
  const all = parsed.data.metrics.flatMap((m) => m.figures);

  // In a series that cites the publisher for some points, a point taken from a news outlet or a
  // mirror says why (sourceNote), so the chart does not pass it off as the publisher's own.
  const publisherMeasures = new Set(all.filter((f) => kindOf.get(hostOf(f.url)) === 'publisher').map((f) => f.measure));
  for (const f of all) {
    const kind = kindOf.get(hostOf(f.url));
    if ((kind === 'secondary' || kind === 'mirror') && publisherMeasures.has(f.measure) && !f.sourceNote) {
      problems.push(`source note: figure ${f.id} is the ${kind} point of a series the publisher's pages source elsewhere; say in sourceNote why`);
    }
  }
  for (const [i, a] of all.entries()) {
    for (const b of all.slice(i + 1)) {
      if (a.measure !== b.measure || a.periodStart !== b.periodStart || a.periodEnd !== b.periodEnd) continue;
      if (a.number === null || b.number === null || a.number === b.number) continue;
      const [aLow, aHigh] = rangeOf(a.value, a.number);
      const [bLow, bHigh] = rangeOf(b.value, b.number);
      if (aHigh < bLow || bHigh < aLow) {
        problems.push(`contradiction: ${a.id} (${a.value}) and ${b.id} (${b.value}) give different numbers for ${a.measure}, ${a.period}`);
      }
    }
  }
  return problems;
}

type DraftFigure = Record<string, unknown> & { id: string };
type DraftCaveat = Record<string, unknown> & { id: string; text: string };
type Draft = { metrics: Array<{ id: string; figures: DraftFigure[]; caveats: DraftCaveat[] }> };
const copy = (): Draft => structuredClone(shipped) as unknown as Draft;
const figureAt = (d: Draft, id: string) => d.metrics.flatMap((m) => m.figures).find((f) => f.id === id)!;
const caveatAt = (d: Draft, id: string) => d.metrics.flatMap((m) => m.caveats).find((c) => c.id === id)!;
const metricAt = (d: Draft, id: string) => d.metrics.find((m) => m.id === id)!;
const lintOf = (mutate: (d: Draft) => void): string[] => {
  const d = copy();
  mutate(d);
  return lintKnowledgeBase(d, HOSTS);
};

describe('the shipped knowledge base', () => {
  test('passes the sourcing lint with no problems', () => {
    expect(lintKnowledgeBase(shipped, HOSTS)).toEqual([]);
  });

  test('the host allowlist parses and documents its policy', () => {
    expect(parseHostList(shippedHosts).hosts.length).toBe(HOSTS.hosts.length);
    expect(HOSTS.policy.join(' ')).toMatch(/reported by/);
    expect(hostEntryOf('https://www.cbp.gov/newsroom/stats/x')?.kind).toBe('publisher');
    expect(hostEntryOf('https://web.archive.org/web/2019/https://example.org')?.kind).toBe('archive');
    expect(hostEntryOf('https://www.feduppac.org/post/x')).toBeNull();
    expect(hostEntryOf('not a url')).toBeNull();
  });

  test('a repeated or malformed host is refused', () => {
    const repeated = structuredClone(shippedHosts);
    repeated.hosts.push(structuredClone(repeated.hosts[0]!));
    expect(() => parseHostList(repeated)).toThrow(/repeats host "cbp\.gov"/);
    const malformed = structuredClone(shippedHosts);
    malformed.hosts[0]!.host = 'https://cbp.gov/';
    expect(() => parseHostList(malformed)).toThrow(/rules\/hosts\.json is invalid/);
  });

  test('series the popup charts have at least three points, oldest first', () => {
    for (const [metric, measure] of [
      ['cbp_uac_encounters', 'usbp-uac-swb'],
      ['cbp_total_encounters', 'usbp-family-units-swb'],
      ['orr_referrals_releases', 'orr-referrals'],
      ['law_enforcement_cases', 'bjs-ht-referred'],
      ['law_enforcement_cases', 'bjs-ht-convicted'],
      ['law_enforcement_cases', 'trac-1591-prosecutions'],
      ['hotline_reports', 'hotline-cases'],
      ['victim_identifications', 'hhs-certification-letters-adults'],
    ] as const) {
      const series = seriesOf(metric, measure);
      expect(series.length, `${metric} / ${measure}`).toBeGreaterThanOrEqual(3);
      expect(new Set(series.map((f) => f.unit)).size).toBe(1);
    }
  });

  test('global counts sit with detected-victim shares, not with one-country identifications', () => {
    const byMetric = (id: string) => (shipped.metrics.find((m) => m.id === id)?.figures ?? []).map((f) => f.id);
    expect(byMetric('detected_victim_shares')).toEqual(expect.arrayContaining(['tip-2013-identified', 'ctdc-2010-2020-victims']));
    expect(byMetric('victim_identifications')).not.toContain('tip-2013-identified');
  });
});

describe('reading value texts', () => {
  test('reads counts, money with scale words, percentages and ranges', () => {
    expect(numbersInValue('more than 291,000')).toEqual([291000]);
    expect(numbersInValue('$6.6 billion a year')).toEqual([6.6e9]);
    expect(numbersInValue('$2 billion to $6 billion')).toEqual([2e9, 6e9]);
    expect(numbersInValue('38 per cent')).toEqual([38]);
    expect(numbersInValue('one in six')).toEqual([]);
  });

  test('rangeOf reads the direction of nearly, more than and about', () => {
    expect(rangeOf('nearly 130,000', 130000)).toEqual([117000, 130000]);
    expect(rangeOf('more than 30,000', 30000)).toEqual([30000, 33000]);
    expect(rangeOf('about 122,000', 122000)).toEqual([115900, 128100]);
    expect(rangeOf('$4,000 to $10,000', 7000)).toEqual([4000, 10000]);
    expect(rangeOf('5,792', 5792)).toEqual([5792, 5792]);
  });
});

describe('lintKnowledgeBase catches each kind of defect', () => {
  test('a figure cited from a host that is not allowed', () => {
    expect(lintOf((d) => (figureAt(d, 'cbp-total-fy2021').url = 'https://www.feduppac.org/post/record'))).toEqual([
      'host: figure cbp-total-fy2021 cites www.feduppac.org, which is not on the allowlist',
    ]);
  });

  test('an archive used as the url, or an archive field on a non-archive host', () => {
    expect(lintOf((d) => (figureAt(d, 'hhs-certification-fy2001').url = figureAt(d, 'hhs-certification-fy2001').archive))).toEqual([
      expect.stringMatching(/^host: figure hhs-certification-fy2001 cites an archive as its url/),
    ]);
    expect(lintOf((d) => (figureAt(d, 'hhs-certification-fy2001').archive = 'https://www.cbp.gov/x'))).toEqual([
      'host: figure hhs-certification-fy2001 has an archive url on www.cbp.gov, which is not a listed archive',
    ]);
  });

  test('a news outlet presented as the publisher', () => {
    expect(lintOf((d) => (figureAt(d, 'cbp-uac-fy2022-all').publisher = 'U.S. Customs and Border Protection'))).toEqual([
      expect.stringMatching(/^publisher: figure cbp-uac-fy2022-all is cited from a secondary site \(www\.newsnationnow\.com\)/),
    ]);
  });

  test('a secondary point in a publisher-sourced series without a note, or a note on a publisher page', () => {
    expect(lintOf((d) => delete figureAt(d, 'cbp-total-fy2023').sourceNote)).toEqual([
      expect.stringMatching(/^source note: figure cbp-total-fy2023 is the secondary point of a series/),
    ]);
    expect(lintOf((d) => (figureAt(d, 'cbp-nationwide-fy2024').sourceNote = 'checked elsewhere'))).toEqual([
      "source note: figure cbp-nationwide-fy2024 cites the publisher's own page, so it needs no note on how it was checked",
    ]);
  });

  test('missing or empty required fields', () => {
    expect(lintOf((d) => delete figureAt(d, 'dol-fy2023-cases').periodStart)).toEqual([
      expect.stringMatching(/^schema: .*periodStart/),
    ]);
    expect(lintOf((d) => delete figureAt(d, 'dol-fy2023-cases').title)).toEqual([expect.stringMatching(/^schema: .*title/)]);
    expect(lintOf((d) => (figureAt(d, 'dol-fy2023-cases').periodEnd = '2023-02-30'))).toEqual([
      expect.stringMatching(/^schema: .*periodEnd: not a calendar day/),
    ]);
  });

  test('a period that ends before it starts', () => {
    const problems = lintOf((d) => {
      const f = figureAt(d, 'mexico-trailer-2023');
      [f.periodStart, f.periodEnd] = [f.periodEnd, f.periodStart];
    });
    expect(problems).toEqual(['period: figure mexico-trailer-2023 ends (2023-03-01) before it starts (2023-03-31)']);
  });

  test('a number that does not match its value text', () => {
    expect(lintOf((d) => (figureAt(d, 'orr-referrals-fy2022').number = 133000))).toEqual([
      'number: figure orr-referrals-fy2022 has number 133000, which does not match its value "nearly 130,000"',
    ]);
    expect(lintOf((d) => (figureAt(d, 'hsoac-2021-revenue').number = 7e9))[0]).toMatch(/^number: figure hsoac-2021-revenue/);
  });

  test('two figures of one measure and period with different numbers', () => {
    const problems = lintOf((d) => {
      const m = metricAt(d, 'orr_referrals_releases');
      const misquote = { ...figureAt(d, 'orr-referrals-fy2022'), id: 'orr-referrals-fy2022-misquote', value: '133,000', number: 133000 };
      m.figures.push(misquote);
    });
    expect(problems).toContainEqual(
      'contradiction: orr-referrals-fy2022 (nearly 130,000) and orr-referrals-fy2022-misquote (133,000) give different numbers for orr-referrals, FY2022',
    );
  });

  test('approximate figures within rounding do not contradict each other', () => {
    const problems = lintOf((d) => {
      const m = metricAt(d, 'orr_referrals_releases');
      m.figures.push({ ...figureAt(d, 'orr-referrals-fy2021'), id: 'orr-referrals-fy2021-exact', value: 'about 122,700', number: 122700 });
    });
    expect(problems.filter((p) => p.startsWith('contradiction'))).toEqual([]);
  });

  test('series points out of order or overlapping', () => {
    expect(lintOf((d) => metricAt(d, 'cbp_uac_encounters').figures.reverse())).toContainEqual(
      expect.stringMatching(/^series order: figure cbp-uac-fy2021 starts before cbp-uac-fy2022-usbp in measure usbp-uac-swb/),
    );
    const overlap = lintOf((d) => (figureAt(d, 'cbp-uac-fy2016').periodStart = '2015-06-01'));
    expect(overlap).toEqual(['series overlap: figure cbp-uac-fy2016 overlaps cbp-uac-fy2015 in measure usbp-uac-swb']);
  });

  test('running totals from one start date are a series, not an overlap', () => {
    const located = copy().metrics.find((m) => m.id === 'children_located')!.figures;
    expect(new Set(located.map((f) => f.periodStart)).size).toBe(1);
    expect(lintOf((d) => (figureAt(d, 'located-2026-01').periodEnd = '2025-08-01'))).toEqual([
      'series overlap: figure located-2026-01 overlaps located-2025-12-19 in measure dhs-uac-located-2025',
    ]);
  });

  test('one measure filed under two metrics', () => {
    expect(lintOf((d) => (figureAt(d, 'dol-fy2023-penalties').measure = 'usbp-uac-swb'))).toContainEqual(
      'measure: usbp-uac-swb appears in both cbp_uac_encounters and labor_violations',
    );
  });

  test('repeated caveat ids', () => {
    expect(lintOf((d) => (caveatAt(d, 'fees.route').id = 'fees.crimes'))).toEqual(['caveat ids: fees.crimes is used more than once']);
  });

  test('a factual caveat without a source', () => {
    expect(lintOf((d) => delete caveatAt(d, 'hotline.potential').source)).toEqual([
      'caveat source: hotline.potential states a fact but names no source',
    ]);
    // A name is a fact too: "...; HHS officials have said..." has no number.
    expect(lintOf((d) => delete caveatAt(d, 'orr-calls.voluntary').source)).toEqual([
      'caveat source: orr-calls.voluntary states a fact but names no source',
    ]);
    // A general caveat needs none.
    expect(lintOf((d) => (caveatAt(d, 'fees.route').text = 'Prices vary with the route.'))).toEqual([]);
  });

  test('a caveat source on a host that is not allowed', () => {
    expect(
      lintOf((d) => ((caveatAt(d, 'hotline.potential').source as { url: string }).url = 'https://ljnewsopinions.com/x')),
    ).toEqual(['host: caveat hotline.potential cites ljnewsopinions.com, which is not on the allowlist']);
  });

  test('a caveat condition whose period ends before it starts', () => {
    expect(
      lintOf((d) => (caveatAt(d, 'fees.route').when = { periodFrom: '2020-01-01', periodTo: '2019-01-01' })),
    ).toEqual(['caveat period: fees.route ends before it starts']);
  });
});
