// The number's own verb: the cue it is the object of, or the passive verb of the
// phrase it heads. Sentences written for these tests.
import { describe, expect, test } from 'vitest';
import type { PredicateId } from '../../lib/contract';
import { compileRules } from '../../lib/engine/compile';
import { governingPredicate } from '../../lib/engine/governing';
import { findQuantities } from '../../lib/engine/quantity';
import { scanSentence } from '../../lib/engine/scan';
import { countedNoun } from '../../lib/engine/subject';
import { PATTERNS } from '../../rules/patterns';

const rules = compileRules(PATTERNS);

function governing(text: string, raw: string): PredicateId | null {
  const hits = scanSentence(rules, text);
  const q = findQuantities(text).find((x) => x.raw.includes(raw));
  expect(q, `a quantity "${raw}" in: ${text}`).toBeDefined();
  const noun = countedNoun(text, q!, hits);
  return governingPredicate(text, q!, Math.max(q!.end, noun?.end ?? q!.end), hits);
}

describe('governingPredicate', () => {
  test.each<[string, string, PredicateId]>([
    ['The tip line identified almost 9,300 likely victims in a year.', '9,300', 'identified_victims'],
    ['Agents rescued more than 140 minors during the sweep.', '140', 'found'],
    ['In the spring, 310 teenagers were later recovered by state police.', '310', 'found'],
    ['The shelter network released 7,250 children to sponsors in May.', '7,250', 'released'],
    ['Caseworkers were unable to reach 4,100 sponsors after the calls.', '4,100', 'lost_contact'],
  ])('%s → %s', (text, raw, predicate) => {
    expect(governing(text, raw)).toBe(predicate);
  });

  test('a verb further off, or one that belongs to another clause, does not govern the number', () => {
    expect(governing('Hotline staff, who rescued nobody, logged 5,400 calls this spring.', '5,400')).toBeNull();
    expect(governing('The children were rescued; 420 of the cases went to court.', '420')).toBeNull();
  });

  test('a preposition may stand between the verb and its number; the longer of overlapping cues is the verb', () => {
    expect(governing('The agency lost contact with 2,600 children last year.', '2,600')).toBe('lost_contact');
    expect(governing('The raids led to the recovery of 75 girls.', '75')).toBe('found');
  });

  test('"ever", "never", "still" may stand between the auxiliary and the verb', () => {
    expect(governing('Only 3 girls were ever recovered by the task force.', '3')).toBe('found');
    expect(governing('Some 640 minors are still unaccounted for.', '640')).toBe('missing');
  });
});
