// Settings: one schema with defaults and a version. Older shapes are brought
// up to date by migrate.ts; damaged fields are repaired by repair.ts; store.ts
// reads and writes them.
import { z } from 'zod';
import { MetricId, Sensitivity } from '../contract';
import { RulePack } from '../../rules/schema';
import { isSitePattern } from './sites';

export const SETTINGS_VERSION = 1;


export const SitePattern = z
  .string()
  .refine(isSitePattern, 'not a host name or *.domain pattern');

/** `contrast`: a solid underline that keeps 3:1 against light and dark pages (WCAG 1.4.11). */
export const HighlightStyle = z.enum(['color', 'underline', 'contrast']);
export type HighlightStyle = z.infer<typeof HighlightStyle>;

export const StoredRulePack = z.object({
  id: z.string().min(1).max(100),
  enabled: z.boolean(),
  /** ISO time of import. */
  importedAt: z.string(),
  pack: RulePack,
});
export type StoredRulePack = z.infer<typeof StoredRulePack>;

/**
 * The element schema of each list field, so that repair can keep the valid
 * entries of a list and drop only the damaged ones.
 */
export const LIST_ITEMS = {
  disabledMetrics: MetricId,
  disabledSites: SitePattern,
  rulePacks: StoredRulePack,
} as const;

/** How many entries each list may hold (a rule pack is at most 256 kB of JSON). */
export const LIST_LIMITS: Record<keyof typeof LIST_ITEMS, number> = {
  disabledMetrics: 100,
  disabledSites: 1_000,
  rulePacks: 20,
};

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Off switches Metric Lens off everywhere. */
  enabled: z.boolean().default(true),
  sensitivity: Sensitivity.default('balanced'),
  /** Metrics whose claims are not shown. */
  disabledMetrics: z.array(LIST_ITEMS.disabledMetrics).max(LIST_LIMITS.disabledMetrics).default([]),
  /** Hosts where Metric Lens is off: exact hosts or `*.example.com`. */
  disabledSites: z.array(LIST_ITEMS.disabledSites).max(LIST_LIMITS.disabledSites).default([]),
  highlightStyle: HighlightStyle.default('color'),
  /**
   * Claims marked in the page's text itself (with hidden "claim: …" and "end of
   * claim" words), so screen readers meet them where they stand. Off: no DOM change.
   */
  screenReaderMarks: z.boolean().default(false),
  rulePacks: z.array(LIST_ITEMS.rulePacks).max(LIST_LIMITS.rulePacks).default([]),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({ version: SETTINGS_VERSION });

/** The rule packs the engine should use: the enabled ones, in import order. */
export function activeRulePacks(settings: Settings): RulePack[] {
  return settings.rulePacks.filter((stored) => stored.enabled).map((stored) => stored.pack);
}
