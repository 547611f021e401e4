/*
 * The wrapped uBlock Origin's service worker (bench/lib/ubo-mv3.mjs): an MV3 extension cannot have a
 * background page, so this opens uBO's background.html in an inactive tab, where its MV2 background code
 * runs in the extension's process as it did before. Nothing else.
 */
const BACKGROUND = chrome.runtime.getURL('background.html');
let opening = null;

function openBackground() {
  opening ??= (async () => {
    const open = await chrome.tabs.query({ url: BACKGROUND });
    if (!open.length) await chrome.tabs.create({ url: BACKGROUND, active: false });
  })().finally(() => {
    opening = null;
  });
  return opening;
}

chrome.runtime.onInstalled.addListener(openBackground);
chrome.runtime.onStartup.addListener(openBackground);
openBackground();
