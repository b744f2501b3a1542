import { defineConfig } from 'wxt';
import { manifestCommands } from './lib/commands';
import { storeSafeBundle } from './build/store-safe-bundle';
import { checkRuleFiles, ruleFileReader } from './build/rule-files';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources archive for addons.mozilla.org: what rebuilds the extension, not local screenshots.
  zip: { excludeSources: ['artifacts/**'] },
  // Vite's modulepreload polyfill is the bundle's only fetch(); every browser we ship to preloads natively.
  // storeSafeBundle: no eval probe (zod) and no innerHTML path (Preact) in what the stores receive.
  // checkRuleFiles: a defective rule file fails the build (the extension reads them unvalidated).
  vite: () => ({ plugins: [storeSafeBundle(), checkRuleFiles(ruleFileReader(import.meta.dirname))], build: { modulePreload: { polyfill: false } } }),
  manifest: ({ browser }) => ({
    name: 'Metric Lens',
    description:
      'Shows which metric a number about child trafficking really comes from, and what it does and does not count.',
    // Settings live in storage.local. activeTab: the toolbar popup reads the address of the tab it
    // was opened on (a page whose script found nothing to read closely does not answer messages).
    // The content script's `matches` is the only standing host access.
    permissions: ['storage', 'activeTab'],
    // The page gate runs on every page; the annotator is imported from it only where a claim may be.
    // A dynamic URL (Chrome) keeps pages from probing for the extension through that file.
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['content-gate.js'],
        css: ['content-scripts/highlights.css'],
        run_at: 'document_idle',
      },
    ],
    // Keyboard shortcuts people can see and change in the browser's shortcut settings.
    commands: manifestCommands(),
    web_accessible_resources: [
      { resources: ['content-annotator.js'], matches: ['<all_urls>'], use_dynamic_url: true },
    ],
    // Own scripts only: no remote code, no eval, no plugins. (WXT writes the string form for MV2.)
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    // Firefox only: Chrome reports the key as unrecognised.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'metric-lens@example.org',
              // The CSS Custom Highlight API, which paints the claims, arrived in Firefox 140.
              strict_min_version: '140.0',
              // Firefox asks extensions to declare what they collect: nothing.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          } as Record<string, unknown>,
        }
      : {}),
  }),
});
