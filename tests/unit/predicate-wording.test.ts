// Predicate wording from the publishers: which cue a phrase raises, and where the
// longer phrase (an organisation's name, an ILO category) outranks a word inside it.
// Sentences written for these tests.
import { describe, expect, test } from 'vitest';
import type { PredicateId } from '../../lib/contract';
import { compileRules } from '../../lib/engine/compile';
import { choosePredicate } from '../../lib/engine/predicate';
import { findQuantities } from '../../lib/engine/quantity';
import { scanSentence } from '../../lib/engine/scan';
import { countedNoun } from '../../lib/engine/subject';
import { PATTERNS } from '../../rules/patterns';

const rules = compileRules(PATTERNS);

function ruleChoice(text: string, raw: string): PredicateId {
  const hits = scanSentence(rules, text);
  const q = findQuantities(text).find((x) => x.raw.includes(raw));
  expect(q, `a quantity "${raw}" in: ${text}`).toBeDefined();
  return choosePredicate(text, q!, countedNoun(text, q!, hits), hits).predicate;
}

describe('the rule choice of predicate, on publishers\' wording', () => {
  test.each<[string, string, PredicateId]>([
    ['The sweeps led to the recovery of 210 children.', '210', 'found'],
    ['The agency failed to keep tabs on 12,000 of the children it released.', '12,000', 'missing'],
    ['Caseworkers were unable to get in touch with 6,300 sponsors.', '6,300', 'lost_contact'],
    ['In the spring, 41,000 calls went unanswered.', '41,000', 'lost_contact'],
    ['After paying the cartel, a guide in the region is left with about $400.', '$400', 'revenue'],
    ['Smuggling networks in the region pocketed proceeds of $3 million last year.', '$3 million', 'revenue'],
    ['An estimated 31 million people live in modern slavery.', '31 million', 'trafficked'],
    ['Some 44 million people are trapped in forced labour or forced marriage.', '44 million', 'trafficked'],
    ['Some 19 million people are trapped in forced labour in the private economy.', '19 million', 'exploited_labor'],
    ['Commercial sexual exploitation yields 64% of the total illegal profits.', '64%', 'revenue'],
  ])('%s → %s', (text, raw, predicate) => {
    expect(ruleChoice(text, raw)).toBe(predicate);
  });

  test('a name that holds "missing" is not the wording "missing"', () => {
    const text = 'The National Center for Missing and Exploited Children logged 4,100 reports of runaways.';
    const names = scanSentence(rules, text).predicates.map(({ rule }) => rule.predicate);
    expect(names).toContain('reports');
    expect(ruleChoice(text, '4,100')).not.toBe('missing');
  });
});
