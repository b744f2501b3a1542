// Settings: one schema with defaults and a version. (Migrations and the store
// sit beside it.)
import { z } from 'zod';
import { MetricId, Sensitivity } from '../contract';
import { RulePack } from '../../rules/schema';

export const SETTINGS_VERSION = 1;

export const StoredRulePack = z.object({
  id: z.string(),
  enabled: z.boolean(),
  importedAt: z.string(),
  pack: RulePack,
});
export type StoredRulePack = z.infer<typeof StoredRulePack>;

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  enabled: z.boolean().default(true),
  sensitivity: Sensitivity.default('balanced'),
  disabledMetrics: z.array(MetricId).default([]),
  /** Hosts where Metric Lens is off: exact hosts or `*.example.com`. */
  disabledSites: z.array(z.string()).default([]),
  highlightStyle: z.enum(['color', 'underline']).default('color'),
  rulePacks: z.array(StoredRulePack).default([]),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({ version: SETTINGS_VERSION });
