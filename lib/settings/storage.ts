// The settings store over any storage area with the shape of
// browser.storage.local, so that it can be tested with an in-memory area.
// store.ts binds it to the browser.
import { DEFAULT_SETTINGS, Settings } from './schema';
import { describeRepair, repairSettings } from './repair';

export const SETTINGS_KEY = 'settings';
/** A message for the options page about a repair or migration, kept until dismissed. */
export const NOTICE_KEY = 'settingsNotice';
/** The stored value as it was before a repair dropped something, for the record. */
export const BACKUP_KEY = 'settingsBackup';

/** Damaged values larger than this are not kept as a backup. */
const MAX_BACKUP_CHARS = 1_000_000;

export interface StorageAreaLike {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface SettingsNotice {
  message: string;
  /** ISO time. */
  at: string;
}

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored settings were migrated or repaired (now or earlier, until dismissed). */
  notice?: string;
}

function readNotice(value: unknown): SettingsNotice | undefined {
  if (value && typeof value === 'object' && typeof (value as SettingsNotice).message === 'string') {
    return value as SettingsNotice;
  }
  return undefined;
}

function backupOf(stored: unknown): unknown {
  try {
    const json = JSON.stringify(stored);
    return json !== undefined && json.length <= MAX_BACKUP_CHARS ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function createSettingsStore(area: StorageAreaLike, now: () => Date = () => new Date()) {
  /**
   * Reads the settings; when they had to be migrated or repaired, writes the
   * result back (so the repair happens once) with a notice for the options page.
   * Never throws for bad stored data.
   */
  async function loadWithReport(): Promise<LoadedSettings> {
    const items = await area.get([SETTINGS_KEY, NOTICE_KEY]);
    const stored = items[SETTINGS_KEY];
    const report = repairSettings(stored);
    const message = describeRepair(report);
    if (message !== undefined) {
      const writes: Record<string, unknown> = {
        [SETTINGS_KEY]: report.settings,
        [NOTICE_KEY]: { message, at: now().toISOString() } satisfies SettingsNotice,
      };
      const backup = report.problems.length > 0 ? backupOf(stored) : undefined;
      if (backup !== undefined) writes[BACKUP_KEY] = { at: now().toISOString(), stored: backup };
      await area.set(writes);
      return { settings: report.settings, notice: message };
    }
    const pending = readNotice(items[NOTICE_KEY]);
    return pending ? { settings: report.settings, notice: pending.message } : { settings: report.settings };
  }

  async function load(): Promise<Settings> {
    return (await loadWithReport()).settings;
  }

  async function save(settings: Settings): Promise<void> {
    await area.set({ [SETTINGS_KEY]: Settings.parse(settings) });
  }

  /** Reads, changes and writes back, so that a change made elsewhere is not overwritten. */
  async function update(change: (current: Settings) => Settings): Promise<Settings> {
    const next = Settings.parse(change(await load()));
    await area.set({ [SETTINGS_KEY]: next });
    return next;
  }

  async function reset(): Promise<Settings> {
    await save(DEFAULT_SETTINGS);
    return DEFAULT_SETTINGS;
  }

  async function dismissNotice(): Promise<void> {
    await area.remove(NOTICE_KEY);
  }

  return { loadWithReport, load, save, update, reset, dismissNotice };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
