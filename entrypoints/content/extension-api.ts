// The extension API for the content scripts, without the polyfill (whose
// set-up would run on every page): Firefox's `browser`, or Chrome's `chrome`,
// whose methods return promises in Manifest V3. Typed by the polyfill's types
// only. A function, read when first needed: on a page without candidates the
// gate never touches the API, whose bindings cost the page time to set up.
import type { Browser } from 'webextension-polyfill';

type Globals = { browser?: Browser; chrome?: Browser };

let api: Browser | null = null;

export function extensionApi(): Browser {
  const globals = globalThis as unknown as Globals;
  return (api ??= (globals.browser?.runtime?.id ? globals.browser : globals.chrome)!);
}
