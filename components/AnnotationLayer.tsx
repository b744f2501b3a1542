// Everything Metric Lens draws on a page, rendered inside one shadow root:
// the focus ring over the current claim (a real button, so the keyboard and
// screen readers reach claims; Tab from it goes on into the page after the
// claim), the tooltip (hoverable, so the pointer can move onto it), the context
// popup, and a live region for announcements, present (empty) before any
// message is put in it, so that screen readers hear the change.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Claim } from '../lib/contract';
import type { MetricSummary, PresentationHints } from '../lib/messages';
import { ClaimPopup } from './ClaimPopup';
import { ClaimTooltip } from './ClaimTooltip';
import type { Box } from './position';

export interface LayerActions {
  /** Enter or click on the focus ring: open the popup for the focused claim. */
  openFocused(): void;
  /** Esc or the close button: close the popup, focus back on the claim. */
  closePopup(): void;
  /** Focus leaving the ring. */
  leaveFocus(): void;
  /** Esc on the ring: the tooltip goes first (the focus stays, WCAG 1.4.13), then the ring. */
  escape(): void;
  dismiss(): void;
  disableSite(): void;
  /** Tab (1) or Shift+Tab (-1) on the ring, or out of the popup: on into the page, before or after the claim. */
  tabFrom(direction: 1 | -1): void;
  /** The pointer entered (true) or left (false) the tooltip. */
  hoverTooltip(inside: boolean): void;
}

/** The likely metrics' summaries (by id) and the presentation levels, for uncertain claims. */
export interface ClaimExtras {
  others?: Record<string, MetricSummary>;
  hints?: PresentationHints;
}

export interface LayerState {
  theme: 'light' | 'dark';
  tooltip: ({ claim: Claim; metric?: MetricSummary; anchor: Box } & ClaimExtras) | null;
  popup: ({ claim: Claim; metric?: MetricSummary; anchor: Box; host: string } & ClaimExtras) | null;
  /** The claim the keyboard is on; `request` changes whenever focus must move onto it. */
  focus: { anchor: Box; label: string; request: number } | null;
  announcement: string;
}

export function AnnotationLayer({ state, actions }: { state: LayerState; actions: LayerActions }) {
  const ringRef = useRef<HTMLButtonElement>(null);
  const request = state.focus?.request;
  useLayoutEffect(() => {
    // While the popup is open it holds the focus; the ring takes it back when the popup closes.
    if (request !== undefined && !state.popup) ringRef.current?.focus({ preventScroll: true });
  }, [request]);
  const { focus, tooltip, popup } = state;
  return (
    <div class={`layer ${state.theme}`}>
      {focus && (
        <button
          type="button"
          class="ring"
          ref={ringRef}
          aria-label={focus.label}
          aria-describedby={tooltip ? 'ml-tooltip' : undefined}
          style={{
            top: `${focus.anchor.top - 2}px`,
            left: `${focus.anchor.left - 2}px`,
            width: `${focus.anchor.width + 4}px`,
            height: `${focus.anchor.height + 4}px`,
          }}
          onClick={actions.openFocused}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              actions.escape();
            } else if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
              // The ring sits at the end of the document: the next stop is the page's, after the claim.
              event.preventDefault();
              actions.tabFrom(event.shiftKey ? -1 : 1);
            }
          }}
          onBlur={(event) => {
            // Moving into the popup keeps the claim current; leaving for the page does not.
            const next = event.relatedTarget as Node | null;
            if (!next || !(event.currentTarget as Node).getRootNode().contains(next)) actions.leaveFocus();
          }}
        />
      )}
      {tooltip && !popup && <ClaimTooltip {...tooltip} onHover={actions.hoverTooltip} />}
      {popup && (
        <ClaimPopup
          {...popup}
          onClose={actions.closePopup}
          onTabOut={actions.closePopup}
          onDismiss={actions.dismiss}
          onDisableSite={actions.disableSite}
        />
      )}
      <div class="live" role="status" aria-live="polite">
        {state.announcement}
      </div>
    </div>
  );
}
