/**
 * The two configurations under test, launched with the same flags: bare Chromium, and Chromium with AdTally.
 * The flags are scripts/launch-chromium.mjs's BROWSER_FLAGS (every host to 127.0.0.1, background networking
 * off), so both configurations differ only by the two extension flags. Each launch is a fresh temporary
 * profile.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSER_FLAGS as COMMON_FLAGS, CHROMIUM_PATH, closeWelcomeTab } from '../../scripts/launch-chromium.mjs';

export { CHROMIUM_PATH };

export const CONFIGS = ['bare', 'adtally'];

/**
 * Resolves to { context, worker, extensionId }; worker and extensionId are null for bare Chromium.
 * `userDataDir`: a profile directory to keep (the storage bench measures its database on disk); '' is a
 * fresh temporary profile.
 */
export async function launch(config, extensionDir, userDataDir = '') {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}; set CHROMIUM_PATH.`);
  const extensionFlags = config === 'adtally' ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: [...extensionFlags, ...COMMON_FLAGS],
  });
  if (config !== 'adtally') return { context, worker: null, extensionId: null };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  // AdTally opens its welcome tab on install, and --load-extension installs it at every launch, a kept
  // profile's too (the storage bench's second launch opened it again). Closed before anything is measured,
  // so both configurations start with one blank tab; builds from before the welcome page have none.
  // A kept profile whose AdTally was loaded from this same path before is not installed again (no tab);
  // only a fresh profile must show it.
  if (existsSync(join(extensionDir, 'welcome.html'))) await closeWelcomeTab(context, extensionId).catch((error) => {
    if (!userDataDir) throw error;
  });
  return { context, worker, extensionId };
}
