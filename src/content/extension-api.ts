import type { Browser } from 'webextension-polyfill';

/**
 * The extension API as the browser gives it, without webextension-polyfill. Content scripts run in every page
 * (content.js) and every child frame (frame.js): the polyfill is 32 kB to parse and compile in each, and its
 * set-up cost ~0.18 ms per frame (4.4 s of main thread on the hostile bench page's 25,000 empty AdSense frames,
 * docs/performance.md). The calls made from content scripts need none of it: `runtime.sendMessage` returns a
 * promise natively in Firefox (`browser`) and in Chromium's Manifest V3 (`chrome`), and tab messages are
 * answered through `sendResponse` (messaging.ts), which both take. Read anew at each use: after an extension
 * update Chrome removes `runtime` from the object (messaging.ts).
 */
export function extensionApi(): Browser | undefined {
  const scope = globalThis as { browser?: Browser; chrome?: Browser };
  return scope.browser ?? scope.chrome;
}
