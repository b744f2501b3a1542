// Turns whatever is in storage into valid Settings, keeping every field that
// is still good: a damaged sensitivity does not cost the user their rule packs.
// Pure: the store decides what to write back and what to tell the user.
import { z } from 'zod';
import { DEFAULT_SETTINGS, LIST_ITEMS, LIST_LIMITS, SETTINGS_VERSION, Settings } from './schema';
import { migrateSettings } from './migrate';

export interface RepairReport {
  settings: Settings;
  /** Nothing was stored yet (first run). */
  fresh: boolean;
  /** The stored version, when migrations brought it up to date. */
  migratedFrom?: number;
  /** What was damaged and what was done about it, one plain sentence each. */
  problems: string[];
}

const LABELS: Record<Exclude<keyof Settings, 'version'>, string> = {
  enabled: 'The on/off switch',
  sensitivity: 'Sensitivity',
  disabledMetrics: 'The list of metrics switched off',
  disabledSites: 'The list of sites where Metric Lens is off',
  highlightStyle: 'Highlight style',
  screenReaderMarks: 'Screen-reader mode',
  rulePacks: 'The list of rule packs',
};

type ListField = keyof typeof LIST_ITEMS;
const isListField = (key: string): key is ListField => Object.hasOwn(LIST_ITEMS, key);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Keeps the valid, distinct entries of a stored list. */
function repairList(key: ListField, value: unknown[], problems: string[]): unknown[] {
  const item = LIST_ITEMS[key] as z.ZodType;
  const kept: unknown[] = [];
  const seen = new Set<string>();
  let damaged = 0;
  for (const entry of value) {
    const parsed = item.safeParse(entry);
    if (!parsed.success) {
      damaged++;
      continue;
    }
    // Rule packs are told apart by id; other lists hold strings.
    const identity =
      key === 'rulePacks' ? (parsed.data as { id: string }).id : String(parsed.data);
    if (seen.has(identity)) continue;
    seen.add(identity);
    kept.push(parsed.data);
  }
  if (damaged > 0) {
    problems.push(
      `${LABELS[key]} had ${plural(damaged, 'damaged entry', 'damaged entries')}, now removed; ${plural(kept.length, 'entry was', 'entries were')} kept.`,
    );
  }
  return kept;
}

/** Checks one field; returns the value to keep, or undefined for the default. */
function repairField(key: Exclude<keyof Settings, 'version'>, value: unknown, problems: string[]): unknown {
  const field = Settings.shape[key] as z.ZodType;
  if (value === undefined) return undefined; // not stored yet: the default applies
  const whole = field.safeParse(value);
  if (whole.success) return whole.data;
  if (isListField(key)) {
    if (!Array.isArray(value)) {
      problems.push(`${LABELS[key]} was damaged (${describe(value)} instead of a list) and is now empty.`);
      return undefined;
    }
    const kept = repairList(key, value, problems);
    const max = LIST_LIMITS[key];
    if (kept.length > max) {
      problems.push(`${LABELS[key]} held more than ${max} entries; the first ${max} were kept.`);
      return kept.slice(0, max);
    }
    return kept;
  }
  const fallback = DEFAULT_SETTINGS[key];
  const shown = typeof fallback === 'boolean' ? (fallback ? 'on' : 'off') : String(fallback);
  problems.push(`${LABELS[key]} was damaged and is back to its default (${shown}).`);
  return undefined;
}

export function repairSettings(stored: unknown): RepairReport {
  if (stored === undefined) return { settings: DEFAULT_SETTINGS, fresh: true, problems: [] };
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) {
    return {
      settings: DEFAULT_SETTINGS,
      fresh: false,
      problems: [`The stored settings were unreadable (${describe(stored)}); every setting is back to its default.`],
    };
  }

  const problems: string[] = [];
  const { value, from, migrated } = migrateSettings(stored as Record<string, unknown>);
  if (from === null) problems.push('The settings version number was damaged; every readable setting was kept.');
  else if (from > SETTINGS_VERSION) {
    problems.push('The settings were written by a newer Metric Lens; the settings this version knows were kept.');
  }

  const next: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const key of Object.keys(LABELS) as (keyof typeof LABELS)[]) {
    const kept = repairField(key, Object.hasOwn(value, key) ? value[key] : undefined, problems);
    if (kept !== undefined) next[key] = kept;
  }
  const settings = Settings.parse(next);
  return { settings, fresh: false, ...(migrated && from !== null ? { migratedFrom: from } : {}), problems };
}

/** The sentence shown on the options page, or undefined when there is nothing to say. */
export function describeRepair(report: RepairReport): string | undefined {
  const parts: string[] = [];
  if (report.migratedFrom !== undefined) {
    parts.push('Your settings were saved by an older version of Metric Lens and have been updated.');
  }
  if (report.problems.length > 0) {
    parts.push('Some stored settings could not be read and were repaired:', ...report.problems);
  }
  // One sentence a line: the options page shows the repairs as a list.
  return parts.length > 0 ? parts.join('\n') : undefined;
}
