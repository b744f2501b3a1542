import { describe, expect, it } from 'vitest';
import { cat, cueWeightName, dot } from '../../lib/engine/feature-names';

describe('feature names', () => {
  it('joins parts with a dot, or without one', () => {
    expect(dot('cue', 'orr-shelter')).toBe('cue.orr-shelter');
    expect(dot(dot('cw', 'ilo_global'), 'near')).toBe('cw.ilo_global.near');
    expect(cat('mx.', 'top')).toBe('mx.top');
  });

  it('reads a pooled cue weight apart, and nothing else', () => {
    expect(cueWeightName('cw.cbp_uac.prev')).toEqual({
      metric: 'cbp_uac', place: 'prev', ctx: 'cw.cbp_uac.ctx', anaphor: 'cw.cbp_uac.prev.anaphor', nonoun: 'cw.cbp_uac.prev.nonoun',
    });
    expect(cueWeightName('cw.cbp_uac.prev.anaphor')).toBeNull();
    expect(cueWeightName('cue.cbp_uac.prev')).toBeNull();
    expect(cueWeightName('cw.CBP.prev')).toBeNull();
  });
});
