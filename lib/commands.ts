// The keyboard shortcuts declared as the manifest's `commands` (so that people
// can see and change them in the browser's shortcut settings), and the
// background's relay of a pressed shortcut to the tab's content script.

/** Command name → default key and the description the browser's shortcut settings show. */
export const COMMANDS = {
  'next-claim': { key: 'Alt+Shift+N', description: 'Go to the next claim on the page' },
  'previous-claim': { key: 'Alt+Shift+P', description: 'Go to the previous claim on the page' },
  'toggle-highlights': { key: 'Alt+Shift+H', description: 'Hide or show all highlights on the page' },
} as const;

export type CommandName = keyof typeof COMMANDS;

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** The manifest's `commands` entry. */
export function manifestCommands(): Record<string, { suggested_key: { default: string }; description: string }> {
  return Object.fromEntries(
    Object.entries(COMMANDS).map(([name, { key, description }]) => [name, { suggested_key: { default: key }, description }]),
  );
}

interface RelayApi {
  tabs: {
    query(q: { active: true; currentWindow: true }): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/**
 * Sends a pressed command to the content script of `tab` (or of the active tab
 * when the browser gives none). A tab without Metric Lens's page script (no
 * claim there, or a browser page) does not answer: nothing happens.
 */
export async function relayCommand(api: RelayApi, command: string, tab?: { id?: number }): Promise<boolean> {
  if (!isCommandName(command)) return false;
  const id = tab?.id ?? (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined || id < 0) return false;
  try {
    await api.tabs.sendMessage(id, { type: 'command', command });
    return true;
  } catch {
    return false;
  }
}
