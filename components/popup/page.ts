// Talking to the content script of the tab the popup belongs to.
import browser from 'webextension-polyfill';
import { PageClaims, type Message } from '../../lib/messages';

/**
 * The tab to talk to: `?tab=<id>` when the popup is opened as a page (tests,
 * or a pinned tab), else the active tab of the current window. No `tabs`
 * permission is needed for either.
 */
export async function resolveTabId(search: string = location.search): Promise<number | null> {
  const fromQuery = new URLSearchParams(search).get('tab');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The claims the page shows, or null when no content script answers (browser pages, the store, PDFs…). */
export async function requestPageClaims(tabId: number): Promise<PageClaims | null> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, { type: 'list-claims' } satisfies Message);
    const parsed = PageClaims.safeParse(reply);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function focusClaim(tabId: number, index: number): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'focus-claim', index } satisfies Message);
}

/** Calls `onChange` when the tab reports a new number of claims (its content script says so to the badge). */
export function watchClaimsCount(tabId: number, onChange: () => void): () => void {
  const listener = (message: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.tab?.id === tabId && (message as { type?: unknown } | null)?.type === 'claims-count') onChange();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
