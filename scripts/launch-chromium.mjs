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

export async function launchWithExtension({ headless = true, extensionDir = EXTENSION_DIR, backForwardCache = false } = {}) {
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
  return { context, extensionId, worker };
}
