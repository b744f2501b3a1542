import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { claimsToCsv, claimsToJson, exportFileName, type ClaimsExport } from '../../lib/export';
import type { PageClaims } from '../../lib/messages';
import type { Settings } from '../../lib/settings/schema';
import { isSiteEnabled, withSiteEnabled } from '../../lib/settings/sites';
import { loadSettings, updateSettings, watchSettings } from '../../lib/settings/store';
import { Switch } from '../ui/Switch';
import { ClaimList } from './ClaimList';
import { downloadText } from './download';
import { focusClaim, requestPageClaims, resolveTabId, watchClaimsCount } from './page';

type PageState = { kind: 'loading' } | { kind: 'unreachable' } | { kind: 'ready'; page: PageClaims };

function hostOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return /^https?:$/.test(protocol) && hostname ? hostname : null;
  } catch {
    return null;
  }
}

function plural(n: number): string {
  return n === 1 ? '1 claim' : `${n} claims`;
}

export function PopupApp() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  // Opened as a page with ?tab=…: stay open after a jump (there is no toolbar popup to dismiss).
  const standalone = new URLSearchParams(location.search).has('tab');

  const refresh = useCallback(async (id: number) => {
    const page = await requestPageClaims(id);
    setState(page ? { kind: 'ready', page } : { kind: 'unreachable' });
  }, []);

  useEffect(() => {
    void loadSettings().then(setSettings);
    const unwatch = watchSettings(setSettings);
    void resolveTabId().then((id) => {
      setTabId(id);
      if (id === null) setState({ kind: 'unreachable' });
      else void refresh(id);
    });
    return unwatch;
  }, [refresh]);

  // Follow the page: when its claims change (new settings, new content), list them again.
  useEffect(() => {
    if (tabId === null) return undefined;
    return watchClaimsCount(tabId, () => void refresh(tabId));
  }, [tabId, refresh]);
  useEffect(() => {
    if (tabId !== null && settings) void refresh(tabId);
  }, [settings, tabId, refresh]);

  const page = state.kind === 'ready' ? state.page : null;
  const host = page ? hostOf(page.url) : null;
  const siteOn = settings && host ? isSiteEnabled(settings, host) : false;
  const claims = page && siteOn ? page.claims : [];

  const exportAs = (format: 'json' | 'csv') => {
    if (!page) return;
    const data: ClaimsExport = { url: page.url, exportedAt: new Date().toISOString(), claims };
    const name = exportFileName(page.url, data.exportedAt, format);
    if (format === 'json') downloadText(claimsToJson(data), name, 'application/json');
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    else downloadText(`\uFEFF${claimsToCsv(data)}`, name, 'text/csv;charset=utf-8');
  };

  const jump = async (index: number) => {
    if (tabId === null) return;
    await focusClaim(tabId, index).catch(() => undefined);
    if (!standalone) window.close();
  };

  return (
    <main class="popup">
      <header class="head">
        <h1>Metric Lens</h1>
        <button class="button quiet settings-link" type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </header>

      {state.kind === 'loading' && <p class="state muted">Reading this page…</p>}
      {state.kind === 'unreachable' && (
        <p class="state muted" data-testid="unreachable">
          Metric Lens cannot read this page. Browser pages, extension stores and some documents are closed to
          extensions; on other pages, reload once after installing.
        </p>
      )}

      {page && host && settings && (
        <div class="site-row">
          <span class="site-text">
            <span class="site-host">{host}</span>
            <span class="muted">
              {!settings.enabled ? 'Off on all sites (see Settings)' : siteOn ? 'On for this site' : 'Off for this site'}
            </span>
          </span>
          <Switch
            checked={siteOn}
            disabled={!settings.enabled}
            label={`Metric Lens on ${host}`}
            onChange={(on) => void updateSettings((s) => withSiteEnabled(s, host, on))}
            testId="site-switch"
          />
        </div>
      )}

      {page && siteOn && (
        <>
          <p class="count" data-testid="claim-count" aria-live="polite">
            {claims.length === 0 ? 'No claims found on this page.' : `${plural(claims.length)} on this page`}
          </p>
          {claims.length > 0 && <ClaimList claims={claims} onFocus={(i) => void jump(i)} />}
          <footer class="foot">
            <span class="muted">Export</span>
            <button class="button" type="button" disabled={claims.length === 0} onClick={() => exportAs('json')} data-testid="export-json">
              JSON
            </button>
            <button class="button" type="button" disabled={claims.length === 0} onClick={() => exportAs('csv')} data-testid="export-csv">
              CSV
            </button>
          </footer>
        </>
      )}
    </main>
  );
}
