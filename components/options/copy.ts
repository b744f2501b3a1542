// The words that describe each choice on the options page, in one place.
import type { Sensitivity } from '../../lib/contract';
import { measuredFigures, SENSITIVITY_LEVELS } from '../../lib/engine/sensitivity';
import type { Family } from '../../rules/schema';
import type { HighlightStyle } from '../../lib/settings/schema';

/** The engine's own description of each level, so that the page says what the engine does. */
export const SENSITIVITY_CHOICES: { id: Sensitivity; label: string; line: string; example: string; figures: string }[] = (
  [
    ['strict', 'Strict'],
    ['balanced', 'Balanced (default)'],
    ['broad', 'Broad'],
  ] as const
).map(([id, label]) => ({
  id,
  label,
  line: SENSITIVITY_LEVELS[id].description,
  example: SENSITIVITY_LEVELS[id].example,
  figures: measuredFigures(id),
}));

export const FAMILY_LABELS: Record<Family, string> = {
  border: 'Border encounters',
  custody: 'Children in federal custody and after release',
  enforcement: 'Law enforcement, victims and hotlines',
  estimates: 'Estimates, surveys and global reports',
  money: 'Fees and revenue',
  other: 'Other sources, and unsourced figures',
};

/** `contrast` says so: it is the one style whose mark keeps 3:1 against light and dark pages. */
export const HIGHLIGHT_CHOICES: { id: HighlightStyle; label: string; line: string }[] = [
  { id: 'color', label: 'Colour', line: 'A soft amber background behind each claim. Low contrast: easy to miss.' },
  { id: 'underline', label: 'Underline only', line: 'A wavy amber underline; the text keeps its own background.' },
  {
    id: 'contrast',
    label: 'High contrast',
    line: 'A thick solid underline with at least 3:1 contrast on light and on dark pages (WCAG 2.1 AA).',
  },
];

/**
 * The default keys. The first three are the manifest's `commands` (wxt.config.ts), which the
 * browser lets people change; the rest are the page's own keys on a claim.
 */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['Alt', 'Shift', 'N'], action: 'Go to the next claim on the page' },
  { keys: ['Alt', 'Shift', 'P'], action: 'Go to the previous claim' },
  { keys: ['Alt', 'Shift', 'H'], action: 'Hide or show all highlights' },
  { keys: ['Enter'], action: 'Open the context popup of the claim in focus' },
  { keys: ['Tab'], action: 'Go on to the page content after the claim' },
  { keys: ['Esc'], action: 'Close the popup or the tooltip' },
];

export const SCREEN_READER_MODE = {
  label: 'Screen-reader mode',
  line:
    'Marks each claim in the page’s text, with “claim:” and the metric before it and “end of claim” after it, ' +
    'so that a screen reader reading the page meets it. The page looks the same; its text is wrapped in marks. ' +
    'Off, Metric Lens never changes the page’s content.',
};
