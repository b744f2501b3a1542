// What a series counts (rules/series.json) and how the comparison uses it: the
// number's own noun, the stage the sentence speaks of, the wider whole, the newer
// edition, the figure of the very value, and the related figure for context.
// Sentences are written for these tests.
import { describe, expect, test } from 'vitest';
import type { Unit } from '../../lib/contract';
import { compareClaim, valueTolerance } from '../../lib/engine/compare';
import { countedNoun, seriesMismatch } from '../../lib/engine/series-fit';
import { METRICS } from '../../rules';
import { SERIES, SeriesBase } from '../../rules/series';
import type { Figure } from '../../rules/schema';

const at = (sentence: string, raw: string) => {
  const start = sentence.indexOf(raw);
  expect(start, raw).toBeGreaterThanOrEqual(0);
  return { start, end: start + raw.length };
};

describe('the series data', () => {
  test('every measure of the knowledge base says what it counts, and every series is a measure', () => {
    const measures = new Set(METRICS.metrics.flatMap((m) => m.figures.map((f) => f.measure)));
    expect([...measures].filter((m) => !SERIES.series[m])).toEqual([]);
    expect(Object.keys(SERIES.series).filter((m) => !measures.has(m))).toEqual([]);
  });

  test('a newer edition is a measure of the same metric and unit', () => {
    for (const metric of METRICS.metrics) {
      for (const f of metric.figures) {
        const newer = SERIES.series[f.measure]?.newerEdition;
        if (!newer) continue;
        const other = metric.figures.find((g) => g.measure === newer);
        expect(other, `${f.measure} → ${newer}`).toBeDefined();
        expect(other!.unit).toBe(f.unit);
        expect(other!.periodEnd > f.periodEnd, `${newer} is newer than ${f.measure}`).toBe(true);
      }
    }
  });

  test('an unknown kind of noun or edition is refused', () => {
    const broken = structuredClone(SERIES) as { series: Record<string, { counts: string[]; newerEdition?: string }> };
    broken.series['usbp-uac-swb']!.counts = ['spaceships'];
    broken.series['cbp-uac-swb']!.newerEdition = 'no-such-series';
    const issues = SeriesBase.safeParse(broken).error?.issues.map((i) => i.message) ?? [];
    expect(issues).toEqual(['no counted noun kind "spaceships"', 'no series "no-such-series"']);
  });
});

describe('the noun a number counts', () => {
  test('the first noun after the number, past adjectives', () => {
    const s = 'Officers reported 2,400 unaccompanied migrant children and 300 adults.';
    expect(countedNoun(s, at(s, '2,400'))).toEqual({ kind: 'child', word: 'children' });
    const t = 'The agency could not reach 7,100 sponsors by phone.';
    expect(countedNoun(t, at(t, '7,100'))?.kind).toBe('sponsor');
    const u = 'Staff placed 9,000 follow-up calls over the spring.';
    expect(countedNoun(u, at(u, '9,000'))?.kind).toBe('call');
  });

  test('none where the phrase ends before a noun, or another number comes first', () => {
    const s = 'About 12 million are trapped in forced labor.';
    expect(countedNoun(s, at(s, '12 million'))).toBeNull();
    const t = 'The line took 4,000 that month, 900 cases among them.';
    expect(countedNoun(t, at(t, '4,000'))).toBeNull();
  });

  test('a dollar amount counts money, never the people it is paid by', () => {
    const s = 'Gangs took in $700 million from migrants last year.';
    expect(countedNoun(s, at(s, '$700 million'), true)).toBeNull();
    expect(countedNoun(s, at(s, '$700 million'), false)?.kind).toBe('person');
    const t = 'Smugglers kept $1.1 billion in profit.';
    expect(countedNoun(t, at(t, '$1.1 billion'), true)?.kind).toBe('profit');
  });
});

describe('which series may stand beside the number', () => {
  test('a noun of another kind, a stage of another kind, a wider whole', () => {
    const sentence = 'A sentence.';
    expect(seriesMismatch('orr-calls-unanswered', { noun: { kind: 'child', word: 'children' }, sentence })).toBe('noun');
    expect(seriesMismatch('orr-calls-unanswered', { noun: { kind: 'call', word: 'calls' }, sentence: 'Half the 800 calls went unanswered.' })).toBeNull();
    // Calls placed are not the calls that went unanswered: the series counts one field of the calls.
    expect(seriesMismatch('orr-calls-unanswered', { noun: { kind: 'call', word: 'calls' }, sentence: 'Case workers placed 800 calls.' })).toBe('field');
    expect(seriesMismatch('oig-uac-transferred', { noun: null, predicate: 'missing', sentence })).toBe('stage');
    expect(seriesMismatch('oig-uac-transferred', { noun: null, predicate: 'other', sentence })).toBeNull();
    expect(seriesMismatch('gems-forced-labour', { noun: null, sentence: 'Nine million live in modern slavery.' })).toBe('whole');
    // The series' own words in the sentence: it names the part, not only the whole.
    expect(seriesMismatch('gems-forced-labour', { noun: null, sentence: 'Of those in modern slavery, nine million are in forced labour.' })).toBeNull();
    // A user's figure of a series the data does not describe is never held back.
    expect(seriesMismatch('a-users-own-series', { noun: { kind: 'call', word: 'calls' }, predicate: 'missing', sentence })).toBeNull();
  });

  test('victims and offenders are counts of their own: neither stands beside the other', () => {
    const victims = 'Homeland Security agents assisted 700 victims of trafficking.';
    const noun = countedNoun(victims, at(victims, '700'), false);
    expect(noun?.kind).toBe('victim');
    expect(seriesMismatch('dhs-ht-victims-assisted', { noun, sentence: victims })).toBeNull();
    expect(seriesMismatch('dhs-hsi-ht-arrests', { noun, sentence: victims })).toBe('noun');
    const offenders = 'Homeland Security agents arrested 700 suspects.';
    const suspects = countedNoun(offenders, at(offenders, '700'), false);
    expect(suspects?.kind).toBe('offender');
    expect(seriesMismatch('dhs-hsi-ht-arrests', { noun: suspects, sentence: offenders })).toBeNull();
    expect(seriesMismatch('dhs-ht-victims-assisted', { noun: suspects, sentence: offenders })).toBe('noun');
  });

  test('an agency’s series: the agency named in the sentence, or before it where the sentence names none', () => {
    const child = { kind: 'child', word: 'children' };
    const sentence = 'Agents recovered 40 children during the operation.';
    const before = 'Federal Bureau of Investigation agents ran a four-day sting in twelve cities.';
    expect(seriesMismatch('fbi-occ-children-recovered', { noun: child, sentence: 'FBI agents recovered 40 children.' })).toBeNull();
    expect(seriesMismatch('fbi-occ-children-recovered', { noun: child, sentence })).toBe('agency');
    expect(seriesMismatch('fbi-occ-children-recovered', { noun: child, sentence, before })).toBeNull();
    // A sentence that names its own agency speaks of that one, not of the one named before.
    const police = 'State police recovered 40 children during the operation.';
    expect(seriesMismatch('fbi-occ-children-recovered', { noun: child, sentence: police, before })).toBe('agency');
    const dhs = 'Homeland Security agents recovered 40 children during the operation.';
    expect(seriesMismatch('fbi-occ-children-recovered', { noun: child, sentence: dhs, before })).toBe('agency');
    expect(seriesMismatch('fbi-occ-children-recovered', { noun: child, sentence, before: 'The sting ran in twelve cities.' })).toBe('agency');
  });
});

function fig(id: string, measure: string, label: string, number: number, period: string, from: string, to: string, unit: Unit = 'count'): Figure {
  return {
    id, measure, label, value: number.toLocaleString('en-US'), number, unit, period, periodStart: from, periodEnd: to,
    publisher: 'Test publisher', title: 'Test report', date: '2024', url: 'https://example.org/r',
  };
}

/** Measures named as in rules/series.json, so the data's description of them applies. */
const CALLS = [
  fig('u1', 'orr-calls-unlocated-quarter', 'Children case workers could not find after calls', 1_200, 'April to June 2018', '2018-04-01', '2018-06-30'),
  fig('c1', 'orr-calls-unanswered', 'Check-in calls that reached no one, out of 9,000 made', 3_100, 'January to May 2021', '2021-01-01', '2021-05-31'),
];

describe('the comparison by what the figure counts', () => {
  test('a count of sponsors beside a count of children is not shown, nor named as context: it would read as a comparison', () => {
    const sentence = 'The office could not reach more than 7,100 sponsors of released children.';
    const choice = compareClaim({ sentence, unit: 'count', period: null, number: at(sentence, 'more than 7,100'), value: 7_100 }, CALLS);
    expect(choice.comparison).toBeNull();
    expect(choice.noFigure).toMatch(/counts sponsors/);
    expect(choice.noFigure).not.toMatch(/For context/);
  });

  test('a count of calls is set beside the series that counts calls', () => {
    const sentence = 'Roughly 3,000 calls to sponsors went unanswered in the spring.';
    const choice = compareClaim({ sentence, unit: 'count', period: null, number: at(sentence, 'Roughly 3,000'), value: 3_000 }, CALLS);
    expect(choice.comparison?.figureId).toBe('c1');
  });

  test('a claim naming no period is set beside the figure of its own value, and the latest is named too', () => {
    const figures = [
      fig('n1', 'oig-uac-no-nta', 'Children not served a notice to appear', 250_000, 'as of June 2023', '2023-06-30', '2023-06-30'),
      fig('n2', 'oig-uac-no-nta', 'Children not served a notice to appear', 210_000, 'as of March 2025', '2025-03-31', '2025-03-31'),
    ];
    const sentence = 'Some 250,000 children never received a notice to appear.';
    const choice = compareClaim({ sentence, unit: 'count', period: null, number: at(sentence, 'Some 250,000'), value: 250_000 }, figures);
    expect(choice.comparison?.figureId).toBe('n1');
    expect(choice.comparison?.statement).toMatch(/has the value it gives \(as of June 2023\)\. The most recent figure of this series is 210,000 \(as of March 2025\)/);
    // A value that is not the figure's: the latest, as before.
    const other = 'Some 240,000 children never received a notice to appear.';
    expect(compareClaim({ sentence: other, unit: 'count', period: null, number: at(other, 'Some 240,000'), value: 240_000 }, figures).comparison?.figureId).toBe('n2');
  });

  test('a round number matches within half its last round digit, never more than 2%', () => {
    expect(valueTolerance(19_000)).toBe(380);
    expect(valueTolerance(1_500)).toBe(30);
    expect(valueTolerance(18_027)).toBe(0.5);
    // "300,000" is not the 291,000 it was added up from.
    expect(valueTolerance(300_000)).toBe(6_000);
  });

  test('where no period is named, a superseded edition gives way to the newer one', () => {
    const figures = [
      fig('old', 'ilo-2012-forced-labour', 'People in forced labour worldwide (older estimate)', 20_000_000, '2012 estimate', '2012-01-01', '2012-12-31'),
      fig('new', 'gems-forced-labour', 'People in forced labour on any given day', 27_000_000, '2021', '2021-01-01', '2021-12-31'),
    ];
    const sentence = 'Millions worldwide, perhaps 25 million people, work in forced labour worldwide at any given time.';
    const choice = compareClaim({ sentence, unit: 'count', period: null, number: at(sentence, '25 million'), value: 25_000_000 }, figures);
    expect(choice.comparison?.figureId).toBe('new');
  });

  test('a month without its year gets no figure, not even a month of another year as the one meant', () => {
    const figures = [
      fig('y', 'usbp-uac-swb', 'Children encountered by Border Patrol', 140_000, 'FY2022', '2021-10-01', '2022-09-30'),
      fig('m', 'usbp-uac-swb-month', 'Highest monthly count of children encountered', 18_000, 'March 2021', '2021-03-01', '2021-03-31'),
    ];
    const sentence = 'Agents met 12,400 children at the border in July.';
    const choice = compareClaim({ sentence, unit: 'count', period: null, number: at(sentence, '12,400'), value: 12_400 }, figures);
    expect(choice.comparison).toBeNull();
    expect(choice.noFigure).toMatch(/a day or month without its year, which Metric Lens cannot date/);
    expect(choice.noFigure).not.toMatch(/18,000|March 2021/);
  });
});

describe('why none is shown', () => {
  test('"none counts children" only where none does; a child series held back for its whole says so', () => {
    const figures = [
      fig('p', 'gems-modern-slavery', 'People in modern slavery', 50_000_000, '2021', '2021-01-01', '2021-12-31'),
      fig('k', 'gems-children-forced-labour', 'Children in forced labour', 3_000_000, '2021', '2021-01-01', '2021-12-31'),
    ];
    const sentence = 'Of all those enslaved, 9 million children are held in modern slavery.';
    const choice = compareClaim({ sentence, unit: 'count', period: null, number: at(sentence, '9 million'), value: 9_000_000 }, figures);
    expect(choice.noFigure).toMatch(/^The sentence speaks of “enslaved”, another scope .*“Children in forced labour”/);
    const people = [figures[0]!];
    expect(compareClaim({ sentence, unit: 'count', period: null, number: at(sentence, '9 million'), value: 9_000_000 }, people).noFigure).toMatch(/^This number counts children; none/);
  });
});

describe('the forced-labour profits estimate', () => {
  const figures = METRICS.metrics.find((m) => m.id === 'global_estimates')!.figures;
  const choose = (sentence: string, number: string, value: number, unit: 'usd' | 'percent' = 'usd') =>
    compareClaim({ sentence, unit, period: null, number: at(sentence, number), value }, figures);
  test('a dollar amount of yearly profits stands beside the ILO estimate; a part it has no figure for does not', () => {
    expect(choose('Exploiters pocket roughly $150 billion a year from the people they force to work.', '$150 billion', 150e9).comparison?.figureId).toBe(
      'ilo-2014-forced-labour-profits',
    );
    const part = choose('Forced labour on construction sites alone brings in about $30 billion a year.', '$30 billion', 30e9);
    expect(part.comparison).toBeNull();
    expect(part.noFigure).toMatch(/would not compare/);
  });
  test('the part from sexual exploitation, in dollars or as a share, stands beside the ILO’s figure for that part', () => {
    expect(choose('Sexual exploitation alone brings in about $80 billion a year.', '$80 billion', 80e9).comparison?.figureId).toBe('ilo-2014-cse-profits');
    const share = choose('Commercial sexual exploitation yields 60% of the profits of forced labour.', '60%', 60, 'percent');
    expect(share.comparison?.figureId).toBe('ilo-2014-cse-profits-share');
  });
});

describe('a cartel route tax is not the smuggling fee', () => {
  test('a sentence about the "piso" is not set beside the price of the whole trip', () => {
    const figures = METRICS.metrics.find((m) => m.id === 'smuggling_fees')!.figures;
    const piso = 'Besides the smuggling fees per person, each migrant pays the cartel a piso of about $1,100.';
    expect(compareClaim({ sentence: piso, unit: 'usd', period: null, number: at(piso, '$1,100'), value: 1_100 }, figures).comparison).toBeNull();
    // The same figures under series the data does not describe: the fee would be shown, so the piso words decide.
    const undescribed = figures.map((f) => ({ ...f, measure: `user-${f.measure}` }));
    expect(compareClaim({ sentence: piso, unit: 'usd', period: null, number: at(piso, '$1,100'), value: 1_100 }, undescribed).comparison).not.toBeNull();
    const trip = 'The trip north now costs about $9,500 per person.';
    expect(compareClaim({ sentence: trip, unit: 'usd', period: null, number: at(trip, '$9,500'), value: 9_500 }, figures).comparison).not.toBeNull();
  });
});
