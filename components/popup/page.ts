// Talking to the content script of the tab the popup belongs to.
import browser from 'webextension-polyfill';
import { PageClaims, type Message } from '../../lib/messages';
import { isSiteEnabled } from '../../lib/settings/sites';
import { loadSettings } from '../../lib/settings/store';

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

/**
 * The claims the page shows; none on a web page whose content script saw no
 * candidate (it listens only from its first candidate on); null where no
 * content script runs (browser pages, the store, PDFs…).
 */
export async function requestPageClaims(tabId: number): Promise<PageClaims | null> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, { type: 'list-claims' } satisfies Message);
    const parsed = PageClaims.safeParse(reply);
    return parsed.success ? parsed.data : null;
  } catch {
    return pageWithoutCandidates(tabId);
  }
}

/**
 * No answer: the tab's address (readable through `activeTab`, which the click
 * on the toolbar button grants) tells a web page, where the content script
 * ran and found nothing to read closely, from a page closed to extensions.
 */
async function pageWithoutCandidates(tabId: number): Promise<PageClaims | null> {
  const url = (await browser.tabs.get(tabId).catch(() => null))?.url;
  if (!url || !/^https?:\/\//.test(url)) return null;
  const host = new URL(url).hostname;
  return { url, enabled: isSiteEnabled(await loadSettings(), host), claims: [] };
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
