import { defineConfig } from '@playwright/test';

/**
 * The e2e suite drives real browsers with the built extension (dist/). One worker: each test launches its
 * own browser with a fresh profile, and two cores cannot run two browsers without skewing timing.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts$/,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // One retry in CI, reported as flaky by scripts/test-all.mjs, never silently: a 2-core machine shared
  // with other work can starve a browser; a test that needs its retry is a bug to find, not a pass.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: { trace: 'off' },
});
