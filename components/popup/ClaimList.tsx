import type { Claim } from '../../lib/contract';
import { metricById } from '../../rules';

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
              <span class="metric-name">{metricById(claim.metric).shortName}</span>
              {claim.conflation && <span class="tag">wording ≠ metric</span>}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
