// A page's life once the gate saw a candidate (this runs in the annotator
// script, never on pages without one): the site's settings, kept current as
// they change anywhere; the toolbar popup's requests; and the annotator,
// created only if Metric Lens is on for the site.
import type { PageClaims, PageSettings } from '../../lib/messages';
import { extensionApi } from './extension-api';
import type { GateHandle, PageAnnotator, PageSession } from './handoff';
import { readPageSettings, readPopupRequest } from './inbox';
import { Annotator } from './annotator';

export function startSession(gate: GateHandle): PageSession {
  const api = extensionApi();
  const host = location.hostname;
  let settings: PageSettings | null = null;
  let annotator: PageAnnotator | null = null;
  let latest = 0;

  const apply = (next: PageSettings) => {
    settings = next;
    if (annotator) {
      annotator.updateSettings(next);
      return;
    }
    if (!next.active) return;
    annotator = new Annotator(next, {
      mark: gate.mark,
      discardPendingChanges: gate.discardPendingChanges,
      disableSite: () => void api.runtime.sendMessage({ type: 'disable-site', host }).catch(() => {}),
    }, gate.doc);
    // The gate's claims, if they were found with these settings (else the annotator asks afresh).
    const given = gate.firstAnswer.reply;
    annotator.start(given.active && given.analysisKey === next.analysisKey ? gate.firstAnswer : undefined);
  };

  const ask = (): Promise<unknown> => api.runtime.sendMessage({ type: 'page-settings', host });

  // Replies can cross: only the answer to the latest request counts.
  const refresh = async (reply: Promise<unknown> = ask()) => {
    const request = ++latest;
    let next: PageSettings | null;
    try {
      next = readPageSettings(await reply);
    } catch {
      next = null; // the extension reloading: a later change asks again
    }
    if (!next || request !== latest) return;
    if (settings && JSON.stringify(next) === JSON.stringify(settings)) return;
    apply(next);
  };


  // Replies go through sendResponse (true keeps the channel open): both browsers take that form.
  const onMessage = (raw: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): boolean => {
    const request = readPopupRequest(raw);
    if (!request) return false;
    if (request.type === 'command') {
      annotator?.runCommand(request.command);
      sendResponse({ ok: annotator !== null });
      return false;
    }
    if (request.type === 'focus-claim') {
      sendResponse({ ok: annotator?.focusClaim(request.index) ?? false });
      return false;
    }
    const reply = (enabled: boolean): PageClaims => ({ url: location.href, enabled, claims: annotator?.claims ?? [] });
    if (settings) {
      sendResponse(reply(settings.active));
      return false;
    }
    // The first settings reply is still on its way: ask again, for this answer only.
    void ask()
      .then((raw) => readPageSettings(raw)?.active ?? false, () => false)
      .then((enabled) => sendResponse(reply(enabled)));
    return true;
  };
  api.runtime.onMessage.addListener(onMessage as unknown as Parameters<typeof api.runtime.onMessage.addListener>[0]);

  void refresh(gate.firstSettings);
  // Settings changed anywhere (options page, toolbar popup, another tab) apply here without a reload.
  gate.onSettingsChanged(() => void refresh());

  return {
    pageChanged(added, removedFrom) {
      // Before the settings arrive the first scan is still to come, and it reads the page as it is then.
      annotator?.pageChanged(added, removedFrom);
    },
  };
}
