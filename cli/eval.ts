// npm run eval [-- FILE.jsonl ...] [--sensitivity strict|balanced|broad] [--json] [--quiet]
// Without files: every labelled file in ../shared/eval, scored out of fold
// (5 folds grouped by URL; fitting, calibration and thresholds on the other
// folds), for each sensitivity. With files: the shipped model on those files
// as they are (only honest on data it was not fitted on).
import { SENSITIVITIES, Sensitivity, type Claim } from '../lib/contract';
import { findClaims } from '../lib/engine/index';
import { crossValidate, figures, matchAll, type Figures } from './crossval';
import { labelCandidates, loadLabelled, type Unit } from './eval-data';
import { EVAL_DIR, EVAL_FILES, evalDataPresent, loadTrainingData } from './model-data';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function printFigures(title: string, f: Figures): void {
  const s = f.sentences;
  const p = f.passages;
  console.log(`\n== ${title}`);
  if (s.n) {
    console.log(`sentences (${s.n}): detection P ${pct(s.precision)} R ${pct(s.recall)} F1 ${s.f1.toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn}); metric ${pct(s.metricAccuracy)}, predicate ${pct(s.predicateAccuracy)}`);
  }
  if (p.n) {
    console.log(`passages (${p.n}, ${p.labels} claims): claim-level P ${pct(p.precision)} R ${pct(p.recall)} F1 ${p.f1.toFixed(3)} (matched ${p.tp}, predicted ${p.predicted}); metric ${pct(p.metricAccuracy)}, predicate ${pct(p.predicateAccuracy)}`);
  }
  if (f.claimFree.pages) console.log(`news pages with no claim (${f.claimFree.pages}): ${f.claimFree.claims} claims reported, on ${f.claimFree.pagesWithClaims} pages`);
  console.log('\nper metric (matched claims)      support  predicted  precision  recall');
  for (const m of f.perMetric) {
    if (!m.support && !m.predicted) continue;
    console.log(`  ${m.metric.padEnd(30)} ${String(m.support).padStart(6)} ${String(m.predicted).padStart(10)} ${pct(m.precision).padStart(10)} ${pct(m.recall).padStart(7)}`);
  }
  const metrics = f.perMetric.filter((m) => m.support || m.predicted).map((m) => m.metric);
  const abbr = (m: string) => m.split('_').map((w) => w[0]).join('').slice(0, 4);
  console.log(`\nconfusion (rows: labelled, columns: predicted)\n  ${''.padEnd(30)} ${metrics.map((m) => abbr(m).padStart(4)).join(' ')}`);
  for (const want of metrics) {
    const row = f.confusion[want] ?? {};
    console.log(`  ${want.padEnd(30)} ${metrics.map((m) => String(row[m] ?? '.').padStart(4)).join(' ')}`);
  }
  console.log(`\nreliability (${f.reliability.n} reported claims whose truth is known): confidence vs share right (a claim with the right metric)`);
  for (const b of f.reliability.bins) {
    if (!b.n) continue;
    console.log(`  ${b.low.toFixed(1)}-${b.high.toFixed(1)}  n ${String(b.n).padStart(4)}  confidence ${b.confidence.toFixed(3)}  observed ${b.precision.toFixed(3)}`);
  }
  console.log(`  expected calibration error ${f.reliability.ece.toFixed(3)}`);
}

function printErrors(units: readonly Unit[], claims: ReadonlyMap<number, Claim[]>): void {
  const ids = units.map((_, i) => i).filter((i) => !units[i]!.claimFree);
  const pairs = matchAll(units, ids, claims);
  const show = (t: string, lines: string[]) => {
    if (!lines.length) return;
    console.log(`\n${t} (${lines.length})`);
    for (const l of lines) console.log(l);
  };
  const cut = (s: string) => s.replace(/\s+/g, ' ').slice(0, 200);
  const missed: string[] = [];
  for (const u of ids) {
    const unit = units[u]!;
    const list = claims.get(u) ?? [];
    unit.labels.forEach((l, i) => {
      const found = unit.kind === 'sentence' ? list.length > 0 : pairs.some((p) => p.unit === u && p.label === i);
      if (!found) missed.push(`  ${unit.id}  want "${unit.text.slice(l.start, l.end)}" ${l.metric}/${l.predicate}\n      ${cut(unit.text.slice(Math.max(0, l.start - 100), l.end + 100))}`);
    });
  }
  show('missed claims', missed);
  show('false claims', pairs.filter((p) => p.known && p.label === null).map((p) => {
    const t = units[p.unit]!.text;
    return `  ${units[p.unit]!.id}  "${p.claim.number.raw}" ${p.claim.metric}/${p.claim.predicate} ${p.claim.confidence}\n      ${cut(t.slice(Math.max(0, p.claim.start - 100), p.claim.end + 100))}`;
  }));
  const wrong = (key: 'metric' | 'predicate') => pairs.filter((p) => p.label !== null && p.claim[key] !== units[p.unit]!.labels[p.label]![key]).map((p) => {
    const unit = units[p.unit]!;
    const l = unit.labels[p.label!]!;
    return `  ${unit.id}  "${p.claim.number.raw}" got ${p.claim[key]}, want ${l[key]} [${(p.claim.alternatives ?? []).map((a) => `${a.metric} ${a.probability}`).join(', ')}]\n      ${cut(unit.text.slice(Math.max(0, p.claim.start - 100), p.claim.end + 100))}`;
  });
  show('wrong metric', wrong('metric'));
  show('wrong predicate', wrong('predicate'));
}

function main(argv: string[]): number {
  const flag = (name: string) => argv.includes(`--${name}`);
  const sensIndex = argv.indexOf('--sensitivity');
  const only = sensIndex >= 0 ? Sensitivity.safeParse(argv[sensIndex + 1]) : null;
  if (only && !only.success) {
    console.error('--sensitivity must be strict, balanced or broad');
    return 2;
  }
  const files = argv.filter((a, i) => !a.startsWith('--') && !(sensIndex >= 0 && i === sensIndex + 1));
  const levels = only?.success ? [only.data] : SENSITIVITIES;
  const t0 = performance.now();
  if (!files.length) {
    if (!evalDataPresent()) {
      console.error(`no labelled data in ${EVAL_DIR}: give files, or set EVAL_DIR`);
      return 2;
    }
    const units = loadTrainingData().flatMap((l) => l.units);
    const cv = crossValidate(units, labelCandidates(units));
    if (flag('json')) {
      console.log(JSON.stringify(Object.fromEntries(levels.map((s) => [s, cv.bySensitivity[s].figures])), null, 2));
      return 0;
    }
    console.log(`${EVAL_FILES.join(', ')}: ${units.length} pages' sentences and passages, 5 folds grouped by URL, every figure out of fold (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    for (const s of levels) printFigures(`${s}`, cv.bySensitivity[s].figures);
    if (!flag('quiet')) printErrors(units, cv.bySensitivity[only?.success ? only.data : 'balanced'].claims);
    return 0;
  }
  const units = files.flatMap((f) => loadLabelled(f).units);
  const ids = units.map((_, i) => i);
  const out: Record<string, Figures> = {};
  for (const s of levels) {
    const claims = new Map(ids.map((i) => [i, findClaims(units[i]!.text, { sensitivity: s })]));
    out[s] = figures(units, ids, claims);
    if (!flag('json')) printFigures(`${files.join(', ')}, shipped model, ${s}`, out[s]);
    if (!flag('json') && !flag('quiet') && s === (only?.success ? only.data : 'balanced')) printErrors(units, claims);
  }
  if (flag('json')) console.log(JSON.stringify(out, null, 2));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
