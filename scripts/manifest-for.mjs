/**
 * The one MV3 manifest, patched per browser at build time (docs/architecture.md, "Browser differences live in one place").
 * Chromium: a service worker. Firefox: an event page (Firefox MV3 has no background service workers),
 * a fixed add-on id, and the data-collection declaration Firefox requires of new add-ons (none collected).
 */
export function manifestFor(target, base) {
  const manifest = structuredClone(base);
  if (target === 'firefox') {
    manifest.background = { scripts: ['background.js'] };
    manifest.browser_specific_settings = {
      gecko: {
        id: 'adtally@adtally.org',
        // 140 is the first release that reads data_collection_permissions.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on.
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest;
}
