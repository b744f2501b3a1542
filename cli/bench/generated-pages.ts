// Large synthetic article pages for the browser benchmark: deterministic
// (seeded), built from filler prose that never passes the prefilter, with
// optional claim sentences spread evenly through the page.
import { mayHoldClaim } from '../../lib/engine/prefilter';

/** A small deterministic generator (mulberry32), so every run sees the same page. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

// Filler: numbers and everyday subjects, but no topic word, so no sentence is a candidate.
const SUBJECTS = ['The city council', 'A local baker', 'The museum', 'Our garden club', 'The orchestra', 'A regional airline', 'The library', 'The weather service', 'A small vineyard', 'The harbour office'];
const VERBS = ['announced', 'described', 'planned', 'reviewed', 'celebrated', 'postponed', 'published', 'measured', 'painted', 'restored'];
const OBJECTS = ['a new timetable', 'the spring exhibition', 'several tomato varieties', 'the river walk', 'an open rehearsal', 'the autumn menu', 'the old lighthouse', 'a cycling route', 'the rainfall record', 'a quiet reading room'];
const TAILS = ['after a long debate', 'on a sunny afternoon', 'with modest fanfare', 'despite the rain', 'for the third time', 'in the old town square', 'to general approval', 'before the holidays'];
const NUMBERED = [
  (n: number) => `Attendance reached ${n} on the first weekend.`,
  (n: number) => `The recipe calls for ${n % 900} grams of flour and a pinch of salt.`,
  (n: number) => `Tickets cost ${(n % 40) + 5} euros, and the doors open at 7 pm.`,
  (n: number) => `The trail climbs ${n % 2000} metres over ${(n % 30) + 3} kilometres.`,
  (n: number) => `Records going back to ${1900 + (n % 120)} show a similar pattern.`,
];

function fillerSentence(rand: () => number): string {
  if (rand() < 0.25) return pick(rand, NUMBERED)(Math.floor(rand() * 90_000) + 10);
  return `${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} ${pick(rand, TAILS)}.`;
}

/** Claim sentences written for this benchmark (figures illustrative, not quoted). */
const CLAIMS = [
  (n: number) => `Border agents encountered ${n.toLocaleString('en-US')} unaccompanied children in a single month, according to CBP data.`,
  (n: number) => `Federal officials lost track of ${n.toLocaleString('en-US')} migrant children after placing them with sponsors.`,
  (n: number) => `The refugee office could not reach the sponsors of ${n.toLocaleString('en-US')} children in its follow-up calls.`,
  (n: number) => `Prosecutors charged ${n % 900} people with child sex trafficking last year.`,
  (n: number) => `The national hotline received ${n.toLocaleString('en-US')} reports of child trafficking that year.`,
  (n: number) => `Smugglers charged families as much as $${((n % 15) + 5) * 1000} per child to reach the border.`,
  (n: number) => `Activists claim that cartels trafficked ${n.toLocaleString('en-US')} children across the border.`,
  (n: number) => `Investigators located ${n % 400} missing children during the operation.`,
  (n: number) => `About ${(n % 40) + 20} percent of detected trafficking victims worldwide are children, the UNODC report says.`,
  (n: number) => `More than ${n.toLocaleString('en-US')} migrant children were released to sponsors over the summer, officials said.`,
  (n: number) => `Labor inspectors found ${n % 1000} minors working in violation of child labor laws.`,
  (n: number) => `Some ${(n % 9) + 1} million children are in forced labour around the world, the ILO estimates.`,
];

export interface GeneratedPage {
  html: string;
  textBytes: number;
  claimSentences: number;
}

/** An article page of about `textBytes` of visible text with `claims` claim sentences spread through it. */
export function generateArticle(opts: { textBytes: number; claims: number; seed: number; title: string }): GeneratedPage {
  const rand = random(opts.seed);
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < opts.textBytes) {
    const sentences = Array.from({ length: 4 + Math.floor(rand() * 5) }, () => fillerSentence(rand));
    const text = sentences.join(' ');
    bytes += text.length + 1;
    paragraphs.push(text);
  }
  for (const p of paragraphs) {
    if (mayHoldClaim(p)) throw new Error(`filler passes the prefilter: ${p}`);
  }
  // Claim sentences replace the middle sentence of evenly spaced paragraphs.
  const withClaim = new Map<number, string>();
  for (let i = 0; i < opts.claims; i++) {
    const at = Math.floor(((i + 0.5) / opts.claims) * paragraphs.length);
    withClaim.set(at, CLAIMS[i % CLAIMS.length]!(Math.floor(rand() * 90_000) + 1_000));
  }
  const body: string[] = [`<h1>${opts.title}</h1>`];
  paragraphs.forEach((text, i) => {
    if (i % 12 === 0) body.push(`<h2>Section ${i / 12 + 1}</h2>`);
    const claim = withClaim.get(i);
    const words = text.split(' ');
    const mid = words.length >> 1;
    // Some inline markup, as real articles have: a link and an emphasis per paragraph.
    words[1] = `<a href="#p${i}">${words[1]}</a>`;
    words[words.length - 2] = `<em>${words[words.length - 2]}</em>`;
    if (claim) words.splice(mid, 0, claim);
    body.push(i % 17 === 5 ? `<ul><li>${words.join(' ')}</li></ul>` : `<p id="p${i}">${words.join(' ')}</p>`);
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${opts.title}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:44em;margin:2em auto;padding:0 1em}</style></head>
<body><article>${body.join('\n')}</article></body></html>`;
  return { html, textBytes: bytes, claimSentences: withClaim.size };
}
