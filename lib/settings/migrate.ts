// Brings stored settings written by an older Metric Lens up to the current
// shape. Each migration takes version n to n + 1 and works on plain data; the
// result is then checked field by field by repair.ts, so a migration may pass
// along values it cannot vouch for.
import { SETTINGS_VERSION } from './schema';

type Stored = Record<string, unknown>;
export type Migration = (old: Stored) => Stored;

/**
 * Version 0 (before settings had a version number) stored
 * `{ sensitivity: 'high' | 'medium' | 'low', sites: { [host]: boolean }, highlight: 'yellow' | 'underline' }`,
 * where `sites[host] === false` meant "off on this host".
 */
const OLD_SENSITIVITY: Record<string, string> = { high: 'broad', medium: 'balanced', low: 'strict' };
const OLD_HIGHLIGHT: Record<string, string> = { yellow: 'color', underline: 'underline' };

export const v0ToV1: Migration = (old) => {
  // Fields that already carry their version 1 names are kept: an object that
  // only lost its version number should lose nothing else.
  const { sensitivity, sites, highlight, ...rest } = old;
  const next: Stored = { ...rest, version: 1 };
  if (sensitivity !== undefined) {
    next.sensitivity = typeof sensitivity === 'string' ? (OLD_SENSITIVITY[sensitivity] ?? sensitivity) : sensitivity;
  }
  if (highlight !== undefined) {
    next.highlightStyle = typeof highlight === 'string' ? (OLD_HIGHLIGHT[highlight] ?? highlight) : highlight;
  }
  if (sites !== undefined) {
    next.disabledSites =
      sites !== null && typeof sites === 'object' && !Array.isArray(sites)
        ? Object.entries(sites as Stored)
            .filter(([, on]) => on === false)
            .map(([host]) => host)
        : sites;
  }
  return next;
};

/** MIGRATIONS[n] takes version n to n + 1. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1];

/** The version an object says it has: 0 when it has none, null when the number itself is damaged. */
export function storedVersion(stored: Stored): number | null {
  if (!Object.hasOwn(stored, 'version')) return 0;
  const version = stored.version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

export interface MigrationResult {
  value: Stored;
  /** The version the stored object had (null: unreadable version number). */
  from: number | null;
  /** True when migrations ran. */
  migrated: boolean;
}

/**
 * Runs the migrations from the stored version up to SETTINGS_VERSION. A newer
 * or unreadable version is left as it is: repair keeps what this version
 * understands.
 */
export function migrateSettings(stored: Stored): MigrationResult {
  const from = storedVersion(stored);
  if (from === null || from >= SETTINGS_VERSION) return { value: stored, from, migrated: false };
  let value = stored;
  for (let version = from; version < SETTINGS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`no settings migration from version ${version}`);
    value = step(value);
  }
  return { value, from, migrated: true };
}
