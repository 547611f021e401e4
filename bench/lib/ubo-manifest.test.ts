import { describe, expect, it } from 'vitest';
import { mv3Manifest, SHIM_FILE, WORKER_FILE, withShim } from './ubo-manifest.mjs';

// A minimal MV2 manifest with every part the wrapper changes or must keep, shaped like Debian's uBO 1.67.
const contentScripts = [{ matches: ['http://*/*', 'https://*/*'], js: ['/js/vapi.js', '/js/contentscript.js'], all_frames: true, match_about_blank: true, run_at: 'document_start' }];
const mv2 = {
  manifest_version: 2,
  name: 'Fake blocker',
  version: '1.2.3',
  background: { page: 'background.html' },
  browser_action: { default_title: 'Fake blocker', default_popup: 'popup.html' },
  permissions: ['storage', 'tabs', 'webRequest', 'webRequestBlocking', '<all_urls>', 'https://lists.example/*'],
  content_security_policy: "script-src 'self'; object-src 'self'",
  content_scripts: contentScripts,
  web_accessible_resources: ['/web_accessible_resources/*'],
  incognito: 'split',
};

describe('mv3Manifest', () => {
  const mv3 = mv3Manifest(mv2);

  it('hosts the background page from a service worker', () => {
    expect(mv3.manifest_version).toBe(3);
    expect(mv3.background).toEqual({ service_worker: WORKER_FILE });
  });

  it('keeps the content scripts, in every frame at document_start, as they were', () => {
    expect(mv3.content_scripts).toEqual(contentScripts);
    expect(mv3.incognito).toBe('split');
    expect(mv3.version).toBe('1.2.3');
  });

  it('moves host patterns to host_permissions and drops blocking webRequest, which MV3 refuses', () => {
    expect(mv3.permissions).toEqual(['storage', 'tabs', 'webRequest', 'scripting']);
    expect(mv3.host_permissions).toEqual(['<all_urls>', 'https://lists.example/*']);
  });

  it('renames browser_action and turns the CSP and resources into their MV3 forms', () => {
    expect(mv3).not.toHaveProperty('browser_action');
    expect(mv3.action).toEqual(mv2.browser_action);
    expect(mv3.content_security_policy).toEqual({ extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" });
    expect(mv3.web_accessible_resources).toEqual([{ resources: ['/web_accessible_resources/*'], matches: ['<all_urls>'] }]);
  });

  it('leaves its input alone and refuses what is not an MV2 extension with a background page', () => {
    expect(mv2.manifest_version).toBe(2);
    expect(mv2.permissions).toContain('webRequestBlocking');
    expect(() => mv3Manifest(mv3)).toThrow(/manifest_version 3/);
    expect(() => mv3Manifest({ ...mv2, background: { scripts: ['bg.js'] } })).toThrow(/background page/);
  });
});

describe('withShim', () => {
  it("puts the shim before the page's first script, so uBO's scripts find the MV2 names", () => {
    const html = '<!DOCTYPE html>\n<html><body>\n<script src="lib/lz4.js"></script>\n<script src="js/start.js" type="module"></script>\n</body></html>';
    const patched = withShim(html);
    const scripts = [...patched.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([SHIM_FILE, 'lib/lz4.js', 'js/start.js']);
  });

  it('refuses a page without scripts', () => {
    expect(() => withShim('<html><body></body></html>')).toThrow(/no <script>/);
  });
});
