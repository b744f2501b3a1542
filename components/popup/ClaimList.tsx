import type { Claim } from '../../lib/contract';
import type { MetricSummary } from '../../lib/messages';
import { metricById } from '../../rules';
import { PRESENTATION } from '../../rules/presentation';
import { metricLine } from '../claim-words';

/** The toolbar list names an uncertain claim's likely metrics as the tooltip does. */
function nameOf(claim: Claim): string {
  const others: Record<string, MetricSummary> = {};
  for (const alt of claim.alternatives ?? []) {
    const m = metricById(alt.metric);
    others[alt.metric] = { shortName: m.shortName, name: m.name, counts: m.counts, notCounts: m.notCounts, tooltip: m.tooltip };
  }
  return metricLine(claim, metricById(claim.metric).shortName, { others, hints: PRESENTATION });
}

interface Props {
  claims: Claim[];
  onFocus: (index: number) => void;
}

/** The page's claims in page order; a click scrolls to one and opens its context popup. */
export function ClaimList({ claims, onFocus }: Props) {
  return (
    <ol class="claims" aria-label="Claims on this page">
      {claims.map((claim, index) => (
        <li key={`${index}:${claim.start}`}>
          <button type="button" class="claim" onClick={() => onFocus(index)} data-testid="claim-item">
            <span class="claim-text">“{claim.text}”</span>
            <span class="claim-metric">
              <span class="metric-name">{nameOf(claim)}</span>
              {claim.conflation && <span class="tag">wording ≠ metric</span>}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
