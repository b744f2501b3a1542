// The context popup: the number, what the sentence says against what the
// metric counts, the official figure with its source, caveats, and why the
// claim was flagged. Every page-derived string is rendered as a text node.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Claim } from '../lib/contract';
import type { MetricSummary, PresentationHints } from '../lib/messages';
import { PREDICATE_WORDS, safeHref } from './claim-words';
import { ConflationLine, FigureSection, PeriodFact, UncertainSection, WhySection, CaveatsSection, DetailsSection } from './popup-sections';
import type { Box } from './position';
import { usePlacement } from './use-placement';

export interface ClaimPopupProps {
  claim: Claim;
  metric?: MetricSummary;
  anchor: Box;
  host: string;
  onClose: () => void;
  onDismiss: () => void;
  onDisableSite: () => void;
  /** Summaries of the other likely metrics, by id. */
  others?: Record<string, MetricSummary>;
  hints?: PresentationHints;
  /** Tab past the last control, or Shift+Tab before the first: the popup closes, focus back on its claim. */
  onTabOut?: () => void;
}

/** The popup's own tab stops, in order. */
function tabStops(root: HTMLElement): HTMLElement[] {
  const selector = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  return Array.from(root.querySelectorAll<HTMLElement>(selector)).filter((el) => el.getClientRects().length > 0);
}

export function ClaimPopup({ claim, metric, anchor, host, onClose, onDismiss, onDisableSite, others, hints, onTabOut }: ClaimPopupProps) {
  const { ref, style } = usePlacement<HTMLDivElement>(anchor, 'below');
  const closeRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [claim]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab' && onTabOut && ref.current) {
      // Leaving the popup by Tab would land at the page's end or top: go back to the claim instead.
      const stops = tabStops(ref.current);
      const at = (ref.current.getRootNode() as ShadowRoot | Document).activeElement as HTMLElement | null;
      const leaving = event.shiftKey
        ? at === ref.current || at === stops[0]
        : at === stops[stops.length - 1] || stops.length === 0;
      if (leaving) {
        event.preventDefault();
        event.stopPropagation();
        onTabOut();
      }
    }
  };
  const counts = claim.conflation?.counts ?? metric?.counts;
  const source = claim.source;
  const href = source ? safeHref(source.url) : null;
  return (
    <div
      class="popup"
      role="dialog"
      aria-modal="false"
      aria-labelledby="ml-popup-title"
      tabIndex={-1}
      ref={ref}
      style={style}
      onKeyDown={onKeyDown}
    >
      <div class="popup-head">
        <h2 id="ml-popup-title">{metric?.name ?? claim.metricName}</h2>
        <button type="button" class="close" aria-label="Close" ref={closeRef} onClick={onClose}>
          ×
        </button>
      </div>
      <blockquote class="quote">{claim.text}</blockquote>
      <UncertainSection claim={claim} metric={metric} ctx={{ others, hints }} />
      <dl class="facts">
        <dt>The number</dt>
        <dd class="number">{claim.number.raw}</dd>
        <dt>The sentence says</dt>
        <dd class="says">{PREDICATE_WORDS[claim.predicate]}</dd>
        {counts && !claim.conflation && (
          <>
            <dt>The figure counts</dt>
            <dd class="counts">{counts}</dd>
          </>
        )}
        <PeriodFact claim={claim} />
      </dl>
      {claim.conflation && <ConflationLine conflation={claim.conflation} />}
      {claim.comparison !== undefined ? (
        <FigureSection claim={claim} metric={metric} />
      ) : source && (
        <section class="source">
          <h3>Official figure</h3>
          <p>
            <span class="source-value">{source.value}</span>
            {' · '}
            {source.period}
          </p>
          <p class="source-ref">
            {source.publisher}:{' '}
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {source.title}
              </a>
            ) : (
              source.title
            )}
          </p>
        </section>
      )}
      <CaveatsSection caveats={claim.caveats} shown={hints?.caveatsShown ?? 2} />
      <WhySection claim={claim} />
      <DetailsSection claim={claim} />
      <div class="actions">
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
        <button type="button" onClick={onDisableSite}>
          Turn off on {host}
        </button>
      </div>
    </div>
  );
}

