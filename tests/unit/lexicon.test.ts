import { describe, expect, it } from 'vitest';
import { Lexicon, tokenize } from '../../lib/engine/lexicon';

const hits = (lex: Lexicon<string>, text: string) => Object.fromEntries(lex.match(text, tokenize(text)));

describe('Lexicon', () => {
  const lex = new Lexicon([
    { key: 'care', terms: ['follow up', 'follow-up call'] },
    { key: 'place', terms: ['shelter*'] },
  ]);

  it('lets the words of a term stand apart by spaces, hyphens and dashes only', () => {
    for (const gap of [' ', '-', '\u2010', '\u2011', '\u2013', '\u00a0', ' \u2013 ', '\t']) {
      expect(hits(lex, `a follow${gap}up was made`).care).toEqual([{ start: 2, end: 11 + gap.length - 1 }]);
    }
    for (const gap of [', ', '/', '.', '\u2014', ' and ']) expect(hits(lex, `a follow${gap}up was made`).care).toBeUndefined();
  });

  it('takes the longest term of a key at a place, and prefix terms', () => {
    const text = 'one follow-up call to the shelters';
    expect(hits(lex, text)).toEqual({ care: [{ start: 4, end: 18 }], place: [{ start: 26, end: 34 }] });
  });
});
