import '../lib/zod-config';
import browser from 'webextension-polyfill';
import { createContentRequestListener } from '../lib/engine-host';
import { loadSettings, updateSettings } from '../lib/settings/store';
import { registerBadge } from '../lib/badge';
import { relayCommand } from '../lib/commands';

export default defineBackground(() => {
  // The engine host: content scripts send candidate passages, the engine answers with claims.
  browser.runtime.onMessage.addListener(
    createContentRequestListener({ load: loadSettings, update: updateSettings }),
  );
  // The toolbar badge: the number of claims each tab shows.
  registerBadge();
  // The manifest's keyboard shortcuts: handled by the page script of the tab they were pressed on.
  browser.commands.onCommand.addListener((command, tab) => void relayCommand(browser, command, tab));
});
