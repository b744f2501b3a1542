// Which metric the engine names, on sentences written for these tests, for the pairs it
// confuses most: CBP's border counts and ORR's care, one country's identified victims and
// the worldwide estimates or detected-victim shares, studies, and figures no dataset holds.
import { describe, expect, test } from 'vitest';
import { compileRules } from '../../lib/engine/compile';
import { findClaims } from '../../lib/engine/index';
import { insideQuote, metricConjunctions, METRIC_ONLY_PREFIX } from '../../lib/engine/metric-evidence';
import type { FoundQuantity } from '../../lib/engine/quantity';
import { scanSentence } from '../../lib/engine/scan';
import { PATTERNS } from '../../rules/patterns';

function metricOf(text: string): string {
  const claims = findClaims(text, { sensitivity: 'broad' });
  expect(claims.length, text).toBeGreaterThan(0);
  return claims[0]!.metric;
}

describe('metric choice between datasets that look alike', () => {
  test.each([
    // CBP counts children where they meet the border; ORR counts them once they are in its care.
    ['Border Patrol agents caught 11,200 unaccompanied teenagers crossing into Texas in April.', 'cbp_uac_encounters'],
    ['Some 6,400 children who travelled alone arrived at the southern border last month, agents said.', 'cbp_uac_encounters'],
    ['About 10,300 migrant children were in the custody of Health and Human Services shelters on Monday.', 'orr_referrals_releases'],
    ['The refugee office placed 8,900 unaccompanied children with sponsors in the first quarter.', 'orr_referrals_releases'],
    // A department that has custody of children is their carer (ORR), not the border agency that met them.
    ['The department has custody of roughly 12,400 unaccompanied children.', 'orr_referrals_releases'],
    // Follow-up calls that reached no one are ORR's lost-contact count, not its releases.
    ['Officials attempted to reach 3,200 migrant children placed last winter.', 'orr_lost_contact'],
    ['The agency tried to contact 5,600 children after their release, without success.', 'orr_lost_contact'],
    // One country's identified victims are not a worldwide estimate nor a share of detected victims.
    ['HHS issued 1,100 eligibility letters to foreign national children who were trafficked.', 'victim_identifications'],
    // Modelled worldwide figures are the ILO and Walk Free estimates.
    ['An estimated 3.3 million children are in forced labour around the world at any given time.', 'global_estimates'],
    // Shares of detected victims are UNODC's.
    ['Girls were 22 percent of detected victims of trafficking in the latest UNODC global report.', 'detected_victim_shares'],
    // A figure asserted with no dataset behind it.
    ['Only 1 in 100 trafficked children is ever rescued, the viral posts claim.', 'unsourced'],
  ])('%s → %s', (text, metric) => {
    expect(metricOf(text)).toBe(metric);
  });
});

// T visas are USCIS approvals of one country's victims, not a worldwide estimate nor a hotline count.
test('a count of T visas approved is victim_identifications', () => {
  expect(metricOf('USCIS approved 1,700 T visas for survivors of trafficking last fiscal year.')).toBe('victim_identifications');
});

describe('metric-only evidence', () => {
  const q = { unit: 'count' } as FoundQuantity;
  test("joins each metric cued in the sentence with the number's noun, predicate and topics, the strongest with its unit", () => {
    const values = new Map([
      ['cw.orr_referrals_releases.near', 0.4],
      ['cw.cbp_uac_encounters.clause', 0.2],
      ['cw.global_estimates.page', 0.5],
    ]);
    const out = metricConjunctions({ values, q, noun: null, predicate: 'released', topics: new Set(['child']), words: ['shelters', 'took', 'in'] });
    expect(out.get('mx.orr_referrals_releases.noun.none')).toBe(0.4);
    expect(out.get('mx.top.orr_referrals_releases.count')).toBe(1);
    expect(out.has('mx.top.cbp_uac_encounters')).toBe(false);
    expect(out.get('mx.orr_referrals_releases.pred.released')).toBe(0.4);
    expect(out.get('mx.cbp_uac_encounters.topic.child')).toBe(0.2);
    expect(out.get('mx.top.orr_referrals_releases')).toBe(1);
    // A page-level cue is context, not the sentence's own wording.
    expect(out.has('mx.global_estimates.noun.none')).toBe(false);
    expect(out.has('mx.only.orr_referrals_releases')).toBe(false);
    expect(out.get('mx.unattributed')).toBe(1);
    for (const name of out.keys()) expect(name.startsWith(METRIC_ONLY_PREFIX)).toBe(true);
  });

  test('with no cue in the sentence, the context names the likeliest metric; a reporting verb marks the figure attributed', () => {
    const values = new Map([['cw.hotline_reports.ctx', 0.6]]);
    const out = metricConjunctions({ values, q, noun: null, predicate: 'reports', topics: new Set(), words: ['officials', 'said'] });
    expect(out.get('mx.ctxonly.hotline_reports')).toBe(1);
    expect(out.has('mx.unattributed.nocue')).toBe(false);
  });

  test('a number inside a quotation is marked quoted, with its counted noun; one outside is not', () => {
    const values = new Map<string, number>();
    const text = 'He said: "We brought home 4,000 kids." Officials counted 3,100 children.';
    const inside = { ...q, start: text.indexOf('4,000') } as FoundQuantity;
    const outside = { ...q, start: text.indexOf('3,100') } as FoundQuantity;
    const quoted = metricConjunctions({ values, q: inside, noun: null, predicate: 'other', topics: new Set(), words: [], text });
    expect(quoted.get('mx.quoted')).toBe(1);
    expect(quoted.get('mx.quoted.none')).toBe(1);
    const plain = metricConjunctions({ values, q: outside, noun: null, predicate: 'other', topics: new Set(), words: [], text });
    expect(plain.has('mx.quoted')).toBe(false);
  });
});

describe('insideQuote', () => {
  test.each([
    ['“About 9,000 were found,” she said.', '9,000', true],
    ['She said “about 9,000” were found, and 7,000 were not.', '7,000', false],
    ['He wrote "12,000 children" and later "8,000 minors".', '8,000', true],
    ['He wrote "12,000 children" and later 8,000 minors.', '8,000', false],
    ['No quotation holds 5,000 here.', '5,000', false],
  ])('%s (%s) → %s', (text, value, expected) => {
    expect(insideQuote(text, text.indexOf(value))).toBe(expected);
  });
});

// The publishers of one country's identifications, and reports of missing children that no
// metric here counts, are cues: each sentence below names one and nothing else that decides.
describe('publishers and wording added as cues', () => {
  test.each([
    ['Nigeria’s NAPTIP registered 410 victims of trafficking in Kano state last year.', 'metric.victim-id.publishers'],
    ['Conclusive grounds decisions were positive for 1,900 children in 2022.', 'metric.victim-id.publishers'],
    ['A post shared on Facebook says 60,000 children are sold every day.', 'metric.unsourced.social'],
    ['Some 900 minors went missing from reception centres in Belgium last year.', 'metric.other.missing-reports'],
    ['On Friday 2,300 children were held in CBP facilities along the border.', 'metric.other.custody-census'],
    ['By the end of May, 9,400 boys and girls were in HHS supervision.', 'metric.orr-referrals.hhs'],
  ])('%s → %s', (text, rule) => {
    const claims = findClaims(text, { sensitivity: 'broad' });
    expect(claims.length, text).toBeGreaterThan(0);
    const reasons = JSON.stringify(claims[0]);
    expect(reasons).toContain(rule);
  });
});

// The publishers' own wording for the pairs above: each block is its own cue, so the fit weighs it
// apart from the older, broader lists. Sentences written for these tests.
describe("publishers' wording as metric cues", () => {
  const rules = compileRules(PATTERNS);
  const cuesOf = (text: string) => scanSentence(rules, text).metricCues.map(({ rule }) => ({ id: rule.id, metric: rule.metric }));
  test.each<[string, string, string]>([
    ['Agents said 210 of the adults were not biologically related to the children.', 'metric.fraud.hsi-wording', 'fraudulent_family_units'],
    ['The contractor employed 48 teenagers at three meatpacking plants.', 'metric.labor.dol-wording', 'labor_violations'],
    ['Of the girl victims, 64 percent were trafficked for sexual exploitation.', 'metric.shares.unodc-forms', 'detected_victim_shares'],
    ['Some 3.9 million people are in state-imposed forced labour.', 'metric.global.ilo-wording', 'global_estimates'],
    ['HSI identified and assisted 812 victims of human trafficking.', 'metric.victim-id.assistance', 'victim_identifications'],
    ['A total of 9,100 potential victims were referred to the Home Office.', 'metric.victim-id.uk-nrm', 'victim_identifications'],
    ['The refugee office placed 4,200 children with unvetted sponsors.', 'metric.orr-referrals.vetting', 'orr_referrals_releases'],
    ['Half of the women said they were sexually assaulted on the dangerous journey north.', 'metric.survey.journey', 'survey_estimates'],
  ])('%s → %s', (text, id, metric) => {
    expect(cuesOf(text)).toContainEqual({ id, metric });
  });

  test('sponsor vetting is ORR’s wording, no longer the inspector general’s', () => {
    const metrics = cuesOf('The refugee office placed 4,200 children with unvetted sponsors.').map((c) => c.metric);
    expect(metrics).not.toContain('oig_ice_monitoring');
  });

  test('a local currency marks a price only where the number is not already dollars', () => {
    const counts = cuesOf('Families paid 180,000 quetzales to a coyote.').filter((c) => c.id === 'metric.fees.currency');
    expect(counts).toHaveLength(1);
    const rule = PATTERNS.metricCues.find((r) => r.id === 'metric.fees.currency')!;
    expect(rule.units).not.toContain('usd');
  });
});

describe('metric choice from the publishers’ wording', () => {
  test.each([
    // HSI's wording for fraudulent families: adults not related to the children they brought.
    ['Agents said 210 of the adults who arrived with children were not biologically related to them.', 'fraudulent_family_units'],
    // Surveys of migrants ask about violence on the way, not about trafficking worldwide.
    ['Half of the women interviewed said they were sexually assaulted on the dangerous journey north, a survey found.', 'survey_estimates'],
    // A price in quetzales is a smuggling fee, though no dollar sign marks it.
    ['Families paid 180,000 quetzales to a coyote to take one child north.', 'smuggling_fees'],
  ])('%s → %s', (text, metric) => {
    expect(metricOf(text)).toBe(metric);
  });
});
