import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import {
  BACKUP_KEY,
  NOTICE_KEY,
  SETTINGS_KEY,
  createSettingsStore,
  type StorageAreaLike,
} from '../../lib/settings/storage';

/** An in-memory storage area with the same contract as browser.storage.local (values are copied). */
function memoryArea(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(structuredClone(initial)));
  let writes = 0;
  const area: StorageAreaLike = {
    async get(keys) {
      return Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items) {
      writes++;
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(key) {
      data.delete(key);
    },
  };
  return { area, data, writes: () => writes };
}

const now = () => new Date('2025-03-04T05:06:07.000Z');

describe('settings store', () => {
  test('first run: defaults, no notice, nothing written', async () => {
    const { area, writes } = memoryArea();
    const store = createSettingsStore(area, now);
    expect(await store.loadWithReport()).toEqual({ settings: DEFAULT_SETTINGS });
    expect(writes()).toBe(0);
  });

  test('save then load gives back the same settings', async () => {
    const { area } = memoryArea();
    const store = createSettingsStore(area, now);
    const settings = { ...DEFAULT_SETTINGS, sensitivity: 'strict' as const, disabledSites: ['*.example.com'] };
    await store.save(settings);
    expect(await store.load()).toEqual(settings);
  });

  test('save refuses invalid settings instead of storing them', async () => {
    const { area, data } = memoryArea();
    const store = createSettingsStore(area, now);
    await expect(store.save({ ...DEFAULT_SETTINGS, sensitivity: 'loud' as never })).rejects.toThrow();
    expect(data.has(SETTINGS_KEY)).toBe(false);
  });

  test('corrupted settings: defaults, written back once, a notice kept until dismissed, the old value backed up', async () => {
    const { area, data, writes } = memoryArea({ [SETTINGS_KEY]: '{{{ not settings' });
    const store = createSettingsStore(area, now);

    const first = await store.loadWithReport();
    expect(first.settings).toEqual(DEFAULT_SETTINGS);
    expect(first.notice).toMatch(/could not be read/);
    expect(data.get(SETTINGS_KEY)).toEqual(DEFAULT_SETTINGS);
    expect(data.get(NOTICE_KEY)).toEqual({ message: first.notice, at: '2025-03-04T05:06:07.000Z' });
    expect(data.get(BACKUP_KEY)).toEqual({ at: '2025-03-04T05:06:07.000Z', stored: '{{{ not settings' });
    expect(writes()).toBe(1);

    // Another context loading later still sees the notice, and nothing is rewritten.
    const second = await store.loadWithReport();
    expect(second).toEqual(first);
    expect(writes()).toBe(1);

    await store.dismissNotice();
    expect(await store.loadWithReport()).toEqual({ settings: DEFAULT_SETTINGS });
  });

  test('a damaged field is repaired in storage and the rest kept', async () => {
    const stored = { ...DEFAULT_SETTINGS, sensitivity: 7, disabledSites: ['example.com'] };
    const { area, data } = memoryArea({ [SETTINGS_KEY]: stored });
    const { settings, notice } = await createSettingsStore(area, now).loadWithReport();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] });
    expect(notice).toMatch(/Sensitivity was damaged/);
    expect(data.get(SETTINGS_KEY)).toEqual(settings);
  });

  test('a v0 object is migrated and stored as v1, without a backup (nothing was lost)', async () => {
    const { area, data } = memoryArea({ [SETTINGS_KEY]: { sensitivity: 'high', sites: { 'example.com': false } } });
    const { settings, notice } = await createSettingsStore(area, now).loadWithReport();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, sensitivity: 'broad', disabledSites: ['example.com'] });
    expect(notice).toMatch(/older version/);
    expect(data.get(SETTINGS_KEY)).toEqual(settings);
    expect(data.has(BACKUP_KEY)).toBe(false);
  });

  test('update applies a change to what is stored now', async () => {
    const { area } = memoryArea({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledSites: ['a.example'] } });
    const store = createSettingsStore(area, now);
    const next = await store.update((s) => ({ ...s, sensitivity: 'broad' }));
    expect(next).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.example'], sensitivity: 'broad' });
    expect(await store.load()).toEqual(next);
  });
});
