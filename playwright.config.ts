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
  retries: 0,
  reporter: [['list']],
  use: { trace: 'off' },
});
