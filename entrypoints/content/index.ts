// Content script: small on purpose (no engine, no rules, no zod). It indexes
// the page's text, asks the background for claims and annotates them in place.
import './highlights.css';
import browser from 'webextension-polyfill';
import type { PageClaims, PageSettings } from '../../lib/messages';
import { Annotator } from './annotator';
import { readPageSettings, readPopupRequest } from './inbox';

async function fetchPageSettings(): Promise<PageSettings | null> {
  try {
    return readPageSettings(await browser.runtime.sendMessage({ type: 'page-settings', host: location.hostname }));
  } catch {
    return null;
  }
}

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main() {
    let annotator: Annotator | null = null;
    let settings: PageSettings | null = null;
    // Replies can cross: only the answer to the latest request counts.
    let latest = 0;
    const refresh = async () => {
      const request = ++latest;
      const next = await fetchPageSettings();
      if (!next || request !== latest) return;
      if (settings && JSON.stringify(next) === JSON.stringify(settings)) return;
      settings = next;
      if (!annotator) {
        annotator = new Annotator(next, {
          disableSite: () =>
            void browser.runtime.sendMessage({ type: 'disable-site', host: location.hostname }).catch(() => {}),
        });
        if (next.active) annotator.start();
      } else {
        annotator.updateSettings(next);
      }
    };
    // Listening before the first read, so a change made meanwhile is not missed. Settings changed
    // anywhere (options page, toolbar popup, another tab) apply here without a reload.
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'local') void refresh();
    });
    browser.runtime.onMessage.addListener((raw: unknown) => {
      const request = readPopupRequest(raw);
      if (!request) return undefined;
      if (request.type === 'list-claims') {
        const reply: PageClaims = {
          url: location.href,
          enabled: settings?.active ?? false,
          claims: annotator?.claims ?? [],
        };
        return Promise.resolve(reply);
      }
      return Promise.resolve({ ok: annotator?.focusClaim(request.index) ?? false });
    });
    await refresh();
  },
});
