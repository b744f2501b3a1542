import { describe, expect, test } from 'vitest';
import { COMMANDS, manifestCommands, relayCommand } from '../../lib/commands';
import { readPopupRequest } from '../../entrypoints/content/inbox';
import { SHORTCUTS } from '../../components/options/copy';

function fakeApi(activeTab: number | undefined, fails = false) {
  const sent: Array<[number, unknown]> = [];
  return {
    sent,
    api: {
      tabs: {
        query: async () => (activeTab === undefined ? [] : [{ id: activeTab }]),
        sendMessage: async (id: number, message: unknown) => {
          if (fails) throw new Error('Could not establish connection. Receiving end does not exist.');
          sent.push([id, message]);
          return { ok: true };
        },
      },
    },
  };
}

describe('keyboard commands', () => {
  test('the manifest declares each command with its default key and a description', () => {
    const declared = manifestCommands();
    expect(Object.keys(declared).sort()).toEqual(['next-claim', 'previous-claim', 'toggle-highlights']);
    expect(declared['next-claim']).toEqual({ suggested_key: { default: 'Alt+Shift+N' }, description: expect.any(String) });
    // Chrome takes at most four suggested keys.
    expect(Object.keys(declared).length).toBeLessThanOrEqual(4);
  });

  test('the options page lists the same default keys', () => {
    for (const { key } of Object.values(COMMANDS)) {
      expect(SHORTCUTS.some((s) => s.keys.join('+') === key)).toBe(true);
    }
  });

  test('a command goes to the tab it was pressed on, else the active tab', async () => {
    const one = fakeApi(7);
    expect(await relayCommand(one.api, 'toggle-highlights', { id: 3 })).toBe(true);
    expect(await relayCommand(one.api, 'next-claim')).toBe(true);
    expect(one.sent).toEqual([
      [3, { type: 'command', command: 'toggle-highlights' }],
      [7, { type: 'command', command: 'next-claim' }],
    ]);
    // What the page script reads back.
    expect(one.sent.map(([, m]) => readPopupRequest(m))).toEqual([
      { type: 'command', command: 'toggle-highlights' },
      { type: 'command', command: 'next-claim' },
    ]);
  });

  test('unknown commands, no tab, and a tab that does not answer do nothing', async () => {
    const none = fakeApi(undefined);
    expect(await relayCommand(none.api, 'next-claim')).toBe(false);
    expect(await relayCommand(fakeApi(4).api, '_execute_action')).toBe(false);
    expect(await relayCommand(fakeApi(4, true).api, 'next-claim')).toBe(false);
    expect(readPopupRequest({ type: 'command', command: 'format-disk' })).toBeNull();
    expect(readPopupRequest({ type: 'command', command: 3 })).toBeNull();
  });
});
