import '../lib/zod-config';
import browser from 'webextension-polyfill';
import { createContentRequestListener } from '../lib/engine-host';
import { loadSettings, updateSettings } from '../lib/settings/store';
import { registerBadge } from '../lib/badge';

export default defineBackground(() => {
  // The engine host: content scripts send candidate passages, the engine answers with claims.
  browser.runtime.onMessage.addListener(
    createContentRequestListener({ load: loadSettings, update: updateSettings }),
  );
  // The toolbar badge: the number of claims each tab shows.
  registerBadge();
});
