// Feature names are made of a few parts (a rule id, a place, a unit) for every
// number of a page. Made once and then looked up, a name costs no new string
// and no new hash per number, and a page's evidence shares its names.

/** Names are bounded by the rules and the language, but a page of random words is not. */
const MAX_NAMES = 200_000;

function joiner(sep: string): (a: string, b: string) => string {
  let joined = new Map<string, Map<string, string>>();
  let size = 0;
  return (a, b) => {
    let byB = joined.get(a);
    if (byB === undefined) joined.set(a, (byB = new Map()));
    let name = byB.get(b);
    if (name === undefined) {
      if (size >= MAX_NAMES) {
        joined = new Map([[a, (byB = new Map())]]);
        size = 0;
      }
      byB.set(b, (name = a + sep + b));
      size++;
    }
    return name;
  };
}

/** `${a}.${b}`, the same string each time. */
export const dot = joiner('.');
/** `${a}${b}`, the same string each time. */
export const cat = joiner('');

/** A pooled cue weight's name `cw.<metric>.<place>` read apart, with the names made from it. */
export interface CueWeightName {
  metric: string;
  place: string;
  /** `cw.<metric>.ctx`, `cw.<metric>.<place>.anaphor`, `cw.<metric>.<place>.nonoun`. */
  ctx: string;
  anaphor: string;
  nonoun: string;
}

const CUE_WEIGHT = /^cw\.([a-z_]+)\.(\w+)$/;
const cueWeightNames = new Map<string, CueWeightName | null>();

/** `cw.<metric>.<place>` (one word each) read apart, once per name; null for any other name. */
export function cueWeightName(name: string): CueWeightName | null {
  let parsed = cueWeightNames.get(name);
  if (parsed === undefined) {
    const m = CUE_WEIGHT.exec(name);
    parsed = m ? { metric: m[1]!, place: m[2]!, ctx: `cw.${m[1]}.ctx`, anaphor: `${name}.anaphor`, nonoun: `${name}.nonoun` } : null;
    if (cueWeightNames.size > 50_000) cueWeightNames.clear();
    cueWeightNames.set(name, parsed);
  }
  return parsed;
}
