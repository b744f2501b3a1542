// Reading what the extension did on a page, from outside (Playwright): the
// performance marks, the painted highlights, the claims the content script
// holds. Used by `npm start`, the browser tests and the benchmark.
import type { Page, Worker } from 'playwright-core';
import type { PageClaims } from '../lib/messages';

/** Waits until the content script marked `metric-lens:done` (its first full scan is over). */
export async function waitForScan(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('metric-lens:done').length > 0, undefined, {
    timeout: timeoutMs,
    polling: 100,
  });
}

export interface PaintedRange {
  text: string;
  rect: { x: number; y: number; width: number; height: number } | null;
}

/**
 * Runs in the page (self-contained, for any driver's `evaluate`): the ranges in
 * Metric Lens's highlights (any style), in document order.
 */
export function readPaintedRanges(): PaintedRange[] {
  const registry = CSS.highlights;
  const highlight = registry.get('metric-lens') ?? registry.get('metric-lens-underline') ?? registry.get('metric-lens-contrast');
  const ranges = highlight ? ([...highlight] as Range[]) : [];
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((range) => {
    const first = range.getClientRects()[0];
    return {
      text: range.toString(),
      rect: first ? { x: first.x, y: first.y, width: first.width, height: first.height } : null,
    };
  });
}

/** The ranges in Metric Lens's highlights (any style), in document order, as the page sees them. */
export async function paintedRanges(page: Page): Promise<PaintedRange[]> {
  return page.evaluate(readPaintedRanges);
}

/** The part of the extension API the service worker uses here. */
interface TabsApi {
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/**
 * The content script's answer to the toolbar popup's `list-claims` in the tab
 * showing `url`, or null when no tab answers for it (a page whose text held
 * no candidate: its page script stays silent).
 */
export async function pageAnswer(serviceWorker: Worker, url: string): Promise<PageClaims | null> {
  return serviceWorker.evaluate(async (pageUrl) => {
    // Without the "tabs" permission tab URLs are hidden: ask every tab, keep the one on this page.
    const api = (globalThis as unknown as { chrome: TabsApi }).chrome;
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply = (await api.tabs.sendMessage(tab.id, { type: 'list-claims' }).catch(() => null)) as PageClaims | null;
      if (reply?.url === pageUrl) return reply;
    }
    return null;
  }, url);
}

/** Asks the content script in the tab showing `url` for its claims; throws if no tab answers. */
export async function listClaims(serviceWorker: Worker, url: string): Promise<PageClaims> {
  const answer = await pageAnswer(serviceWorker, url);
  if (!answer) throw new Error(`no tab with Metric Lens shows ${url}`);
  return answer;
}

/** Asks the content script in the tab showing `url` to scroll to claim `index` and open its popup. */
export async function focusClaim(serviceWorker: Worker, url: string, index: number): Promise<boolean> {
  return serviceWorker.evaluate(
    async ([pageUrl, i]) => {
      const api = (globalThis as unknown as { chrome: TabsApi }).chrome;
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        const list = (await api.tabs.sendMessage(tab.id, { type: 'list-claims' }).catch(() => null)) as PageClaims | null;
        if (list?.url !== pageUrl) continue;
        const reply = (await api.tabs.sendMessage(tab.id, { type: 'focus-claim', index: i })) as { ok: boolean };
        return reply.ok;
      }
      throw new Error(`no tab with Metric Lens shows ${pageUrl}`);
    },
    [url, index] as const,
  );
}
