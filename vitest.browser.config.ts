import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { BROWSER_FLAGS, CHROMIUM_PATH } from './scripts/launch-chromium.mjs';

/**
 * The real-browser unit tier (`npm run test:browser`): *.browser.test.ts files run in Debian's Chromium,
 * headless, for the code whose answer depends on layout (what text a person sees, which boxes have a size).
 * happy-dom lays nothing out, so there those tests would prove a different program. The same flags as the
 * e2e browsers: every host resolves to this machine, so fixture pages' images and frames never leave it.
 */
export default defineConfig({
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.browser.test.ts'],
    // Failure screenshots and attachments go with the other reports, never into the tree.
    attachmentsDir: 'test-results/vitest-attachments',
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: BROWSER_FLAGS } }),
      instances: [{ browser: 'chromium' }],
      // A desktop window, like the e2e browsers': the fixture pages are desktop layouts.
      viewport: { width: 1280, height: 720 },
      screenshotDirectory: 'test-results/browser-screenshots',
    },
  },
});
