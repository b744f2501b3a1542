import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Metric Lens',
    description:
      'Shows which metric a number about child trafficking really comes from, and what it does and does not count.',
    permissions: ['storage'],
    browser_specific_settings: {
      gecko: {
        id: 'metric-lens@example.org',
        // Firefox asks extensions to declare what they collect: nothing.
        data_collection_permissions: { required: ['none'] },
      },
    } as Record<string, unknown>,
  },
});
