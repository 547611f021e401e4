/**
 * The pure half of the uBlock Origin wrapper (bench/lib/ubo-mv3.mjs): Debian's uBO is a Manifest V2
 * extension, which Chromium 139 and later refuse to load; these turn its manifest and background page into
 * an MV3 extension that runs the same code. Pure, so bench/lib/ubo-manifest.test.ts checks them on a small
 * fake manifest.
 */

/** Files the wrapper adds beside uBO's own (their sources are in bench/lib/ubo-wrapper/). */
export const WORKER_FILE = 'mv3-worker.js';
export const SHIM_FILE = 'mv2-shim.js';

/**
 * MV2 manifest → MV3 manifest. Kept as they are: the content scripts (uBO's vapi.js, vapi-client.js and
 * contentscript.js at document_start in every frame, which is what costs a page), commands, icons, options.
 * Changed, each because MV3 has no other way:
 * - the background page becomes a service worker (WORKER_FILE) that opens background.html in a tab, where
 *   uBO's background code runs as before (an MV3 extension may not have a background page);
 * - `browser_action` becomes `action`;
 * - host patterns move from `permissions` to `host_permissions`;
 * - `webRequestBlocking` is dropped: MV3 grants blocking webRequest to policy-installed extensions only, so
 *   the wrapped uBO sees requests but blocks none (network filtering is lost; cosmetic filtering is not);
 * - `scripting` is added, for the shim's tabs.insertCSS / executeScript;
 * - the CSP string becomes the `extension_pages` object (with 'wasm-unsafe-eval', which uBO's WebAssembly
 *   modules need under MV3);
 * - `web_accessible_resources` paths become one entry matching every page.
 */
export function mv3Manifest(mv2) {
  if (mv2.manifest_version !== 2) throw new Error(`expected a Manifest V2 extension, got manifest_version ${mv2.manifest_version}`);
  if (!mv2.background?.page) throw new Error('expected an MV2 background page (background.page)');
  const { browser_action: browserAction, background: _page, content_security_policy: _csp, web_accessible_resources: resources, ...kept } = mv2;
  const permissions = mv2.permissions ?? [];
  const isHost = (p) => p === '<all_urls>' || p.includes('://');
  const hosts = permissions.filter(isHost);
  const manifest = {
    ...kept,
    manifest_version: 3,
    name: `${mv2.name} (MV3 wrapper for AdTally's bench)`,
    background: { service_worker: WORKER_FILE },
    permissions: [...new Set([...permissions.filter((p) => !isHost(p) && p !== 'webRequestBlocking'), 'scripting'])],
    host_permissions: hosts.length ? hosts : ['<all_urls>'],
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
  };
  if (browserAction) manifest.action = browserAction;
  if (Array.isArray(resources) && resources.length) {
    manifest.web_accessible_resources = typeof resources[0] === 'string' ? [{ resources, matches: ['<all_urls>'] }] : resources;
  }
  return manifest;
}

/**
 * background.html with the shim as its first script: uBO's webext.js reads chrome.browserAction and
 * chrome.tabs.insertCSS while it loads, so the MV2 names must exist before any of uBO's scripts runs.
 */
export function withShim(backgroundHtml) {
  const at = backgroundHtml.search(/<script\b/i);
  if (at < 0) throw new Error('background.html has no <script> to put the shim before');
  return `${backgroundHtml.slice(0, at)}<script src="${SHIM_FILE}"></script>\n${backgroundHtml.slice(at)}`;
}
