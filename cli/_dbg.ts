import { documentCandidates } from '../lib/engine/document';
import { blocksOfText } from '../lib/engine/reading';
import { scoreEvidence, contributions } from '../lib/engine/model';
import { MODEL } from '../rules/model';
for (const t of process.argv.slice(2)) {
  for (const c of documentCandidates(blocksOfText(t).doc)) {
    const s = scoreEvidence(MODEL, c.evidence);
    const k = contributions(MODEL, c.evidence, s.metrics[0]!.metric);
    console.log(c.q.raw, 'pClaim', s.pClaim.toFixed(3), s.metrics.slice(0,3).map(m=>m.metric+' '+m.probability.toFixed(2)).join(', '), [...c.evidence.packCues]);
    console.log('  claim:', k.claim.slice(0, 8).map(x => `${x.feature} ${x.weight.toFixed(2)}`).join('; '));
    console.log('  metric:', k.metric.slice(0, 8).map(x => `${x.feature} ${x.weight.toFixed(2)}`).join('; '));
  }
}
