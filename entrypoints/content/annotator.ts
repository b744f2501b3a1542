// The annotator's state and life on a page (loaded only where the page gate
// saw a candidate): locate candidate blocks cheaply, index just those with
// the careful text index in time slices, send their passages to the
// background engine, map the claims it returns to Ranges, paint them, and keep
// a pointer and keyboard path to each.
import type { Claim } from '../../lib/contract';
import { mayHoldClaim } from '../../lib/engine/prefilter';
import type { AnalyzeReply, MetricSummary, PageSettings, PresentationHints } from '../../lib/messages';
import { readPageDate } from '../../lib/dom/page-date';
import { createHighlighter, type Highlighter } from '../../lib/dom/highlight';
import { rangeAtPoint } from '../../lib/dom/hit-test';
import { CandidateWalk, blockMayHoldClaim, changedBlocks } from '../../lib/dom/candidates';
import { compareRanges, normalizeSpace, rangeForOffsets, rangeHolds } from '../../lib/dom/ranges';
import { TimeSlicer } from '../../lib/dom/slices';
import { onOverlongLine } from '../../lib/dom/long-lines';
import { MAX_PIECE_CHARS, pieceBounds } from '../../lib/dom/passage-pieces';
import { blockOf, isInsideSkipped, iteratePassages, type CollectOptions, type TextPassage } from '../../lib/dom/text-index';
import { keyLine, metricLine } from '../../components/claim-words';
import type { Box } from '../../components/position';
import { extensionApi } from './extension-api';
import type { AnnotatorHooks, PageAnnotator } from './handoff';
import { readAnalyzeReply } from './inbox';
import { MARK } from './marks';
import { HOST_TAG, isOwnNode } from './own-nodes';
import { PageUi } from './ui';

/** What goes to the engine: a passage, or a piece of one too long for a message, from `start` on. */
interface Candidate {
  passage: TextPassage;
  start: number;
  text: string;
}

interface Annotation {
  claim: Claim;
  range: Range;
  key: string;
}

/** Passages per analyze message: a small first batch so the first highlight comes early. */
const FIRST_BATCH = 4;
const BATCH = 40;
const BATCH_CHARS = 60_000;

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
  private walkAhead: CandidateWalk | null = null;

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
    });
    const view = doc.defaultView!;
    this.indexOptions = {
      skip: (el) => el.localName === HOST_TAG,
      getStyle: (el) => view.getComputedStyle(el),
    };
  }

  get claims(): Claim[] {
    return this.annotations.map((a) => a.claim);
  }

  get running(): boolean {
    return this.highlighter !== null;
  }

  start(walk?: CandidateWalk): void {
    if (this.running) return;
    this.walkAhead = walk ?? null;
    const gen = ++this.generation;
    this.highlighter = createHighlighter(this.doc, this.settings.highlightStyle);
    this.listen(true);
    this.enqueue(() => this.scan([this.doc], gen, true));
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
    } else if (before.highlightStyle !== next.highlightStyle) {
      this.highlighter?.setStyle(next.highlightStyle);
    }
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
   * Indexes `roots` with the careful text index, or on the first scan only the
   * blocks the locating walk finds, and sends the candidate passages to the
   * engine while it goes on; answers are painted in order as they come.
   */
  private async scan(roots: Node[], gen: number, initial = false): Promise<void> {
    const slicer = new TimeSlicer(8);
    const inFlight: Array<{ batch: Candidate[]; reply: Promise<AnalyzeReply | null>; settled: boolean }> = [];
    let batch: Candidate[] = [];
    let chars = 0;
    let sentBatches = 0;
    const send = () => {
      if (batch.length === 0) return;
      const entry = { batch, reply: this.analyze(batch), settled: false };
      void entry.reply.then(() => (entry.settled = true));
      inFlight.push(entry);
      sentBatches++;
      batch = [];
      chars = 0;
    };
    const paint = async (all: boolean): Promise<boolean> => {
      while (inFlight.length > 0 && (all || inFlight[0]!.settled)) {
        const entry = inFlight.shift()!;
        const reply = await entry.reply;
        if (gen !== this.generation) return false;
        if (reply) await this.apply(entry.batch, reply, slicer, gen);
        if (gen !== this.generation) return false;
      }
      return true;
    };
    /** Between slices: the page gets its thread, and answers that arrived are painted. */
    const pause = async (): Promise<boolean> => {
      await slicer.pause();
      return gen === this.generation && (await paint(false));
    };
    const index = async (root: Node): Promise<boolean> => {
      for (const passage of iteratePassages(root, this.indexOptions)) {
        for (const { start, end } of pieceBounds(passage.text)) {
          const text = start === 0 && end === passage.text.length ? passage.text : passage.text.slice(start, end);
          if (mayHoldClaim(text)) {
            batch.push({ passage, start, text });
            chars += text.length;
            const limit = initial && sentBatches === 0 ? FIRST_BATCH : BATCH;
            if (batch.length >= limit || chars >= BATCH_CHARS) send();
          }
          if (!(await pause())) return false;
        }
      }
      return true;
    };

    if (initial) {
      // The gate may have started the walk already (while this script loaded): go on from there.
      const walk = this.walkAhead ?? new CandidateWalk(this.doc);
      this.walkAhead = null;
      const indexed = new Set<Node>();
      for (let next = 0; ; ) {
        if (next >= walk.found.length) {
          if (walk.done) break;
          walk.step(4);
          if (!(await pause())) return;
          continue;
        }
        const block = walk.found[next++]!;
        if (!block.isConnected || isInsideSkipped(block, this.indexOptions)) continue;
        const root = blockOf(block, this.indexOptions) ?? block;
        if (isWithin(root, indexed)) continue;
        indexed.add(root);
        if (!(await index(root))) return;
      }
      // The gate saw a candidate line the walk did not (a block made inline by CSS, say): read it all.
      if (walk.found.length === 0 && !(await index(this.doc))) return;
    } else {
      for (const root of roots) if (!(await index(root))) return;
    }
    send();
    if (initial) this.hooks.mark(MARK.indexed);
    if (!(await paint(true))) return;
    if (initial) {
      this.hooks.mark(MARK.done);
      if (this.annotations.length > 0) {
        const n = this.annotations.length;
        this.ui.update({
          announcement: `Metric Lens marked ${n} number${n === 1 ? '' : 's'} on this page. Alt+Shift+N moves to the next.`,
        });
      }
    }
  }

  private async analyze(batch: Candidate[]): Promise<AnalyzeReply | null> {
    const passages = batch.map((c, i) => ({ id: String(i), text: c.text }));
    this.pageDate ??= readPageDate(this.doc) ?? '';
    const pageDate = this.pageDate || undefined;
    try {
      return readAnalyzeReply(await extensionApi().runtime.sendMessage({ type: 'analyze', passages, ...(pageDate ? { pageDate } : {}) }));
    } catch {
      return null; // background unavailable (extension reloading): the page stays as it is
    }
  }

  private async apply(batch: Candidate[], reply: AnalyzeReply, slicer: TimeSlicer, gen: number): Promise<void> {
    for (const [id, summary] of Object.entries(reply.metrics ?? {})) {
      // Each reply sends the series its own claims are compared with: keep those of earlier replies.
      const before = this.metrics.get(id)?.series;
      this.metrics.set(id, before ? { ...summary, series: { ...before, ...summary.series } } : summary);
    }
    if (reply.presentation) this.hints = reply.presentation;
    let added = 0;
    for (const result of reply.results) {
      const candidate = batch[Number(result.id)];
      if (!candidate) continue;
      for (const claim of result.claims) {
        const key = claimKey(claim);
        if (this.dismissed.has(key)) continue;
        const range = rangeForOffsets(candidate.passage, candidate.start + claim.start, candidate.start + claim.end);
        // The page may have changed since indexing: paint only text that still says this.
        if (!range || !rangeHolds(range, claim.text) || this.isAnnotated(key, range)) continue;
        // Only text long enough to be split can hold a line too wide to paint.
        if (candidate.passage.text.length > MAX_PIECE_CHARS && onOverlongLine(range, this.lineStyle)) continue;
        const annotation = { claim, range, key };
        this.annotations.push(annotation);
        this.byRange.set(range, annotation);
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
    for (const block of changedBlocks(added, isOwnNode)) {
      if (!blockMayHoldClaim(block) || isInsideSkipped(block, this.indexOptions)) continue;
      // New inline content joins its block's passage: index that block.
      const root = blockOf(block, this.indexOptions);
      if (root) roots.add(root);
    }
    const outermost = [...roots].filter((r) => !isWithin(r, roots, false));
    if (outermost.length > 0) await this.scan(outermost, gen);
  }

  private remove(annotation: Annotation): void {
    this.annotations = this.annotations.filter((a) => a !== annotation);
    this.byRange.delete(annotation.range);
    this.highlighter?.remove(annotation.range);
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
    bind('scroll', this.onViewportChange, passive);
    bind('resize', this.onViewportChange, { passive: true });
  }

  private hitTest(x: number, y: number): Annotation | null {
    const range = rangeAtPoint(this.doc, x, y, new Set(this.byRange.keys()));
    return range ? (this.byRange.get(range) ?? null) : null;
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    if (this.annotations.length === 0) return;
    this.pointer = { x: event.clientX, y: event.clientY };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const hit = this.hitTest(this.pointer.x, this.pointer.y);
      if (hit === this.hovered) return;
      this.hovered = hit;
      if (this.ui.current.popup) return;
      this.ui.update({ tooltip: hit ? this.tooltipFor(hit) : this.active ? this.tooltipFor(this.active) : null });
    });
  };

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (!this.ui.current.popup) return;
    if (event.composedPath().some((t) => t instanceof Node && this.ui.isHost(t))) return;
    if (this.hitTest(event.clientX, event.clientY)) return; // the click handler opens that claim
    this.closePopup(false);
  };

  private readonly onClick = (event: MouseEvent): void => {
    if (this.annotations.length === 0 || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const path = event.composedPath();
    if (path.some((t) => t instanceof Node && this.ui.isHost(t))) return;
    // A claim inside a link: the click is the link's.
    if (path.some((t) => t instanceof Element && t.localName === 'a' && t.hasAttribute('href'))) return;
    const selection = this.doc.getSelection();
    if (selection && !selection.isCollapsed) return;
    const hit = this.hitTest(event.clientX, event.clientY);
    if (hit) this.openPopup(hit);
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && (event.code === 'KeyN' || event.code === 'KeyP')) {
      // Typing in the page's fields keeps its keys.
      if (isEditableTarget(event.target) || isEditableTarget(this.doc.activeElement)) return;
      if (this.annotations.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      this.step(event.code === 'KeyN' ? 1 : -1);
      return;
    }
    if (event.key === 'Escape' && this.ui.current.popup) {
      const inUi = event.composedPath().some((t) => t instanceof Node && this.ui.isHost(t));
      if (!inUi) this.closePopup(true);
    }
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

  private step(direction: 1 | -1): void {
    const n = this.annotations.length;
    const current = this.active ? this.annotations.indexOf(this.active) : -1;
    const index = current < 0 ? (direction > 0 ? 0 : n - 1) : (current + direction + n) % n;
    const target = this.annotations[index]!;
    this.moveTo(target);
    this.closePopup(false);
    this.active = target;
    this.highlighter?.setActive(target.range);
    this.ui.update({
      focus: { anchor: boxOf(target.range), label: this.labelFor(target), request: ++this.focusRequest },
      tooltip: this.tooltipFor(target),
    });
  }

  private moveTo(a: Annotation): void {
    const rect = a.range.getBoundingClientRect();
    const view = this.doc.defaultView!;
    if (rect.top >= 0 && rect.bottom <= view.innerHeight) return;
    const el = a.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  private openPopup(a: Annotation): void {
    this.active = a;
    this.highlighter?.setActive(a.range);
    const anchor = boxOf(a.range);
    const focus = this.ui.current.focus;
    this.ui.update({
      tooltip: null,
      popup: { claim: a.claim, metric: this.metrics.get(a.claim.metric), anchor, host: location.hostname || 'this site', ...this.aboutClaim(a.claim) },
      // The ring over the claim is where focus returns when the popup closes.
      focus: { anchor, label: this.labelFor(a), request: focus?.request ?? this.focusRequest },
    });
  }

  private closePopup(returnFocus: boolean): void {
    if (!this.ui.current.popup) return;
    if (returnFocus && this.active) {
      this.ui.update({
        popup: null,
        focus: { anchor: boxOf(this.active.range), label: this.labelFor(this.active), request: ++this.focusRequest },
      });
      return;
    }
    this.active = null;
    this.highlighter?.setActive(null);
    this.ui.update({ popup: null, focus: null, tooltip: null });
  }

  private leaveFocus(): void {
    // Esc on the ring removes it, and its removal fires the blur that asks again: once is enough.
    if (this.ui.current.popup || (!this.active && !this.ui.current.focus)) return;
    this.active = null;
    this.highlighter?.setActive(null);
    this.ui.update({ focus: null, tooltip: this.hovered ? this.tooltipFor(this.hovered) : null });
  }

  private dismissActive(): void {
    const a = this.active;
    if (!a) return;
    this.dismissed.add(a.key);
    this.remove(a);
    this.ui.update({ popup: null, focus: null, tooltip: null, announcement: 'Claim dismissed.' });
    this.reportCount();
  }

  private disableSite(): void {
    this.stop();
    this.hooks.disableSite();
  }
}
