// The toolbar badge: how many claims the tab shows, set per tab from the
// content script's `claims-count` message.
import browser from 'webextension-polyfill';
import { Message } from './messages';

/** "" for none (no badge), "999+" beyond three digits. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 999 ? '999+' : String(Math.floor(count));
}

// Chrome (MV3) has `action`; the Firefox build (MV2) has `browserAction`.
const action = () => browser.action ?? browser.browserAction;

export async function showClaimsCount(tabId: number, count: number): Promise<void> {
  await action().setBadgeText({ tabId, text: badgeText(count) });
}

/**
 * Listens for `claims-count` from content scripts. Answers nothing (returns
 * undefined), so other listeners keep handling the other messages.
 */
export function registerBadge(): void {
  void action().setBadgeBackgroundColor({ color: '#5b4bb7' });
  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    const parsed = Message.safeParse(raw);
    const tabId = sender.tab?.id;
    if (!parsed.success || parsed.data.type !== 'claims-count' || tabId === undefined) return undefined;
    // Only the top frame speaks for the tab.
    if (sender.frameId !== undefined && sender.frameId !== 0) return undefined;
    showClaimsCount(tabId, parsed.data.count).catch(() => {
      // The tab closed before the badge was set: nothing to show.
    });
    return undefined;
  });
}
