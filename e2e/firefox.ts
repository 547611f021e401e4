/**
 * Firefox ESR driven by puppeteer-core over WebDriver BiDi (Playwright's Firefox is a patched build that
 * cannot be downloaded here). AdTally is installed from dist/firefox as a temporary add-on; the pref
 * extensions.webextensions.uuids fixes its moz-extension:// id so the test can open its pages.
 */
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SITES_DIR } from '../scripts/fixture-server.mjs';
import { closeWelcomeTarget } from './welcome-tab';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const ADDON_ID = 'adtally@adtally.org';
export const ADDON_UUID = '6f1e2a4b-7c3d-4e5f-8a9b-0c1d2e3f4a5b';
const EXTENSION_DIR = fileURLToPath(new URL('../dist/firefox', import.meta.url));
// Every fixture host (a folder of e2e/sites) resolves to 127.0.0.1.
const FIXTURE_HOSTS = readdirSync(SITES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

export async function launchFirefoxWithExtension(): Promise<Browser> {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`Firefox not found at ${FIREFOX_PATH} (apt-get install firefox-esr)`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Firefox 153+ lets WebDriver navigate to moz-extension:// only with system access (ghostery-extension#3526).
    args: ['--remote-allow-system-access', '--width=1280', '--height=720'],
    extraPrefsFirefox: {
      // Firefox has no host-resolver-rules: these names resolve to 127.0.0.1 instead.
      'network.dns.localDomains': FIXTURE_HOSTS.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    },
  });
  await browser.installExtension(EXTENSION_DIR);
  await closeWelcomeTarget(browser);
  return browser;
}

/**
 * Opens an AdTally page. goto() on moz-extension:// never resolves under BiDi (puppeteer#14314): wait for the
 * DOM. A script evaluation sent while the new tab's document is still being swapped in can fail with a
 * protocol error ("right-hand side of 'in' should be an object, got null", seen once in a full run); that
 * poll is repeated, not the test failed, until the 15 s are up.
 */
export async function openExtensionPage(page: Page, path: string, readySelector: string): Promise<void> {
  page.goto(`moz-extension://${ADDON_UUID}/${path}`).catch(() => {});
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await page.waitForSelector(readySelector, { timeout: Math.max(1, deadline - Date.now()) });
      return;
    } catch (error) {
      if (Date.now() >= deadline || !isProtocolError(error)) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Whether an error, or one of its causes, is a WebDriver protocol error. */
function isProtocolError(error: unknown): boolean {
  for (let e = error as { name?: string; message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.name === 'ProtocolError' || String(e.message).includes('Protocol error')) return true;
  }
  return false;
}

/** Scrolls to the end in wheel steps, as in scripts/visit.mjs. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.mouse.move(640, 360);
  for (let i = 0; i < 60; i++) {
    const atEnd = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);
    if (atEnd) break;
    await page.mouse.wheel({ deltaY: 360 });
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 300));
}

/** A real mouse click in the middle of an element; the tab the ad opens is closed again. */
export async function clickAndReturn(browser: Browser, page: Page, selector: string): Promise<void> {
  const handle = await page.waitForSelector(selector);
  await handle!.scrollIntoView();
  await new Promise((r) => setTimeout(r, 300));
  const box = await handle!.boundingBox();
  if (!box) throw new Error(`nothing to click: ${selector}`);
  const opened = browser.waitForTarget((t) => t.url().includes('shop.test'), { timeout: 5_000 }).catch(() => null);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const target = await opened;
  const tab = await target?.page();
  if (tab) await tab.close();
  await page.bringToFront();
  await new Promise((r) => setTimeout(r, 300));
}

/** Brings an element into view and keeps it there for `ms`. */
export async function dwellOn(page: Page, selector: string, ms = 1500): Promise<void> {
  const handle = await page.waitForSelector(selector);
  await handle!.scrollIntoView();
  await new Promise((r) => setTimeout(r, ms));
}
