/**
 * Launches Chromium with AdTally (dist/chromium) loaded, *.test resolved to 127.0.0.1 and every background
 * network feature off (this machine has no internet, and a test must not depend on it). Resolves to the
 * Playwright context and the extension's id, read from its service worker's URL.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = fileURLToPath(new URL('../dist/chromium', import.meta.url));

/**
 * The flags every AdTally browser runs with, extension or not (the bench launches bare Chromium with them).
 * Every host name resolves to the fixture server: *.test sites, and ad-network hosts whose creatives the
 * corpus serves from e2e/sites/<real host>/. No test traffic can leave the machine.
 */
export const BROWSER_FLAGS = [
  '--host-resolver-rules=MAP * 127.0.0.1',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * `welcomeTab`: AdTally opens its welcome page once, on install (background/welcome-tab.ts), and every
 * launch here is a fresh install. 'close' (the default) waits for that tab and closes it, so a test, a
 * screenshot or a bench starts as before with the one blank tab (`context.pages()[0]`) active; 'keep'
 * leaves it open (e2e/welcome.spec.ts looks at it).
 */
export async function launchWithExtension({ headless = true, extensionDir = EXTENSION_DIR, backForwardCache = false, welcomeTab = 'close' } = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  if (!existsSync(`${extensionDir}/manifest.json`)) {
    throw new Error(`No built extension in ${extensionDir}: run npm run build first.`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport: { width: 1280, height: 720 },
    // Playwright turns the back/forward cache off by default; the bfcache page-view test needs it on.
    ignoreDefaultArgs: backForwardCache ? ['--disable-back-forward-cache'] : [],
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...BROWSER_FLAGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  if (welcomeTab === 'close') await closeWelcomeTab(context, extensionId);
  return { context, extensionId, worker };
}

/** Waits for the welcome tab AdTally opens on install (at most 15 s) and closes it. */
export async function closeWelcomeTab(context, extensionId) {
  const welcome = await waitForWelcomeTab(context, extensionId);
  await welcome.close();
}

/** The welcome tab of a fresh install, once it shows welcome.html. */
export async function waitForWelcomeTab(context, extensionId, timeout = 15_000) {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + timeout;
  for (;;) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`AdTally's welcome tab did not open within ${timeout} ms of the install`);
    // A tab opened by the extension may report about:blank until its navigation commits: look again.
    await context.waitForEvent('page', { timeout: 250 }).catch(() => {});
  }
}
