// The hover/focus tooltip: which metric the number comes from, and the one line that matters most.
import type { Claim } from '../lib/contract';
import type { MetricSummary } from '../lib/messages';
import { keyLine, metricLine, type ClaimContext } from './claim-words';
import type { Box } from './position';
import { usePlacement } from './use-placement';

export interface ClaimTooltipProps extends ClaimContext {
  claim: Claim;
  metric?: MetricSummary;
  anchor: Box;
  /** The pointer entered or left the tooltip (WCAG 1.4.13: it stays while hovered). */
  onHover?: (inside: boolean) => void;
}

export function ClaimTooltip({ claim, metric, anchor, others, hints, onHover }: ClaimTooltipProps) {
  const { ref, style } = usePlacement<HTMLDivElement>(anchor, 'above');
  return (
    <div
      class="tooltip"
      role="tooltip"
      id="ml-tooltip"
      ref={ref}
      style={style}
      onPointerEnter={() => onHover?.(true)}
      onPointerLeave={() => onHover?.(false)}
    >
      <div class="tooltip-metric">{metricLine(claim, metric?.shortName ?? claim.metricName, { others, hints })}</div>
      <div class="tooltip-line">{keyLine(claim, metric?.tooltip)}</div>
      <div class="tooltip-hint">Click or press Enter for context; Esc hides this</div>
    </div>
  );
}
