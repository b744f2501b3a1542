// The toolbar popup's reading of a tab: the content script's answer when it
// gives one; otherwise the tab's address decides between "a web page with no
// claims" (its page script found no candidate and stays silent) and "a page
// closed to extensions".
import { beforeEach, describe, expect, test, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  reply: null as unknown,
  replyError: null as Error | null,
  tabUrl: undefined as string | undefined,
  stored: {} as Record<string, unknown>,
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: {
      sendMessage: async () => {
        if (fake.replyError) throw fake.replyError;
        return fake.reply;
      },
      get: async (id: number) => ({ id, url: fake.tabUrl }),
    },
    storage: {
      local: {
        get: async () => ({ ...fake.stored }),
        set: async (items: Record<string, unknown>) => void Object.assign(fake.stored, items),
        remove: async () => {},
      },
      onChanged: { addListener() {}, removeListener() {} },
    },
    runtime: { onMessage: { addListener() {}, removeListener() {} } },
  },
}));

const { requestPageClaims } = await import('../../components/popup/page');
const { SETTINGS_KEY } = await import('../../lib/settings/storage');
const { DEFAULT_SETTINGS } = await import('../../lib/settings/schema');

beforeEach(() => {
  fake.reply = null;
  fake.replyError = null;
  fake.tabUrl = undefined;
  fake.stored = {};
});

describe('requestPageClaims', () => {
  test('the content script’s answer is used as it is', async () => {
    fake.reply = { url: 'https://news.example/a', enabled: true, claims: [] };
    expect(await requestPageClaims(1)).toEqual(fake.reply);
  });

  test('a malformed answer counts as no answer from a readable page', async () => {
    fake.reply = { url: 42 };
    fake.tabUrl = undefined;
    expect(await requestPageClaims(1)).toBeNull();
  });

  test('no answer from a web page: no claims, with the site switch state from the settings', async () => {
    fake.replyError = new Error('Could not establish connection. Receiving end does not exist.');
    fake.tabUrl = 'https://quiet.example/story';
    expect(await requestPageClaims(1)).toEqual({ url: 'https://quiet.example/story', enabled: true, claims: [] });

    fake.stored = { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledSites: ['*.example'] } };
    expect(await requestPageClaims(1)).toMatchObject({ enabled: false, claims: [] });
  });

  test('no answer and no readable web address: a page closed to extensions', async () => {
    fake.replyError = new Error('Could not establish connection. Receiving end does not exist.');
    for (const url of [undefined, 'chrome://settings/', 'chrome-extension://abc/popup.html', 'about:blank']) {
      fake.tabUrl = url;
      expect(await requestPageClaims(1)).toBeNull();
    }
  });
});
