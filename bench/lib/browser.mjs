/**
 * The two configurations under test, launched with the same flags: bare Chromium, and Chromium with AdTally.
 * The flags are those of scripts/launch-chromium.mjs (every host to 127.0.0.1, background networking off);
 * they are repeated here so that both configurations provably differ only by the two extension flags. Each
 * launch is a fresh temporary profile.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const COMMON_FLAGS = [
  '--host-resolver-rules=MAP * 127.0.0.1',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const CONFIGS = ['bare', 'adtally'];

/** Resolves to { context, worker, extensionId }; worker and extensionId are null for bare Chromium. */
export async function launch(config, extensionDir) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}; set CHROMIUM_PATH.`);
  const extensionFlags = config === 'adtally' ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: [...extensionFlags, ...COMMON_FLAGS],
  });
  if (config !== 'adtally') return { context, worker: null, extensionId: null };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host };
}
