// The content script every page loads (listed in wxt.config.ts): the page
// gate only. It stays small and free of the polyfill, Preact and the text
// index; the annotator is a separate script imported where it is needed.
import { startPageGate } from './content/page-gate';

export default defineUnlistedScript(() => {
  startPageGate();
});
