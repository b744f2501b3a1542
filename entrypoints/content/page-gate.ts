// What every page runs: one read of the rendered text and the prefilter on
// it. A page with no line holding both a quantity and a topic word costs that
// and nothing more: no settings round trip, no UI, no annotator. Where a
// candidate shows up (at load or later, as the page changes), the settings
// are asked for and, if Metric Lens is on for the site, the annotator script
// is imported and takes over the careful work.
import type { PageClaims, PageSettings } from '../../lib/messages';
import {
  CandidateWalk, blockMayHoldClaim, candidateLines, candidateLinesSliced, changedBlocks, holdsCandidateAcrossBreaks, renderedText,
  type LineVerdict,
} from '../../lib/dom/candidates';
import { watchMutations } from '../../lib/dom/mutations';
import { yieldToPage } from '../../lib/dom/slices';
import { extensionApi } from './extension-api';
import { importAnnotator, type AnnotatorFactory, type PageAnnotator } from './handoff';
import { readPageSettings, readPopupRequest } from './inbox';
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

  const api = extensionApi;
  const host = location.hostname;
  let settings: PageSettings | null = null;
  let annotator: PageAnnotator | null = null;
  let loading = false;
  let wanted = false; // a candidate was seen: from then on the settings matter
  let latest = 0;

  const fetchSettings = async (): Promise<PageSettings | null> => {
    try {
      return readPageSettings(await api.runtime.sendMessage({ type: 'page-settings', host }));
    } catch {
      return null;
    }
  };

  const watch = watchMutations(doc.documentElement, {
    isOwn: isOwnNode,
    onChange: (added, removedFrom) => {
      if (annotator) annotator.pageChanged(added, removedFrom);
      else if (!loading && settings?.active !== false && changedBlocks(added, isOwnNode).some(blockMayHoldClaim)) {
        if (wanted) void refresh(); // an earlier load failed: try again
        else want();
      }
    },
  });

  // Fetched at the first candidate, alongside the settings: the two round trips overlap.
  let factory: Promise<AnnotatorFactory> | null = null;
  const loadAnnotator = () => (factory ??= importAnnotator(api.runtime.getURL(ANNOTATOR_SCRIPT)));

  // The locating walk, started at the first candidate so that it runs while the script loads.
  let walk: CandidateWalk | null = null;
  const walkAhead = async () => {
    const own = (walk = new CandidateWalk(doc));
    while (walk === own && !own.step(8)) {
      await yieldToPage();
      if (settings?.active === false) walk = null;
    }
  };

  const apply = async (next: PageSettings) => {
    settings = next;
    if (annotator) {
      annotator.updateSettings(next);
      return;
    }
    if (!next.active) walk = null;
    if (!next.active || loading) return;
    loading = true;
    try {
      const create = await loadAnnotator();
      annotator = create(settings, {
        mark,
        discardPendingChanges: () => watch.discardPending(),
        disableSite: () => void api.runtime.sendMessage({ type: 'disable-site', host }).catch(() => {}),
      });
      const ahead = walk;
      walk = null;
      if (settings.active) annotator.start(ahead ?? undefined);
    } catch {
      // The script could not be loaded (the extension reloading): a later change or candidate tries again.
      factory = null;
      settings = null;
    } finally {
      loading = false;
    }
  };

  // Replies can cross: only the answer to the latest request counts.
  const refresh = async () => {
    const request = ++latest;
    const next = await fetchSettings();
    if (!next || request !== latest) return;
    if (settings && JSON.stringify(next) === JSON.stringify(settings)) return;
    await apply(next);
  };

  const want = () => {
    if (wanted) return;
    wanted = true;
    // Settings changed anywhere (options page, toolbar popup, another tab) apply here without a reload.
    api.storage.onChanged.addListener((_changes, area) => {
      if (area === 'local') void refresh();
    });
    void refresh();
    void loadAnnotator().catch(() => {});
    void walkAhead();
  };

  // Replies go through sendResponse (true keeps the channel open): both browsers take that form.
  const onMessage = (raw: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): boolean => {
    const request = readPopupRequest(raw);
    if (!request) return false;
    if (request.type === 'focus-claim') {
      sendResponse({ ok: annotator?.focusClaim(request.index) ?? false });
      return false;
    }
    const reply = (enabled: boolean): PageClaims => ({ url: location.href, enabled, claims: annotator?.claims ?? [] });
    if (wanted && settings) {
      sendResponse(reply(settings.active));
      return false;
    }
    // Nothing here was worth the settings so far: ask now, for this answer only.
    void fetchSettings().then((fresh) => sendResponse(reply(fresh?.active ?? false)));
    return true;
  };
  api.runtime.onMessage.addListener(onMessage as unknown as Parameters<typeof api.runtime.onMessage.addListener>[0]);

  const root = doc.body ?? doc.documentElement;
  const text = root ? renderedText(root) : '';
  const finish = (verdict: LineVerdict) => {
    if (verdict === 'same-line' || (verdict === 'adjacent-lines' && holdsCandidateAcrossBreaks(doc))) {
      want();
      return;
    }
    mark(MARK.indexed);
    mark(MARK.done);
  };
  if (text.length <= SLICE_ABOVE_CHARS) finish(candidateLines(text));
  else void yieldToPage().then(() => candidateLinesSliced(text, yieldToPage).then(finish)); // the read took its slice
}
