// Reads, validates and watches the stored settings. Every context (background,
// content script, options, popup) goes through this module.
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, Settings } from './schema';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = Settings.safeParse(stored ?? DEFAULT_SETTINGS);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: Settings.parse(settings) });
}

/** Calls `onChange` with the new settings whenever they change; returns an unsubscribe function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
