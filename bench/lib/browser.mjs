/**
 * The configurations under test, launched with the same flags: bare Chromium, Chromium with AdTally, and
 * Chromium with uBlock Origin (its MV3 wrapper, bench/lib/ubo-mv3.mjs). The flags are
 * scripts/launch-chromium.mjs's BROWSER_FLAGS (every host to 127.0.0.1, background networking off), so the
 * configurations differ only by the two extension flags. Each launch is a fresh temporary profile.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSER_FLAGS as COMMON_FLAGS, CHROMIUM_PATH, closeWelcomeTab } from '../../scripts/launch-chromium.mjs';
import { waitForUbo } from './ubo-mv3.mjs';

export { CHROMIUM_PATH };

/** The hostile pages' configurations; the page bench adds 'ubo' (bench/run.mjs, BENCH_CONFIGS). */
export const CONFIGS = ['bare', 'adtally'];

/**
 * `config`: 'bare', 'adtally' or 'ubo'; `extensionDir`: that configuration's unpacked extension.
 * Resolves to { context, worker, extensionId, ubo }; worker and extensionId are null for bare Chromium; `ubo`
 * ({ background, readyMs, lists }) is set for uBO, resolved once uBO has compiled its lists.
 * `userDataDir`: a profile directory to keep (the storage bench measures its database on disk); '' is a
 * fresh temporary profile.
 */
export async function launch(config, extensionDir, userDataDir = '') {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}; set CHROMIUM_PATH.`);
  const extensionFlags = config !== 'bare' ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: [...extensionFlags, ...COMMON_FLAGS],
  });
  if (config === 'bare') return { context, worker: null, extensionId: null, ubo: null };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  if (config === 'ubo') {
    try {
      return { context, worker, extensionId, ubo: await waitForUbo(context, extensionId) };
    } catch (error) {
      await context.close();
      throw error;
    }
  }
  // AdTally opens its welcome tab on install, and --load-extension installs it at every launch, a kept
  // profile's too (the storage bench's second launch opened it again). Closed before anything is measured,
  // so both configurations start with one blank tab; builds from before the welcome page have none.
  // A kept profile whose AdTally was loaded from this same path before is not installed again (no tab);
  // only a fresh profile must show it.
  if (existsSync(join(extensionDir, 'welcome.html'))) await closeWelcomeTab(context, extensionId).catch((error) => {
    if (!userDataDir) throw error;
  });
  return { context, worker, extensionId, ubo: null };
}
