// The words that describe each choice on the options page, in one place.
import type { Sensitivity } from '../../lib/contract';
import { SENSITIVITY_LEVELS } from '../../lib/engine/sensitivity';
import type { Family } from '../../rules/schema';
import type { HighlightStyle } from '../../lib/settings/schema';

/** The engine's own description of each level, so that the page says what the engine does. */
export const SENSITIVITY_CHOICES: { id: Sensitivity; label: string; line: string; example: string }[] = (
  [
    ['strict', 'Strict'],
    ['balanced', 'Balanced (default)'],
    ['broad', 'Broad'],
  ] as const
).map(([id, label]) => ({ id, label, line: SENSITIVITY_LEVELS[id].description, example: SENSITIVITY_LEVELS[id].example }));

export const FAMILY_LABELS: Record<Family, string> = {
  border: 'Border encounters',
  custody: 'Children in federal custody and after release',
  enforcement: 'Law enforcement, victims and hotlines',
  estimates: 'Estimates, surveys and global reports',
  money: 'Fees and revenue',
  other: 'Other sources, and unsourced figures',
};

export const HIGHLIGHT_CHOICES: { id: HighlightStyle; label: string; line: string }[] = [
  { id: 'color', label: 'Colour', line: 'A soft amber background behind each claim.' },
  { id: 'underline', label: 'Underline only', line: 'An amber underline; the text keeps its own background.' },
];

/** The keys the page script listens for (see entrypoints/content). */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['Alt', 'Shift', 'N'], action: 'Go to the next claim on the page' },
  { keys: ['Alt', 'Shift', 'P'], action: 'Go to the previous claim' },
  { keys: ['Enter'], action: 'Open the context popup of the claim in focus' },
  { keys: ['Esc'], action: 'Close the popup' },
];
