// What every page runs: the prefilter on its rendered text (one read; on a
// large page, one sliced walk over the text nodes that also finds the shown
// candidate blocks), and a change watcher for text that comes later. A page
// with no candidate costs that and nothing more: the extension API is not
// touched, no settings are asked for, no UI is built.
// Where the rendered text holds a candidate line, the gate sends those lines
// (with the lines before them and the headings above them) to the background
// engine and asks whether they hold a claim: a page whose candidates are not
// claims pays its one read of the text and one message, no walk and no index.
// A large page's walk tells the background as soon as it finds a candidate,
// so that a worker that was asleep starts and readies the engine meanwhile.
// On a yes (and for text that comes later, and on a large page) the gate
// indexes the candidate blocks and their context and asks the engine for
// their claims; only when claims come back is the annotator script imported,
// and its session takes over with those claims: settings, popup requests,
// painting, later changes.
import type { Browser } from 'webextension-polyfill';
import { blockMayHoldClaim, candidateLineSpans, changedBlocks, gateCandidates, holdsCandidateAcrossBreaks, renderedHeadings, renderedText, type LineSpan } from '../../lib/dom/candidates';
import { watchMutations } from '../../lib/dom/mutations';
import { pageTitle, textLength } from '../../lib/dom/page-document';
import { renderedDocument } from '../../lib/rendered-document';
import { TimeSlicer } from '../../lib/dom/slices';
import { extensionApi } from './extension-api';
import { importSession, type PageSession } from './handoff';
import { readScreenReply } from './inbox';
import { MARK, type MarkName } from './marks';
import { isOwnNode } from './own-nodes';
import { analyzePage, hasClaims, liveIndexOptions, type AnalysisTarget, type PageAnswer } from './page-analysis';

/** The annotator script, built beside this one (see wxt.config.ts: web_accessible_resources). */
const ANNOTATOR_SCRIPT = '/content-annotator.js';

/**
 * A page with more text than this (its text nodes' lengths: no layout) is gated by the sliced walk; a smaller
 * one by one read of its rendered text, a native call cheaper than any walk where it is short.
 */
const WALK_ABOVE_CHARS = 400_000;

/**
 * Calls `work` in the page's first idle period: the page's own parsing and
 * first frame come first, and a task of its own keeps us out of the frame.
 */
function whenIdle(doc: Document, work: () => void): void {
  const view = doc.defaultView!;
  if (typeof view.requestIdleCallback === 'function') view.requestIdleCallback(() => work(), { timeout: 1000 });
  else setTimeout(work, 0);
}

/**
 * Changes to the stored settings, from the first time they matter. Before the
 * session exists they go to the gate (new settings may find claims the old
 * ones did not); from the moment the session's settings are asked for, they
 * are kept for the session (a change while its script loads is not lost).
 */
class SettingsWatch {
  private handler: (() => void) | null = null;
  private early = false;

  constructor(api: Browser, private gateHandler: (() => void) | null) {
    api.storage.onChanged.addListener((_changes, area) => {
      if (area !== 'local') return;
      if (this.handler) this.handler();
      else if (this.gateHandler) this.gateHandler();
      else this.early = true;
    });
  }

  /** From now on changes wait for the session's listener. */
  holdForSession(): (listener: () => void) => void {
    this.gateHandler = null;
    this.early = false;
    return (listener) => {
      this.handler = listener;
      if (this.early) listener();
    };
  }

  /** The session did not start: changes go to the gate again. */
  backToGate(handler: () => void): void {
    this.handler = null;
    this.gateHandler = handler;
  }
}

export interface PageGate {
  /** Stops watching the page (tests start several gates on one document). */
  stop(): void;
}

export function startPageGate(doc: Document = document): PageGate {
  let stopped = false;
  let stopWatch: (() => void) | null = null;
  whenIdle(doc, () => {
    if (!stopped) stopWatch = gate(doc);
  });
  return {
    stop() {
      stopped = true;
      stopWatch?.();
    },
  };
}

interface ChangeRecord {
  added: Node[];
  removedFrom: Node[];
}

/** Runs the gate on `doc`; returns what stops its change watcher. */
function gate(doc: Document): () => void {
  const made = new Set<MarkName>();
  const mark = (name: MarkName) => {
    if (made.has(name)) return;
    made.add(name);
    performance.mark(name);
  };
  mark(MARK.start);

  const options = liveIndexOptions(doc);
  let session: PageSession | null = null;
  let starting = false;
  let running = false;
  let generation = 0;
  /** A whole-page analysis is owed (new settings arrived during one). */
  let pageOwed = false;
  /** Changes seen while an analysis ran or the session's script loaded. */
  let held: ChangeRecord[] = [];
  let settings: SettingsWatch | null = null;

  const candidatesIn = (records: readonly ChangeRecord[]) =>
    records.flatMap((r) => changedBlocks(r.added, isOwnNode)).filter((b) => b.isConnected && blockMayHoldClaim(b));

  const watch = watchMutations(doc.documentElement, {
    isOwn: isOwnNode,
    onChange: (added, removedFrom) => {
      if (session) session.pageChanged(added, removedFrom);
      else if (running || starting) held.push({ added, removedFrom });
      else {
        const blocks = candidatesIn([{ added, removedFrom }]);
        if (blocks.length > 0) analyze({ blocks });
      }
    },
  });

  const root = doc.body ?? doc.documentElement;
  // Counted up to the bound only: a huge page's textContent is itself a long task.
  const small = !root || textLength(root, WALK_ABOVE_CHARS) <= WALK_ABOVE_CHARS;

  const reanalyze = () => {
    if (session || starting) return;
    if (running) pageOwed = true;
    else if (small) judgeLines();
    else analyze(null);
  };

  /** Claims came back (or the site is off, so only the session can tell when it is on again): the session takes over. */
  const wake = (answer: PageAnswer) => {
    starting = true;
    let firstSettings: Promise<unknown>;
    let onSettingsChanged: (listener: () => void) => void;
    let script: string;
    try {
      const api = extensionApi();
      settings ??= new SettingsWatch(api, reanalyze);
      onSettingsChanged = settings.holdForSession();
      firstSettings = api.runtime.sendMessage({ type: 'page-settings', host: location.hostname });
      script = api.runtime.getURL(ANNOTATOR_SCRIPT);
    } catch {
      starting = false; // the API of an extension that was reloaded throws at once
      return;
    }
    firstSettings.catch(() => {}); // read by the session; a failure there is handled there
    importSession(script)
      .then((start) => {
        mark(MARK.annotator);
        session = start({ doc, mark, discardPendingChanges: () => watch.discardPending(), firstSettings, onSettingsChanged, firstAnswer: answer });
        for (const r of held.splice(0)) session.pageChanged(r.added, r.removedFrom);
      })
      .catch(() => {
        // The extension is reloading or gone: a later candidate tries again.
        starting = false;
        held = [];
        settings?.backToGate(reanalyze);
      });
  };

  const analyze = (target: AnalysisTarget) => {
    running = true;
    const gen = ++generation;
    analyzePage(doc, target, options, { current: () => gen === generation, indexed: () => mark(MARK.indexed) })
      .then(
        (answer) => {
          if (answer) mark(MARK.answered);
          if (answer && (hasClaims(answer) || !answer.reply.active)) {
            wake(answer);
            return;
          }
          // Other settings (a broader sensitivity) may find claims here: listen for them, nothing more.
          if (answer) settings ??= new SettingsWatch(extensionApi(), reanalyze);
          mark(MARK.done);
        },
        () => {}, // the API threw (a reloaded extension): a later candidate tries again
      )
      .catch(() => {})
      .finally(afterRun);
  };

  /**
   * The engine is asked whether the page's rendered lines hold a claim; only a
   * yes (or a site switched off, which only the session can watch) pays for the
   * careful reading. An answer that cannot be read leaves the question to it.
   */
  const screen = (text: string, candidates: readonly LineSpan[]) => {
    running = true;
    const gen = ++generation;
    const document = renderedDocument({ text, candidates, headings: renderedHeadings(root!), title: pageTitle(doc) });
    let asked: Promise<unknown>;
    try {
      asked = extensionApi().runtime.sendMessage({ type: 'screen-document', document });
    } catch {
      afterRun(); // the API of an extension that was reloaded throws at once: a later candidate tries again
      return;
    }
    asked
      .then(readScreenReply, () => undefined)
      .then((reply) => {
        if (gen !== generation) return afterRun();
        if (reply === undefined) return afterRun(); // the extension went away under the page
        if (reply) mark(MARK.answered);
        if (!reply || reply.found || !reply.active) return analyze(null);
        settings ??= new SettingsWatch(extensionApi(), reanalyze);
        mark(MARK.indexed);
        mark(MARK.done);
        afterRun();
      })
      .catch(() => afterRun());
  };

  /** A small page judged by its rendered text: a candidate line is screened; lines a <br> parts are read carefully. */
  const judgeLines = () => {
    const text = root ? renderedText(root) : '';
    const lines = candidateLineSpans(text);
    if (lines.spans.length > 0) screen(text, lines.spans);
    else if (lines.adjacent && holdsCandidateAcrossBreaks(doc)) analyze(null);
    else {
      mark(MARK.indexed);
      mark(MARK.done);
    }
  };

  /** A run is over: the changes held meanwhile (or a whole page owed) are judged now. */
  const afterRun = () => {
    running = false;
    if (starting || session) return;
    const owed = pageOwed;
    pageOwed = false;
    const blocks = candidatesIn(held.splice(0));
    if (owed) reanalyze();
    else if (blocks.length > 0) analyze({ blocks });
  };

  /** The walk has found a candidate: the background (perhaps asleep) gets ready while the walk goes on. */
  const warmEngine = () => {
    try {
      extensionApi().runtime.sendMessage({ type: 'warm-engine' }).catch(() => {});
    } catch {
      // A reloaded extension's API throws: the careful reading's own message finds out.
    }
  };

  if (small) {
    judgeLines();
    return () => {
      generation++;
      watch.stop();
    };
  }
  // A large page: one walk over the text nodes, in slices, as the floor walks them (its rendered
  // text would be one long native call that lays it out); the shown blocks it finds go straight to
  // the careful index. A change seen meanwhile waits (running) and is judged after.
  running = true;
  const walkGen = generation;
  const slicer = new TimeSlicer(8);
  void gateCandidates(
    doc,
    async () => {
      await slicer.pause();
      return walkGen === generation;
    },
    warmEngine,
  ).then((located) => {
    if (located === null) return; // stopped
    if (located.length > 0) {
      analyze({ located });
      return;
    }
    mark(MARK.indexed);
    mark(MARK.done);
    afterRun();
  });
  return () => {
    generation++;
    watch.stop();
  };
}
