// `npx tsx cli/popup-review.ts [out.jsonl]`: what the popup would show for every labelled claim of
// ../shared/eval/docs-dev.jsonl whose metric the engine gets right: the period read, the official
// figure chosen (value, period, series, statement), the caveats in order and the conflation line.
// For reading the popups as a fact-checker would; the output stays outside the project.
// The script does not judge whether a popup helps: it writes what each shows, for a reader to
// judge, and tallies on stderr how each figure was matched (a count of outcomes, not of quality).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findClaims } from '../lib/engine/index';
import { dayFromUrl } from '../lib/page-date';
import { loadLabelled } from './eval-data';

const source = resolve(import.meta.dirname, '../../shared/eval/docs-dev.jsonl');
const passages = loadLabelled(source).units.filter((u) => u.kind === 'passage');
const rows: unknown[] = [];
let labelled = 0;
let matched = 0;
const outcomes = new Map<string, number>();
const tally = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
for (const p of passages) {
  // The page's date as a browser would read it where the page names none in its metadata: its address.
  const pageDate = dayFromUrl(p.url);
  const claims = findClaims(p.text, pageDate ? { pageDate } : {});
  for (const lab of p.labels) {
    labelled++;
    // A claim matches a label where their spans overlap, as the eval scores passages.
    const c = claims.find((x) => x.start < lab.end && lab.start < x.end);
    if (!c || c.metric !== lab.metric) continue;
    matched++;
    const scoped = c.comparison && /^The sentence counts (?:one state|what one operation|a part of|girls only|boys only)/.test(c.comparison.statement);
    tally(c.comparison ? `figure, ${c.comparison.periodMatch} period${scoped ? ', for scale only' : ''}` : c.noFigure ? 'no figure, reason given' : 'no figure');
    rows.push({
      passage: p.id,
      value: p.text.slice(lab.start, lab.end),
      // The text around the claim, so that a reader judges the popup against what the page says.
      context: p.text.slice(Math.max(0, lab.start - 300), Math.min(p.text.length, lab.end + 200)),
      metric: c.metric,
      predicate: c.predicate,
      unit: c.number.unit,
      pageDate,
      period: c.period ? { raw: c.period.raw, kind: c.period.kind, from: c.period.from, to: c.period.to } : null,
      comparison: c.comparison
        ? {
            value: c.comparison.value,
            period: c.comparison.period,
            periodMatch: c.comparison.periodMatch,
            measure: c.comparison.measure,
            label: c.comparison.label,
            statement: c.comparison.statement,
            ...(c.comparison.sourceNote ? { sourceNote: c.comparison.sourceNote } : {}),
          }
        : null,
      noFigure: c.noFigure ?? null,
      caveats: c.caveats,
      conflation: c.conflation,
    });
  }
}
const out = process.argv[2];
if (out) writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
else for (const r of rows) process.stdout.write(JSON.stringify(r) + '\n');
process.stderr.write(`${labelled} labelled claims, ${matched} with the right metric\n`);
for (const [key, n] of [...outcomes].sort((a, b) => b[1] - a[1])) process.stderr.write(`  ${n}\t${key}\n`);
