// Reads, validates and watches the stored settings in browser.storage.local.
// Every context (background, content script, options, popup) goes through this
// module; the logic sits in storage.ts, the checks in schema/migrate/repair.
import browser from 'webextension-polyfill';
import type { Settings } from './schema';
import { SETTINGS_KEY, createSettingsStore, type LoadedSettings } from './storage';

export type { LoadedSettings } from './storage';

const store = createSettingsStore(browser.storage.local);

/** The settings, migrated and repaired as needed (never throws for bad stored data). */
export const loadSettings = (): Promise<Settings> => store.load();

/** The settings plus a message for the user when they had to be migrated or repaired. */
export const loadSettingsWithReport = (): Promise<LoadedSettings> => store.loadWithReport();

export const saveSettings = (settings: Settings): Promise<void> => store.save(settings);

/** Applies `change` to the current stored settings and saves the result. */
export const updateSettings = (change: (current: Settings) => Settings): Promise<Settings> =>
  store.update(change);

export const resetSettings = (): Promise<Settings> => store.reset();

export const dismissSettingsNotice = (): Promise<void> => store.dismissNotice();

/** Calls `onChange` with the new settings whenever they change; returns an unsubscribe function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
