/*
 * Loaded first in the wrapped uBlock Origin's background.html (bench/lib/ubo-mv3.mjs): gives uBO's MV2
 * background code the few MV2 APIs an MV3 extension page lacks, mapped onto their MV3 replacements. Written
 * for AdTally's page bench; nothing here changes what uBO does in web pages.
 */
(() => {
  'use strict';
  // Chromium exposes `browser` beside `chrome`, and uBO's vapi.js then uses `browser` for both: patch each.
  const namespaces = [...new Set([self.chrome, self.browser].filter(Boolean))];
  // Extension API objects may have accessor-only properties: define them rather than assign.
  const define = (object, key, value) => Object.defineProperty(object, key, { value, configurable: true, writable: true, enumerable: true });

  // What the bench reads back (bench/lib/ubo-mv3.mjs): how often uBO asked for what MV3 cannot do as asked.
  const shim = { codeInjections: 0, blockingDropped: 0 };
  self.__adtallyBenchShim = shim;

  // MV3 callbacks report errors through runtime.lastError as MV2's did; uBO reads and ignores them.
  const settle = (promise, callback, map = (r) => r) => {
    promise.then(
      (result) => typeof callback === 'function' && callback(map(result)),
      () => typeof callback === 'function' && callback(undefined),
    );
  };
  const target = (tabId, details) => {
    if (details.allFrames) return { tabId, allFrames: true };
    return typeof details.frameId === 'number' ? { tabId, frameIds: [details.frameId] } : { tabId };
  };
  const css = (tabId, details) => ({
    target: target(tabId, details),
    origin: details.cssOrigin === 'user' ? 'USER' : 'AUTHOR',
    ...(typeof details.code === 'string' ? { css: details.code } : { files: [details.file] }),
  });
  // MV3 runs no code strings in a content script's world. uBO sends code strings only for scriptlets (none of
  // its filters matches the bench's *.test pages, and the count says so); they run as a page <script>.
  function runAsPageScript(code) {
    const script = document.createElement('script');
    script.textContent = code;
    (document.head ?? document.documentElement).append(script);
    script.remove();
  }

  const patchedEvents = new WeakSet(); // chrome.webRequest and browser.webRequest may share their events
  for (const ns of namespaces) {
    if (!ns.browserAction && ns.action) define(ns, 'browserAction', ns.action);
    const getManifest = ns.runtime.getManifest.bind(ns.runtime);
    // uBO reads its badge title from manifest.browser_action.
    define(ns.runtime, 'getManifest', () => {
      const manifest = getManifest();
      if (!manifest.browser_action && manifest.action) manifest.browser_action = manifest.action;
      return manifest;
    });
    define(ns.tabs, 'insertCSS', (tabId, details, callback) => settle(ns.scripting.insertCSS(css(tabId, details)), callback));
    define(ns.tabs, 'removeCSS', (tabId, details, callback) => settle(ns.scripting.removeCSS(css(tabId, details)), callback));
    define(ns.tabs, 'executeScript', (tabId, details, callback) => {
      const injection = { target: target(tabId, details), injectImmediately: details.runAt === 'document_start' };
      if (typeof details.code === 'string') {
        shim.codeInjections++;
        Object.assign(injection, { func: runAsPageScript, args: [details.code] });
      } else {
        injection.files = [details.file];
      }
      // MV2 answered with one result per frame.
      settle(ns.scripting.executeScript(injection), callback, (results) => (Array.isArray(results) ? results.map((r) => r?.result) : []));
    });
    // Blocking listeners are refused outright in MV3; registered without 'blocking', uBO still sees requests.
    for (const name of Object.keys(ns.webRequest)) {
      const event = ns.webRequest[name];
      if (typeof event?.addListener !== 'function' || patchedEvents.has(event)) continue;
      patchedEvents.add(event);
      const addListener = event.addListener.bind(event);
      define(event, 'addListener', (listener, filter, extraInfo) => {
        if (Array.isArray(extraInfo) && extraInfo.includes('blocking')) shim.blockingDropped++;
        return addListener(listener, filter, Array.isArray(extraInfo) ? extraInfo.filter((x) => x !== 'blocking') : extraInfo);
      });
    }
  }
})();
