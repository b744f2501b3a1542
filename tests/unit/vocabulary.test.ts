// The domain's vocabulary, one category at a time: which words are evidence for
// which metric and predicate, and which stay weak. Sentences written for these
// tests; the assertions read the scan's hits (what the fitted model sees as
// features) and, where the wording alone settles it, the engine's claim.
import { describe, expect, test } from 'vitest';
import type { MetricId, PredicateId } from '../../lib/contract';
import { compileRules } from '../../lib/engine/compile';
import { findClaims } from '../../lib/engine/index';
import { findQuantities } from '../../lib/engine/quantity';
import { countedNoun } from '../../lib/engine/subject';
import { scanSentence } from '../../lib/engine/scan';
import { PATTERNS } from '../../rules/patterns';

const rules = compileRules(PATTERNS);

function cueIds(text: string): string[] {
  return scanSentence(rules, text).metricCues.map(({ rule }) => rule.id);
}

function cueMetrics(text: string): Set<MetricId> {
  return new Set(scanSentence(rules, text).metricCues.map(({ rule }) => rule.metric));
}

function predicates(text: string): Set<PredicateId> {
  return new Set(scanSentence(rules, text).predicates.map(({ rule }) => rule.predicate));
}

function claimOver(text: string, raw: string) {
  const claim = findClaims(text, { sensitivity: 'broad' }).find((c) => c.number.raw.includes(raw));
  expect(claim, `a claim over "${raw}" in: ${text}`).toBeDefined();
  return claim!;
}

describe('cues each publisher\'s datasets give', () => {
  test.each<[string, MetricId]>([
    ['USCIS granted T nonimmigrant status to 900 applicants.', 'victim_identifications'],
    ['Survivors file Form I-914 to ask for a T visa.', 'victim_identifications'],
    ['OTIP issued 1,200 Interim Assistance Letters to minors.', 'victim_identifications'],
    ['HHS sent 400 certification letters to adult survivors.', 'victim_identifications'],
    ['Officials said the government identified 600 victims last year.', 'victim_identifications'],
    ['The Border Patrol logged 8,000 USBP apprehensions and 2,000 OFO inadmissibles.', 'cbp_total_encounters'],
    ['Agents counted 1,900 single minors at the southwest land border.', 'cbp_uac_encounters'],
    ['About 9,000 children were discharged from ORR care to sponsors.', 'orr_referrals_releases'],
    ['Case managers made 14,000 Safety and Well Being Calls in a quarter.', 'orr_lost_contact'],
    ['The audit found ICE could not monitor 20,000 children.', 'oig_ice_monitoring'],
    ['The hotline logged 9,000 signals through the BeFree textline.', 'hotline_reports'],
    ['The CyberTipline took 29 million reports about online enticement.', 'hotline_reports'],
    ['The Global Estimates of Modern Slavery count 22 million in forced marriage.', 'global_estimates'],
    ['Forced labour yields US$236 billion in illegal profits a year.', 'global_estimates'],
    ['The GLOTIP dataset shows 38 percent of detected victims were children.', 'detected_victim_shares'],
    ['The Wage and Hour Division found 950 minors in oppressive child labor.', 'labor_violations'],
    ['The Bureau of Justice Statistics counted 1,600 persons referred to U.S. attorneys.', 'law_enforcement_cases'],
    ['A pollero asks migrants for $6,000 to cross.', 'smuggling_fees'],
    ["Mexico's National Migration Institute held 300 minors.", 'other'],
  ])('%s → %s', (text, metric) => {
    expect(cueMetrics(text)).toContain(metric);
  });
});

describe('broad words are weighed apart from the dataset words', () => {
  test('an agency named alone is its own, weaker cue', () => {
    const alone = cueIds('Border Patrol said 3,000 minors came through.');
    expect(alone).toContain('metric.cbp-uac.agency');
    expect(alone).not.toContain('metric.cbp-uac.border');
    const withData = cueIds('Border Patrol encounters reached 3,000 minors.');
    expect(withData).toEqual(expect.arrayContaining(['metric.cbp-uac.agency', 'metric.cbp-uac.border']));
  });

  test('ICE alone, the watchdog and its findings are three cues', () => {
    expect(cueIds('ICE said 3,000 minors were released.')).toContain('metric.oig.ice');
    expect(cueIds('ICE said 3,000 minors were released.')).not.toContain('metric.oig.words');
    expect(cueIds('The inspector general found 3,000 minors never got a notice to appear.')).toEqual(
      expect.arrayContaining(['metric.oig.watchdog', 'metric.oig.words']),
    );
  });

  test('operations and rescues are not court cases', () => {
    expect(cueIds('The operation rescued 40 teenagers.')).toContain('metric.law.operation');
    expect(cueIds('The operation rescued 40 teenagers.')).not.toContain('metric.law.court');
  });

  test('the word "hotline" alone differs from the named hotline', () => {
    expect(cueIds('A county hotline took 500 calls.')).toContain('metric.hotline.service');
    expect(cueIds('A county hotline took 500 calls.')).not.toContain('metric.hotline.named');
    expect(cueIds('The National Human Trafficking Hotline took 500 calls.')).toContain('metric.hotline.named');
  });

  test('general child-labour words differ from the Labor Department\'s own', () => {
    expect(cueIds('Child labor is spreading, with 300 cases.')).toContain('metric.labor.generic');
    expect(cueIds('Child labor is spreading, with 300 cases.')).not.toContain('metric.labor.dol');
  });

  test('a worldwide scope word differs from the ILO\'s name', () => {
    expect(cueIds('Worldwide, 40 percent of them are girls.')).toContain('metric.global.scope');
    expect(cueIds('Worldwide, 40 percent of them are girls.')).not.toContain('metric.global.named');
  });

  test('living with a sponsor is a weak cue for unanswered calls', () => {
    expect(cueIds('Of them, 600 were living with their sponsors.')).toContain('metric.orr-lost-contact.placement');
    expect(cueIds('Of them, 600 were living with their sponsors.')).not.toContain('metric.orr-lost-contact.words');
  });
});

describe('wording that says what happened', () => {
  test.each<[string, PredicateId]>([
    ['Agents stopped 700 teenagers near Yuma.', 'encountered'],
    ['About 2,000 minors were brought into the country last month.', 'encountered'],
    ['Guatemalan police detained 90 boys.', 'encountered'],
    ['The shelter discharged 300 girls to relatives.', 'released'],
    ['The network molested 14 girls.', 'exploited_sex'],
    ['Six men pleaded guilty in the case.', 'prosecuted'],
    ['About 800 T visas went to survivors.', 'identified_victims'],
    ['Another 500 went to derivative family members.', 'other'],
    ['Police freed 19 teenagers from the farm.', 'found'],
    ['Caseworkers could not be contacted by 900 households.', 'lost_contact'],
  ])('%s → %s', (text, predicate) => {
    expect(predicates(text)).toContain(predicate);
  });

  test('"charged" before money is a price, after it a court\'s charge', () => {
    expect(claimOver('The coyotes charged $8,500 for each child.', '$8,500').predicate).toBe('fee');
    expect(claimOver('Federal prosecutors charged 31 traffickers of children.', '31').predicate).toBe('prosecuted');
  });

  test('enforcement words say nothing about an amount of money', () => {
    const claim = claimOver('Smugglers charged $12,000 apiece, prosecutors said after the arrests.', '$12,000');
    expect(claim.metric).toBe('smuggling_fees');
  });
});

describe('claims the vocabulary settles', () => {
  // Which metric wins is the fitted model's weighing; these sentences check the evidence the
  // vocabulary gives it (the metric's cues, no worldwide cue) and the predicate the wording settles.
  test('one country\'s T visas say the victims were identified, with no worldwide cue', () => {
    const text = 'USCIS approved 1,300 T visas for trafficking survivors in the fiscal year.';
    expect(claimOver(text, '1,300').predicate).toBe('identified_victims');
    expect(cueMetrics(text)).toContain('victim_identifications');
    expect(cueMetrics(text)).not.toContain('global_estimates');
    expect(cueMetrics(text)).not.toContain('detected_victim_shares');
  });

  test('derivative T visas for relatives are T-visa evidence and say "other"', () => {
    const text = 'About 650 T-2 and T-3 visas went to family members of victims.';
    expect(claimOver(text, '650').predicate).toBe('other');
    expect(cueIds(text)).toContain('metric.victim-id.visas');
  });

  test('a coyote\'s price with no child word is a smuggling fee', () => {
    const claim = claimOver('Coyotes now ask migrants $10,000 to cross the river.', '$10,000');
    expect(claim.metric).toBe('smuggling_fees');
  });

  test('forced-labour profits are the ILO\'s figure, not smuggling income', () => {
    const claim = claimOver('Forced labour brings in US$236 billion in illegal profits every year.', '236');
    expect(claim.metric).toBe('global_estimates');
  });

  test('a foreign agency\'s detentions are encounters with a foreign agency\'s cue, not a CBP one', () => {
    const text = 'Mexican authorities detained 270 unaccompanied minors in Chiapas.';
    expect(claimOver(text, '270').predicate).toBe('encountered');
    expect(cueIds(text)).toContain('metric.other.foreign-agency');
    expect(cueIds(text).filter((id) => id.startsWith('metric.cbp'))).toEqual([]);
  });

  test('taxes, wages and remittances are not smuggling money', () => {
    expect(findClaims('Migrant workers pay millions of dollars in taxes each year.', { sensitivity: 'broad' })).toEqual([]);
    expect(findClaims('Migrants sent home $4 billion in remittances.', { sensitivity: 'broad' })).toEqual([]);
    expect(claimOver('Smugglers take in millions of dollars from migrant children.', 'millions of dollars').metric).toBe('smuggling_revenue');
  });

  test('a care cost per child and a statutory cap are not claims', () => {
    expect(findClaims('Shelters spend $750 per child per day on migrant minors.', { sensitivity: 'broad' })).toEqual([]);
    expect(findClaims('T visas for trafficking victims are capped at 5,000 a year.', { sensitivity: 'broad' })).toEqual([]);
  });

  test('shares whose base is not children or victims take the metric of what they divide', () => {
    expect(claimOver('Forced sexual exploitation yields 70 percent of the illegal profits from forced labour.', '70 percent').metric).toBe('global_estimates');
    expect(claimOver('About 40 percent of the minors referred to ORR were from Honduras.', '40 percent').metric).toBe('orr_referrals_releases');
    expect(claimOver('Among trafficking defendants, 55 percent ended in conviction.', '55 percent').metric).toBe('law_enforcement_cases');
    expect(cueIds('Some 30 percent of sponsors were distant relatives of the minors.')).toContain('metric.orr-referrals.sponsors');
  });

  test('sponsors counted are adults, not children', () => {
    const text = 'HHS vetted 4,000 sponsors of migrant children.';
    const q = findQuantities(text)[0]!;
    expect(countedNoun(text, q, scanSentence(rules, text))?.kind).toBe('adult');
    // The noun inside a relative clause is not what the number counts.
    expect(claimOver('About 3,000 of the minors who lived with sponsors were trafficked.', '3,000').text).not.toContain('sponsors');
  });
});
