// npm run eval -- FILE.jsonl [--sensitivity strict|balanced|broad] [--passages] [--json] [--quiet]
// Prints detection precision/recall/F1, metric and predicate accuracy, and the misses.
import { readFileSync } from 'node:fs';
import { Sensitivity } from '../lib/contract';
import { LabelledLine, score, type Outcome } from './eval-score';

function main(argv: string[]): number {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flag = (name: string) => argv.includes(`--${name}`);
  const sensIndex = argv.indexOf('--sensitivity');
  const sensitivity = Sensitivity.safeParse(sensIndex >= 0 ? argv[sensIndex + 1] : 'balanced');
  if (!sensitivity.success) {
    console.error('--sensitivity must be strict, balanced or broad');
    return 2;
  }
  const file = args.filter((a) => sensIndex < 0 || a !== argv[sensIndex + 1])[0];
  if (!file) {
    console.error('usage: npm run eval -- FILE.jsonl [--sensitivity strict|balanced|broad] [--passages] [--json] [--quiet]');
    return 2;
  }
  const lines: LabelledLine[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    const parsed = LabelledLine.safeParse(JSON.parse(raw));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
    lines.push(parsed.data);
  });
  const s = score(lines, sensitivity.data, flag('passages'));
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  if (flag('json')) {
    const { outcomes, ...figures } = s;
    console.log(JSON.stringify({ file, sensitivity: sensitivity.data, ...figures }, null, 2));
    return 0;
  }
  console.log(`${file} — ${s.n} sentences${flag('passages') ? ', read as passages (lines of one page joined)' : ''}, sensitivity ${sensitivity.data}`);
  console.log(`detection   precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${s.f1.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}, tn ${s.tn})`);
  console.log(`on the ${s.tp} true positives: metric accuracy ${pct(s.metricAccuracy)}, predicate accuracy ${pct(s.predicateAccuracy)}`);
  if (flag('quiet')) return 0;
  const show = (title: string, list: Outcome[], describe: (o: Outcome) => string) => {
    if (!list.length) return;
    console.log(`\n${title} (${list.length})`);
    for (const o of list) console.log(`  ${o.line.id}  ${describe(o)}\n      ${o.line.text.slice(0, 220)}`);
  };
  show('missed claims', s.outcomes.filter((o) => o.line.is_claim && !o.claims.length),
    (o) => `want ${o.line.value} ${o.line.metric}/${o.line.predicate}`);
  show('false claims', s.outcomes.filter((o) => !o.line.is_claim && o.claims.length),
    (o) => o.claims.map((c) => `"${c.number.raw}" ${c.metric}/${c.predicate} ${c.confidence}`).join('; '));
  show('wrong metric', s.outcomes.filter((o) => o.matched && o.matched.metric !== o.line.metric),
    (o) => `"${o.matched!.number.raw}" got ${o.matched!.metric}, want ${o.line.metric} [${o.matched!.rules.slice(0, 4).join(' ')}]`);
  show('wrong predicate', s.outcomes.filter((o) => o.matched && o.matched.predicate !== o.line.predicate),
    (o) => `"${o.matched!.number.raw}" got ${o.matched!.predicate}, want ${o.line.predicate}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
