// The extension API for the page scripts, without the polyfill (whose set-up
// would run on every page): Firefox's `browser`, or Chrome's `chrome`, whose
// methods return promises in Manifest V3. Typed by the polyfill's types only.
import type { Browser } from 'webextension-polyfill';

type Globals = { browser?: Browser; chrome?: Browser };

const globals = globalThis as unknown as Globals;

export const extensionApi: Browser = (globals.browser?.runtime?.id ? globals.browser : globals.chrome)!;
