import { expect, test } from 'vitest';
import { splitSentences } from '../../lib/engine/sentences';

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

test('abbreviations, initials and decimals do not end a sentence', () => {
  expect(split('Sen. J.D. Smith cited 3.5 percent. The U.S. Border Patrol disagreed.')).toEqual([
    'Sen. J.D. Smith cited 3.5 percent.',
    'The U.S. Border Patrol disagreed.',
  ]);
});

test('an abbreviation can still close a sentence', () => {
  expect(split('They were sent to the U.S. The report followed.')).toEqual(['They were sent to the U.S.', 'The report followed.']);
});

test('quotes, blank lines and list items split; offsets are exact', () => {
  const text = 'He said "no." Then left!\n\n- a bullet\n- another';
  const spans = splitSentences(text);
  expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['He said "no."', 'Then left!', '- a bullet', '- another']);
});
