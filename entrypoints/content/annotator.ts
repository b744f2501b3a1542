// The annotator's state and life on a page (loaded only where the engine
// found a claim): map the claims the gate got (or, after a change, the claims
// of the changed blocks read with their context) to Ranges in time slices,
// paint them, and keep a pointer and keyboard path to each.
import type { Claim } from '../../lib/contract';
import type { MetricSummary, PageSettings, PresentationHints } from '../../lib/messages';
import { createHighlighter, type Highlighter } from '../../lib/dom/highlight';
import { rangeAtPoint } from '../../lib/dom/hit-test';
import { createScreenReaderMarks, type ScreenReaderMarks } from '../../lib/dom/sr-marks';
import { parkFocusAt, tabStopBeside } from '../../lib/dom/tab-order';
import { blockMayHoldClaim, changedBlocks } from '../../lib/dom/candidates';
import { compareRanges, normalizeSpace, rangeForOffsets, rangeHolds } from '../../lib/dom/ranges';
import { TimeSlicer } from '../../lib/dom/slices';
import { onOverlongLine } from '../../lib/dom/long-lines';
import { MAX_PIECE_CHARS } from '../../lib/dom/passage-pieces';
import { perWalk } from '../../lib/dom/style-memo';
import { blockOf, isInsideSkipped, type CollectOptions } from '../../lib/dom/text-index';
import { keyLine, metricLine } from '../../components/claim-words';
import type { Box } from '../../components/position';
import { extensionApi } from './extension-api';
import type { AnnotatorHooks, PageAnnotator } from './handoff';
import type { PageCommand } from './inbox';
import { MARK } from './marks';
import { HOST_TAG, isOwnNode } from './own-nodes';
import { analyzePage, liveIndexOptions, type PageAnswer } from './page-analysis';
import { PageUi } from './ui';

interface Annotation {
  claim: Claim;
  range: Range;
  key: string;
}

/** A shortcut seen both by the page's key handler and as a browser command within this time acts once. */
const SAME_PRESS_MS = 500;
/** How long a tooltip waits, once the pointer leaves its claim, for the pointer to reach it. */
const TOOLTIP_GRACE_MS = 300;

const SHORTCUT_KEYS: Record<string, PageCommand> = { KeyN: 'next-claim', KeyP: 'previous-claim', KeyH: 'toggle-highlights' };

function boxOf(range: Range): Box {
  const rect = range.getBoundingClientRect();
  return { top: rect.top, left: rect.left, width: rect.width, height: rect.height };
}

function claimKey(claim: Claim): string {
  return `${claim.metric}|${normalizeSpace(claim.text)}`;
}

/** Is `node` (or, with `self`, one of its ancestors only) in `set`? */
function isWithin(node: Node, set: ReadonlySet<Node>, self = true): boolean {
  for (let n: Node | null = self ? node : node.parentNode; n; n = n.parentNode) if (set.has(n)) return true;
  return false;
}

function isEditableTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || el.nodeType !== 1) return false;
  if (el.isContentEditable) return true;
  const tag = el.localName;
  return tag === 'input' || tag === 'textarea' || tag === 'select';
}

export class Annotator implements PageAnnotator {
  private annotations: Annotation[] = [];
  private byRange = new Map<Range, Annotation>();
  private metrics = new Map<string, MetricSummary>();
  private hints: PresentationHints | undefined;
  private pageDate: string | undefined;
  private dismissed = new Set<string>();
  /** Bumped on every stop or restart: work from an older generation drops its results. */
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  private highlighter: Highlighter | null = null;
  /** Screen-reader mode's marks in the page's text (null: the page's DOM is left alone). */
  private srMarks: ScreenReaderMarks | null = null;
  /** Where claim navigation goes on from: the claim last visited (a copy, which outlives its claim). */
  private cursor: Range | null = null;
  /** The page element focus was put on when leaving a claim: navigation goes on from the cursor, not from it. */
  private parkedAt: Element | null = null;
  private lastPress = new Map<PageCommand, { at: number; by: 'key' | 'command' }>();
  private overTooltip = false;
  private tooltipTimer = 0;
  /** The tooltip was hidden with Esc: it stays hidden until the pointer moves to another claim. */
  private tooltipDismissed: Annotation | null = null;
  private readonly ui: PageUi;
  private active: Annotation | null = null;
  private hovered: Annotation | null = null;
  private focusRequest = 0;
  private reportedCount = -1;
  private frame = 0;
  private pointer = { x: -1, y: -1 };
  private readonly indexOptions: CollectOptions;
  private listening = false;
  private readonly lineStyle = (el: Element) => this.doc.defaultView!.getComputedStyle(el);

  constructor(
    private settings: PageSettings,
    private readonly hooks: AnnotatorHooks,
    private readonly doc: Document = document,
  ) {
    this.ui = new PageUi(doc, {
      openFocused: () => this.active && this.openPopup(this.active),
      closePopup: () => this.closePopup(true),
      leaveFocus: () => (this.ui.current.popup ? this.closePopup(true) : this.leaveFocus()),
      dismiss: () => this.dismissActive(),
      disableSite: () => this.disableSite(),
      tabFrom: (direction) => this.tabFrom(direction),
      escape: () => this.escapeOnClaim(),
      hoverTooltip: (inside) => this.hoverTooltip(inside),
    });
    this.indexOptions = liveIndexOptions(doc);
  }

  get claims(): Claim[] {
    return this.annotations.map((a) => a.claim);
  }

  get running(): boolean {
    return this.highlighter !== null;
  }

  start(answer?: PageAnswer): void {
    if (this.running) return;
    const gen = ++this.generation;
    this.highlighter = createHighlighter(this.doc, this.settings.highlightStyle);
    this.srMarks = this.settings.screenReaderMarks ? createScreenReaderMarks(this.doc) : null;
    this.listen(true);
    this.enqueue(() => this.scan(null, gen, true, answer));
  }

  pageChanged(added: Node[], removedFrom: Node[]): void {
    if (!this.running) return;
    const gen = this.generation;
    this.enqueue(() => this.rescan(added, removedFrom, gen));
  }

  stop(): void {
    this.generation++;
    this.highlighter?.clear();
    this.highlighter = null;
    this.srMarks?.clear();
    this.srMarks = null;
    this.hooks.discardPendingChanges();
    this.listen(false);
    this.ui.destroy();
    this.annotations = [];
    this.byRange.clear();
    this.active = null;
    this.hovered = null;
    this.reportCount();
  }

  /**
   * Applies new settings: everything off when the site or the extension is
   * switched off, a fresh analysis when the engine would answer differently, a
   * repaint for a new highlight style.
   */
  updateSettings(next: PageSettings): void {
    const before = this.settings;
    this.settings = next;
    if (!next.active) {
      if (this.running) this.stop();
      return;
    }
    if (!this.running) {
      this.start();
      return;
    }
    if (before.analysisKey !== next.analysisKey) {
      this.stop();
      this.start();
    }
    if (before.highlightStyle !== next.highlightStyle) this.highlighter?.setStyle(next.highlightStyle);
    if (before.screenReaderMarks !== next.screenReaderMarks) this.setScreenReaderMarks(next.screenReaderMarks);
  }

  /** Marks every claim in the text (screen-reader mode), or takes the marks out again. */
  private setScreenReaderMarks(on: boolean): void {
    const focused = this.active && this.srMarks && this.doc.activeElement === this.srMarks.focusTarget(this.active.range);
    if (on && !this.srMarks) {
      this.srMarks = createScreenReaderMarks(this.doc);
      for (const a of this.annotations) this.srMarks.add(a.range, this.metricNameOf(a));
    } else if (!on && this.srMarks) {
      this.srMarks.clear();
      this.srMarks = null;
    }
    this.hooks.discardPendingChanges();
    if (focused && this.active) this.focusOn(this.active);
  }

  /** A browser shortcut (the manifest's `commands`) pressed on this tab. */
  runCommand(command: PageCommand): void {
    if (this.isRepeat(command, 'command')) return;
    this.perform(command);
  }

  /** Scrolls to claim `index` (document order) and opens its popup. */
  focusClaim(index: number): boolean {
    const annotation = this.annotations[index];
    if (!annotation) return false;
    this.moveTo(annotation);
    this.openPopup(annotation);
    return true;
  }

  // ---- scanning ----------------------------------------------------------

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch(() => {
      // A failed scan (the page tore the nodes down mid-way, the background
      // restarted) must not break the next one; there is nothing to report.
    });
  }

  /**
   * Paints the engine's claims for the page (the first scan: the gate's answer
   * when it has one, else the page analyzed afresh) or for changed blocks.
   */
  private async scan(candidates: Element[] | null, gen: number, initial = false, given?: PageAnswer): Promise<void> {
    const current = () => gen === this.generation;
    const answer = given ?? (await analyzePage(this.doc, candidates && { blocks: candidates }, this.indexOptions, { current }));
    if (!current()) return;
    if (initial) this.hooks.mark(MARK.indexed);
    if (answer) await this.apply(answer, new TimeSlicer(8), gen);
    if (!current() || !initial) return;
    this.hooks.mark(MARK.done);
    if (this.annotations.length > 0) this.ui.announce(this.foundMessage());
  }

  private async apply(answer: PageAnswer, slicer: TimeSlicer, gen: number): Promise<void> {
    const { places, reply } = answer;
    for (const [id, summary] of Object.entries(reply.metrics)) {
      // Each reply sends the series its own claims are compared with: keep those of earlier replies.
      const before = this.metrics.get(id)?.series;
      this.metrics.set(id, before ? { ...summary, series: { ...before, ...summary.series } } : summary);
    }
    if (reply.presentation) this.hints = reply.presentation;
    let added = 0;
    for (const [i, claims] of reply.claims.entries()) {
      const place = places[i];
      if (!place || claims.length === 0) continue;
      for (const claim of claims) {
        const key = claimKey(claim);
        if (this.dismissed.has(key)) continue;
        const range = rangeForOffsets(place.passage, place.start + claim.start, place.start + claim.end);
        // The page may have changed since indexing: paint only text that still says this.
        if (!range || !rangeHolds(range, claim.text) || this.isAnnotated(key, range)) continue;
        // Only text long enough to be split can hold a line too wide to paint.
        if (place.passage.text.length > MAX_PIECE_CHARS && onOverlongLine(range, this.lineStyle)) continue;
        const annotation = { claim, range, key };
        this.annotations.push(annotation);
        this.byRange.set(range, annotation);
        // The marks come first: they set the range to the marked text, which the highlight then paints.
        this.srMarks?.add(range, this.metricNameOf(annotation));
        this.highlighter?.add(range);
        added++;
      }
      await slicer.pause();
      if (gen !== this.generation) return;
    }
    if (added === 0) return;
    this.annotations.sort((a, b) => compareRanges(a.range, b.range));
    this.hooks.discardPendingChanges(); // the wrapping fallback changes the DOM; the Highlight API does not
    this.hooks.mark(MARK.firstHighlight);
    this.reportCount();
  }

  private isAnnotated(key: string, range: Range): boolean {
    return this.annotations.some(
      (a) => a.key === key && a.range.compareBoundaryPoints(0, range) === 0 && a.range.compareBoundaryPoints(2, range) === 0,
    );
  }

  /**
   * After page changes: drop claims whose text is gone; of the changed blocks,
   * index only those whose rendered text passes the prefilter.
   */
  private async rescan(added: Node[], removedFrom: Node[], gen: number): Promise<void> {
    if (gen !== this.generation) return;
    void removedFrom; // removals matter only through the ranges they break, checked next
    const dead = this.annotations.filter((a) => !rangeHolds(a.range, a.claim.text));
    for (const a of dead) this.remove(a);
    if (dead.length > 0) this.reportCount();

    const roots = new Set<Node>();
    const options = perWalk(this.indexOptions); // changed blocks share their ancestors
    for (const block of changedBlocks(added, isOwnNode)) {
      if (!blockMayHoldClaim(block) || isInsideSkipped(block, options)) continue;
      // New inline content joins its block's passage: index that block.
      const root = blockOf(block, options);
      if (root) roots.add(root);
    }
    const outermost = [...roots].filter((r) => !isWithin(r, roots, false));
    if (outermost.length > 0) await this.scan(outermost as Element[], gen);
  }

  private remove(annotation: Annotation): void {
    this.annotations = this.annotations.filter((a) => a !== annotation);
    this.byRange.delete(annotation.range);
    this.highlighter?.remove(annotation.range);
    if (this.srMarks) {
      this.srMarks.remove(annotation.range);
      this.hooks.discardPendingChanges();
    }
    if (this.tooltipDismissed === annotation) this.tooltipDismissed = null;
    if (this.hovered === annotation) {
      this.hovered = null;
      this.ui.update({ tooltip: null });
    }
    if (this.active === annotation) {
      this.active = null;
      this.ui.update({ focus: null, popup: null, tooltip: null });
    }
  }

  private reportCount(): void {
    const count = this.annotations.length;
    if (count === this.reportedCount) return;
    this.reportedCount = count;
    extensionApi().runtime.sendMessage({ type: 'claims-count', count }).catch(() => {});
  }

  // ---- pointer and keyboard ---------------------------------------------

  private listen(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    const view = this.doc.defaultView!;
    const passive = { capture: true, passive: true };
    const bind = (type: string, handler: (event: never) => void, options: AddEventListenerOptions | boolean) => {
      if (on) view.addEventListener(type, handler as EventListener, options);
      else view.removeEventListener(type, handler as EventListener, options);
    };
    bind('pointermove', this.onPointerMove, passive);
    bind('pointerdown', this.onPointerDown, passive);
    bind('click', this.onClick, true);
    bind('keydown', this.onKeyDown, true);
    bind('focusin', this.onFocusIn, true);
    bind('scroll', this.onViewportChange, passive);
    bind('resize', this.onViewportChange, { passive: true });
  }

  private hitTest(x: number, y: number): Annotation | null {
    const range = rangeAtPoint(this.doc, x, y, new Set(this.byRange.keys()));
    return range ? (this.byRange.get(range) ?? null) : null;
  }

  private inUi(event: Event): boolean {
    return event.composedPath().some((t) => t instanceof Node && this.ui.isHost(t));
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    if (this.annotations.length === 0) return;
    // On the tooltip itself: it stays (WCAG 1.4.13, hoverable).
    if (this.inUi(event)) return;
    this.pointer = { x: event.clientX, y: event.clientY };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const hit = this.hitTest(this.pointer.x, this.pointer.y);
      if (hit === this.hovered) return;
      this.hovered = hit;
      if (hit !== this.tooltipDismissed) this.tooltipDismissed = null;
      if (this.ui.current.popup) return;
      const view = this.doc.defaultView!;
      view.clearTimeout(this.tooltipTimer);
      if (hit) {
        if (hit !== this.tooltipDismissed) this.ui.update({ tooltip: this.tooltipFor(hit) });
        return;
      }
      // Off the claim: a moment for the pointer to cross the gap to the tooltip.
      this.tooltipTimer = view.setTimeout(() => this.settleTooltip(), TOOLTIP_GRACE_MS);
    });
  };

  /** The tooltip once the pointer is on neither a claim nor the tooltip: the focused claim's, or none. */
  private settleTooltip(): void {
    if (this.overTooltip || this.hovered || this.ui.current.popup) return;
    this.ui.update({ tooltip: this.active && this.active !== this.tooltipDismissed ? this.tooltipFor(this.active) : null });
  }

  private hoverTooltip(inside: boolean): void {
    this.overTooltip = inside;
    if (inside) {
      this.doc.defaultView!.clearTimeout(this.tooltipTimer);
      return;
    }
    this.tooltipTimer = this.doc.defaultView!.setTimeout(() => this.settleTooltip(), TOOLTIP_GRACE_MS);
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (!this.ui.current.popup) return;
    if (this.inUi(event)) return;
    if (this.hitTest(event.clientX, event.clientY)) return; // the click handler opens that claim
    this.closePopup(false);
  };

  private readonly onClick = (event: MouseEvent): void => {
    if (this.annotations.length === 0 || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const path = event.composedPath();
    if (this.inUi(event)) return;
    // A claim inside a link: the click is the link's.
    if (path.some((t) => t instanceof Element && t.localName === 'a' && t.hasAttribute('href'))) return;
    const selection = this.doc.getSelection();
    if (selection && !selection.isCollapsed) return;
    const hit = this.hitTest(event.clientX, event.clientY);
    if (hit) this.openPopup(hit);
  };

  /** Was this press of `command` already acted on, through the other path (page key or browser command)? */
  private isRepeat(command: PageCommand, by: 'key' | 'command'): boolean {
    const now = performance.now();
    const last = this.lastPress.get(command);
    this.lastPress.set(command, { at: now, by });
    return !!last && last.by !== by && now - last.at < SAME_PRESS_MS;
  }

  private perform(command: PageCommand): void {
    if (command === 'toggle-highlights') this.toggleHighlights();
    else if (this.annotations.length > 0) this.step(command === 'next-claim' ? 1 : -1);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const command = SHORTCUT_KEYS[event.code];
    // The page's own handling of the shortcuts, for browsers (or people) that took the commands' keys away.
    if (command && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
      // Typing in the page's fields keeps its keys.
      if (isEditableTarget(event.target) || isEditableTarget(this.doc.activeElement)) return;
      if (command !== 'toggle-highlights' && this.annotations.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      if (!this.isRepeat(command, 'key')) this.perform(command);
      return;
    }
    const onMark = this.markedClaimOf(event.target);
    if (onMark) {
      // The claim's own mark has the focus (screen-reader mode): Enter opens it, Esc leaves it.
      if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        this.openPopup(onMark);
      } else if (event.key === 'Escape' && !this.ui.current.popup) {
        event.preventDefault();
        this.escapeOnClaim();
      }
      return;
    }
    if (event.key !== 'Escape' || this.inUi(event)) return;
    if (this.ui.current.popup) this.closePopup(true);
    else if (this.ui.current.tooltip) this.hideTooltip();
  };

  /** Esc on the focused claim: its tooltip goes first, focus staying; a second Esc leaves the claim. */
  private escapeOnClaim(): void {
    if (this.ui.current.tooltip) this.hideTooltip();
    else this.leaveFocus(true);
  }

  /** Esc with a tooltip shown and the focus anywhere on the page: the tooltip goes, the focus stays. */
  private hideTooltip(): void {
    this.tooltipDismissed = this.hovered ?? this.active;
    this.ui.update({ tooltip: null });
  }

  /** The claim whose screen-reader mark is `target`, if it is one. */
  private markedClaimOf(target: EventTarget | null): Annotation | null {
    if (!this.srMarks || !(target instanceof Node)) return null;
    const range = this.srMarks.rangeOf(target);
    return range ? (this.byRange.get(range) ?? null) : null;
  }

  /** Focus moved within the page: off the claim's mark, the claim is no longer current (the cursor stays). */
  private readonly onFocusIn = (event: FocusEvent): void => {
    if (!this.active || !this.srMarks || this.ui.current.popup) return;
    if (this.inUi(event) || this.markedClaimOf(event.target) === this.active) return;
    this.leaveFocus();
  };

  private readonly onViewportChange = (): void => {
    const { tooltip, popup, focus } = this.ui.current;
    if (!tooltip && !popup && !focus) return;
    requestAnimationFrame(() => this.refreshAnchors());
  };

  private refreshAnchors(): void {
    const { tooltip, popup, focus } = this.ui.current;
    const shown = this.active ?? this.hovered;
    if (!shown) return;
    const anchor = boxOf(shown.range);
    this.ui.update({
      tooltip: tooltip ? { ...tooltip, anchor: boxOf((this.hovered ?? shown).range) } : null,
      popup: popup && this.active ? { ...popup, anchor } : popup,
      focus: focus && this.active ? { ...focus, anchor } : focus,
    });
  }

  // ---- claim navigation and popup ---------------------------------------

  private metricNameOf(a: Annotation): string {
    return this.metrics.get(a.claim.metric)?.shortName ?? a.claim.metricName;
  }

  private foundMessage(): string {
    const n = this.annotations.length;
    const found = `Metric Lens found ${n} claim${n === 1 ? '' : 's'}`;
    return this.srMarks
      ? `${found}, marked in the text. Press Alt+Shift+N to go to the next.`
      : `${found}. Press Alt+Shift+N to go to the next; a screen-reader mode on the options page marks them in the text.`;
  }

  private tooltipFor(a: Annotation) {
    return { claim: a.claim, metric: this.metrics.get(a.claim.metric), anchor: boxOf(a.range), ...this.aboutClaim(a.claim) };
  }

  /** The likely metrics' summaries and the presentation levels, for the uncertainty lines. */
  private aboutClaim(claim: Claim): { others: Record<string, MetricSummary>; hints?: PresentationHints } {
    const others: Record<string, MetricSummary> = {};
    for (const alt of claim.alternatives ?? []) {
      const summary = this.metrics.get(alt.metric);
      if (summary) others[alt.metric] = summary;
    }
    return this.hints ? { others, hints: this.hints } : { others };
  }

  private labelFor(a: Annotation): string {
    const index = this.annotations.indexOf(a) + 1;
    const metric = this.metrics.get(a.claim.metric);
    const line = keyLine(a.claim, metric?.tooltip);
    const name = metricLine(a.claim, metric?.shortName ?? a.claim.metricName, this.aboutClaim(a.claim));
    return `Claim ${index} of ${this.annotations.length}: “${a.claim.text}”. ${name}. ${line} Press Enter for context.`;
  }

  /**
   * The claim to go to next (1) or before (-1): from the current claim; else
   * from the page element that has the focus; else from the claim last
   * visited; else the first (or last) one.
   */
  private nextIndex(direction: 1 | -1): number {
    const n = this.annotations.length;
    const current = this.active ? this.annotations.indexOf(this.active) : -1;
    if (current >= 0) return (current + direction + n) % n;
    let from: Range | null = null;
    const focused = this.doc.activeElement;
    const onMark = this.markedClaimOf(focused);
    if (onMark) return (this.annotations.indexOf(onMark) + direction + n) % n;
    const ownFocus = !focused || focused === this.parkedAt || focused === this.doc.body || focused === this.doc.documentElement;
    if (!ownFocus && !this.ui.isHost(focused)) {
      from = this.doc.createRange();
      from.selectNode(focused);
    } else if (this.cursor) {
      from = this.cursor;
    }
    if (!from) return direction > 0 ? 0 : n - 1;
    if (direction > 0) {
      // The first claim that starts after the starting point's start.
      const i = this.annotations.findIndex((a) => a.range.compareBoundaryPoints(Range.START_TO_START, from!) > 0);
      return i < 0 ? 0 : i;
    }
    for (let i = n - 1; i >= 0; i--) {
      if (this.annotations[i]!.range.compareBoundaryPoints(Range.START_TO_START, from) < 0) return i;
    }
    return n - 1;
  }

  private step(direction: 1 | -1): void {
    const target = this.annotations[this.nextIndex(direction)]!;
    this.moveTo(target);
    this.closePopup(false);
    this.focusOn(target);
  }

  /** Makes `a` the current claim and gives it the keyboard focus: its own mark in screen-reader mode, else the ring. */
  private focusOn(a: Annotation): void {
    this.active = a;
    this.cursor = a.range.cloneRange();
    this.tooltipDismissed = null;
    this.highlighter?.setActive(a.range);
    const mark = this.srMarks?.focusTarget(a.range);
    if (mark) {
      this.ui.update({ focus: null, tooltip: this.tooltipFor(a) });
      mark.focus({ preventScroll: true });
      return;
    }
    this.ui.update({
      focus: { anchor: boxOf(a.range), label: this.labelFor(a), request: ++this.focusRequest },
      tooltip: this.tooltipFor(a),
    });
  }

  private moveTo(a: Annotation): void {
    const rect = a.range.getBoundingClientRect();
    const view = this.doc.defaultView!;
    if (rect.top >= 0 && rect.bottom <= view.innerHeight) return;
    const el = a.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  /**
   * The popup needs room above or below its claim (it never covers it): when
   * neither side has about a popup's height, the claim is scrolled to the top
   * first (small screens, high zoom).
   */
  private makeRoom(a: Annotation): void {
    const view = this.doc.defaultView!;
    const rect = a.range.getBoundingClientRect();
    const room = Math.max(rect.top, view.innerHeight - rect.bottom);
    // About the popup's usual height, or most of a short viewport.
    if (room >= Math.min(420, view.innerHeight * 0.7)) return;
    view.scrollBy({ top: rect.top - 12, behavior: 'instant' as ScrollBehavior });
  }

  private openPopup(a: Annotation): void {
    this.moveTo(a);
    this.makeRoom(a);
    this.active = a;
    this.cursor = a.range.cloneRange();
    this.highlighter?.setActive(a.range);
    this.ui.refreshTheme();
    const anchor = boxOf(a.range);
    const focus = this.ui.current.focus;
    this.ui.update({
      tooltip: null,
      popup: { claim: a.claim, metric: this.metrics.get(a.claim.metric), anchor, host: location.hostname || 'this site', ...this.aboutClaim(a.claim) },
      // The ring over the claim is where focus returns when the popup closes (in screen-reader mode, its mark).
      focus: this.srMarks ? null : { anchor, label: this.labelFor(a), request: focus?.request ?? this.focusRequest },
    });
  }

  private closePopup(returnFocus: boolean): void {
    if (!this.ui.current.popup) return;
    if (returnFocus && this.active) {
      const a = this.active;
      this.ui.update({ popup: null });
      this.focusOn(a);
      // Back on the claim, the tooltip would repeat what the popup just said.
      this.ui.update({ tooltip: null });
      return;
    }
    this.active = null;
    this.highlighter?.setActive(null);
    this.ui.update({ popup: null, focus: null, tooltip: null });
  }

  /**
   * The claim is no longer current. With `park` (Esc), the focus goes to the
   * page where the claim stands (its own mark in screen-reader mode, else its
   * paragraph), not to the end of the document where the ring was.
   */
  private leaveFocus(park = false): void {
    // Esc on the ring removes it, and its removal fires the blur that asks again: once is enough.
    if (this.ui.current.popup || (!this.active && !this.ui.current.focus)) return;
    const left = this.active;
    this.active = null;
    this.highlighter?.setActive(null);
    const mark = left && this.srMarks?.focusTarget(left.range);
    const onMark = !!mark && this.doc.activeElement === mark;
    // Park before the ring goes, so that its blur finds the focus already in the page.
    if (park && left && !onMark) this.parkedAt = parkFocusAt(left.range);
    this.ui.update({ focus: null, tooltip: this.hovered ? this.tooltipFor(this.hovered) : null });
  }

  /** Tab or Shift+Tab on the ring: the page's next stop after the claim, or the one before it. */
  private tabFrom(direction: 1 | -1): void {
    const a = this.active;
    if (!a) return;
    if (this.ui.current.popup) this.ui.update({ popup: null });
    const target = tabStopBeside(a.range, direction, (el) => el.localName === HOST_TAG);
    if (target) {
      target.focus();
      return;
    }
    // Nothing to stop at on that side: the focus stays in the page, where the claim stands.
    this.leaveFocus(true);
  }

  private dismissActive(): void {
    const a = this.active;
    if (!a) return;
    const index = this.annotations.indexOf(a);
    this.dismissed.add(a.key);
    this.ui.update({ popup: null, focus: null, tooltip: null });
    this.remove(a);
    this.reportCount();
    // Focus goes on to the next claim, so the keyboard is never left at the end of the page.
    const next = this.annotations[index] ?? this.annotations[index - 1];
    if (next) {
      this.moveTo(next);
      this.focusOn(next);
      this.ui.update({ tooltip: null });
    } else {
      this.parkedAt = parkFocusAt(a.range);
    }
    const left = this.annotations.length;
    this.ui.announce(left > 0 ? 'Claim dismissed.' : 'Claim dismissed. No claims left on this page.');
  }

  private toggleHighlights(): void {
    const highlighter = this.highlighter;
    if (!highlighter) return;
    const visible = !highlighter.visible;
    highlighter.setVisible(visible);
    this.ui.announce(visible ? 'Highlights shown.' : 'Highlights hidden.');
  }

  private disableSite(): void {
    this.stop();
    this.hooks.disableSite();
  }
}
