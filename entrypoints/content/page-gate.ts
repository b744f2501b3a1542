// What every page runs: one read of the rendered text and the prefilter on
// it, and a change watcher for text that comes later. A page with no line
// holding both a quantity and a topic word costs that and nothing more: the
// extension API is not touched, no settings are asked for, no UI is built.
// At the first candidate (at load or later, as the page changes) the
// annotator script is imported and its session takes over: settings, popup
// requests, the careful work.
import type { Browser } from 'webextension-polyfill';
import {
  CandidateWalk, blockMayHoldClaim, candidateLines, candidateLinesSliced, changedBlocks, holdsCandidateAcrossBreaks, renderedText,
  type LineVerdict,
} from '../../lib/dom/candidates';
import { watchMutations } from '../../lib/dom/mutations';
import { yieldToPage } from '../../lib/dom/slices';
import { extensionApi } from './extension-api';
import { importSession, type PageSession } from './handoff';
import { MARK, type MarkName } from './marks';
import { isOwnNode } from './own-nodes';

/** The annotator script, built beside this one (see wxt.config.ts: web_accessible_resources). */
const ANNOTATOR_SCRIPT = '/content-annotator.js';

/** Rendered text longer than this is scanned in slices (the read itself is one native call). */
const SLICE_ABOVE_CHARS = 400_000;

/**
 * Calls `work` in the page's first idle period. Reading rendered text lays the
 * page out if it is not yet: waiting for the page's own first frame keeps its
 * layout (long on a large page) out of our work, and a task of its own keeps
 * us out of the frame.
 */
function whenIdle(doc: Document, work: () => void): void {
  const view = doc.defaultView!;
  if (typeof view.requestIdleCallback === 'function') view.requestIdleCallback(() => work(), { timeout: 1000 });
  else setTimeout(work, 0);
}

/**
 * Changes to the stored settings, heard from the moment the settings are first
 * asked for (a change while the annotator script loads is not lost) and handed
 * to the session's listener once it exists.
 */
function watchSettingsChanges(api: Browser): (listener: () => void) => void {
  let early = false;
  let handler: (() => void) | null = null;
  api.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'local') return;
    if (handler) handler();
    else early = true;
  });
  return (listener) => {
    handler = listener;
    if (early) listener();
  };
}

export function startPageGate(doc: Document = document): void {
  whenIdle(doc, () => gate(doc));
}

function gate(doc: Document): void {
  const made = new Set<MarkName>();
  const mark = (name: MarkName) => {
    if (made.has(name)) return;
    made.add(name);
    performance.mark(name);
  };
  mark(MARK.start);

  let session: PageSession | null = null;
  let waking = false;
  let settingsChanges: ((listener: () => void) => void) | null = null;

  const watch = watchMutations(doc.documentElement, {
    isOwn: isOwnNode,
    onChange: (added, removedFrom) => {
      if (session) session.pageChanged(added, removedFrom);
      else if (!waking && changedBlocks(added, isOwnNode).some(blockMayHoldClaim)) wake();
    },
  });

  // The locating walk, started with the import so that it runs while the script loads.
  let walk: CandidateWalk | null = null;
  const walkAhead = async () => {
    const own = (walk = new CandidateWalk(doc));
    while (walk === own && !own.step(8)) await yieldToPage();
  };

  // The settings request, the import and the walk run side by side: their waits overlap.
  const wake = () => {
    waking = true;
    const giveUp = () => {
      // The extension is reloading or gone: a later candidate tries again.
      walk = null;
      waking = false;
    };
    let firstSettings: Promise<unknown>;
    let onSettingsChanged: (listener: () => void) => void;
    let script: string;
    try {
      const api = extensionApi();
      firstSettings = api.runtime.sendMessage({ type: 'page-settings', host: location.hostname });
      onSettingsChanged = settingsChanges ??= watchSettingsChanges(api);
      script = api.runtime.getURL(ANNOTATOR_SCRIPT);
    } catch {
      giveUp(); // the API of an extension that was reloaded throws at once
      return;
    }
    firstSettings.catch(() => {}); // read by the session; a failure there is handled there
    void walkAhead();
    importSession(script)
      .then((start) => {
        session = start({
          doc,
          mark,
          discardPendingChanges: () => watch.discardPending(),
          firstSettings,
          onSettingsChanged,
          takeWalk: () => {
            const taken = walk;
            walk = null; // also ends the walk's loop if it is still going
            return taken;
          },
        });
      })
      .catch(giveUp);
  };

  const root = doc.body ?? doc.documentElement;
  const text = root ? renderedText(root) : '';
  const finish = (verdict: LineVerdict) => {
    if (verdict === 'same-line' || (verdict === 'adjacent-lines' && holdsCandidateAcrossBreaks(doc))) {
      wake();
      return;
    }
    mark(MARK.indexed);
    mark(MARK.done);
  };
  if (text.length <= SLICE_ABOVE_CHARS) finish(candidateLines(text));
  else void yieldToPage().then(() => candidateLinesSliced(text, yieldToPage).then(finish)); // the read took its slice
}
